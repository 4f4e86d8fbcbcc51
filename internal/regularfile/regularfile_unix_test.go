//go:build unix

package regularfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A device, a pipe, a folder or a file over the limit is refused at once:
// `deck check /dev/zero` read for ever, a pipe hung `briefing enroll`.
func TestReadRefusesWhatIsNotAFileOfItsSize(t *testing.T) {
	const limit = 1 << 20
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes:", err)
	}
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, make([]byte, limit+1), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]error{"/dev/zero": ErrNotRegular, pipe: ErrNotRegular, dir: ErrNotRegular, big: ErrTooLarge} {
		done := make(chan error, 1)
		go func() { _, err := Read(path, limit); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, want) {
				t.Errorf("%s: %v, want %v", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: reading hangs", path)
		}
	}
	ok := filepath.Join(dir, "ok.md")
	os.WriteFile(ok, []byte("# Mở đầu\n"), 0o600)
	if data, err := Read(ok, limit); err != nil || string(data) != "# Mở đầu\n" {
		t.Errorf("a deck file: %q %v", data, err)
	}
}
