package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteReplacesWholeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bao-cao.md")
	if err := os.WriteFile(path, []byte("cũ"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("mới"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "mới" {
		t.Fatalf("read %q, %v", got, err)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteIntoMissingFolderFailsCleanly(t *testing.T) {
	if err := Write(filepath.Join(t.TempDir(), "khong-co", "x"), []byte("x"), 0o600); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
}

func TestCreateNewWholeOnceAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khoa.json")
	if err := CreateNew(path, []byte("thứ nhất"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CreateNew(path, []byte("thứ hai"), 0o600); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second create: %v, want fs.ErrExist", err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "thứ nhất" {
		t.Fatalf("read %q, %v", got, err)
	}
	if info, _ := os.Stat(path); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestCreateNewInPlaceWhereNoLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "khoa.json")
	if err := createInPlace(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := createInPlace(path, []byte("y"), 0o600); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second create: %v, want fs.ErrExist", err)
	}
}
