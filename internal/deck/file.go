package deck

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// MaxFileBytes is the largest deck file read: a 2,000-slide deck is about
// 1 MB; /dev/zero or a video renamed .md is not a deck.
const MaxFileBytes = 8 << 20

// ErrNotAFile: the path is a folder, a pipe or a device.
var ErrNotAFile = errors.New("not a regular file")

// ErrTooLarge: the file is larger than MaxFileBytes.
var ErrTooLarge = fmt.Errorf("larger than %d MB", MaxFileBytes>>20)

// ReadFile reads a deck file: only a regular file (checked on what was
// opened, without waiting for a pipe's writer), at most MaxFileBytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, ErrNotAFile
	}
	if st.Size() > MaxFileBytes {
		return nil, ErrTooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes { // it grew while read
		return nil, ErrTooLarge
	}
	return data, nil
}
