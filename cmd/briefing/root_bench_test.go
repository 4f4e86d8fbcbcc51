package main

import (
	"os"
	"testing"
)

// BenchmarkNewRootCmd is the command tree every start builds, the presenter's
// included, before it does anything else (issue 16).
func BenchmarkNewRootCmd(b *testing.B) {
	for b.Loop() {
		newRootCmd(helpLanguage(nil, os.Getenv), os.Getenv)
	}
}
