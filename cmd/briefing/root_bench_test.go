package main

import (
	"os"
	"testing"
)

// BenchmarkNewRootCmd is the whole command tree, which a run that names no command builds
// (help, a mistyped name, completion); a run that names one builds that one (newRunCmd,
// issue 16).
func BenchmarkNewRootCmd(b *testing.B) {
	for b.Loop() {
		newRootCmd(helpLanguage(nil, os.Getenv), os.Getenv)
	}
}
