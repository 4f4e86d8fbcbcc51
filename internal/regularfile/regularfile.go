// Package regularfile reads a file a user named, when it is one: not a
// folder, a pipe or a device (/dev/zero reads for ever, a pipe's open waits
// for a writer), and not larger than the reader can use.
package regularfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// ErrNotRegular: the path is a folder, a pipe or a device.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge: the file is larger than the reader takes.
var ErrTooLarge = errors.New("file too large")

// Read reads path, at most max bytes, only if it is a regular file. The
// check is made on what was opened (opening does not wait for a pipe's
// writer), so a path swapped between a check and the open is caught too.
func Read(path string, max int64) ([]byte, error) {
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
		return nil, ErrNotRegular
	}
	tooLarge := fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	if st.Size() > max {
		return nil, tooLarge
	}
	// Sized to the file: io.ReadAll's doubling held twice a 200 MB bundle.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max { // it grew while read
		return nil, tooLarge
	}
	return data, nil
}
