//go:build !linux

package sqlitedb

// WriteLockHolder cannot tell the process holding the lock on this system.
func WriteLockHolder(path string) (pid int, command string, ok bool) { return 0, "", false }
