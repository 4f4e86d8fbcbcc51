//go:build unix

package sync

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe given as the enrolment file is refused at once: opening it would
// wait for a writer for ever.
func TestEnrolmentFileRefusesAPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "ghi-danh.json")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadEnrolmentFile(pipe)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("a pipe: %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a pipe as the enrolment file hangs")
	}
}
