// Command emptyprog does nothing: BenchmarkPresenterPTY times its start as the host's
// own cost of starting a Go program, beside the presenter's first frame.
package main

func main() {}
