// Package atomicfile writes a whole file or nothing: an export, a report,
// the device's keys. A reader never sees half a file, and a crash leaves the
// old file (or none), never a torn one.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write puts data at path with mode perm: a temporary file beside it,
// synced, renamed over it, then the folder synced so the rename itself
// survives a power cut (where the system allows syncing a folder).
func Write(path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported everywhere (Windows): the rename is done either way
		d.Close()
	}
	return nil
}

// CreateNew creates path, which must not exist (O_EXCL: of two processes
// creating the same key file, one wins and the other gets fs.ErrExist), with
// data synced, and removes it again if the write fails.
func CreateNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
