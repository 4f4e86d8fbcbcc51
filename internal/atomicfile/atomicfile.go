// Package atomicfile writes a whole file or nothing: an export, a report,
// the device's keys. A reader never sees half a file, and a crash leaves the
// old file (or none), never a torn one.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Write puts data at path with mode perm: a temporary file beside it,
// synced, renamed over it, then the folder synced so the rename itself
// survives a power cut (where the system allows syncing a folder).
func Write(path string, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(path)
	return nil
}

// CreateNew creates path with data, unless it exists: then fs.ErrExist, and
// of two processes creating the same key file one wins. The file is written
// whole under a temporary name and linked into place, which fails if the name
// exists. Where the system cannot link (some USB sticks' file systems), it is
// created exclusively and written in place, and removed again if that write
// fails.
func CreateNew(path string, data []byte, perm os.FileMode) error {
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, path)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		err = createInPlace(path, data, perm)
	}
	if err == nil {
		syncDir(path)
	}
	return err
}

// writeTemp writes data, synced, to a new temporary file beside path with
// mode perm, and returns its name.
func writeTemp(path string, data []byte, perm os.FileMode) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return "", err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := writeClose(tmp, data); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// createInPlace is CreateNew without a link: O_EXCL, written and synced.
func createInPlace(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if err := writeClose(f, data); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// writeClose writes data to f, syncs and closes it: the first error.
func writeClose(f *os.File, data []byte) error {
	_, err := f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir syncs the folder of path, so that a new name in it survives a power
// cut. Not supported everywhere (Windows): the file is there either way.
func syncDir(path string) {
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
}
