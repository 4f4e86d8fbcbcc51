package questions

import (
	"os"
	"syscall"
)

// datasync is fdatasync, which SQLite's commit uses on Linux.
func datasync(f *os.File) error { return syscall.Fdatasync(int(f.Fd())) }
