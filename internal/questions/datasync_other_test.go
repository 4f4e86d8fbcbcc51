//go:build !linux

package questions

import "os"

// datasync is the platform's file sync, as SQLite's commit uses.
func datasync(f *os.File) error { return f.Sync() }
