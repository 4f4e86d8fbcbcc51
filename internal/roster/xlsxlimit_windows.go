//go:build windows

package roster

import "os"

// processAlive reports whether a process with this id runs: on Windows
// FindProcess opens the process, which fails once it has ended.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
