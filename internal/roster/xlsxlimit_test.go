package roster

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// zipBomb is a small workbook whose sheet unzips to size bytes: the sheet's
// XML with size bytes of spaces before its end. When lie is true the sheet
// declares size bytes but holds only its XML, as a hand-made header may.
func zipBomb(t testing.TB, size int64, lie bool) []byte {
	t.Helper()
	book := bookRows(t, 3)
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if zf.Name != sheetXML {
			w, _ := zw.Create(zf.Name)
			w.Write(b)
			continue
		}
		cut := bytes.Index(b, []byte("</sheetData>"))
		if lie {
			var comp bytes.Buffer
			fw, _ := flate.NewWriter(&comp, flate.BestCompression)
			fw.Write(b)
			fw.Close()
			w, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(b),
				CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(comp.Bytes())
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b[:cut])
		spaces := bytes.Repeat([]byte(" "), 1<<20)
		for n := int64(0); n < size; n += int64(len(spaces)) {
			w.Write(spaces[:min(int64(len(spaces)), size-n)])
		}
		w.Write(b[cut:])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestXLSXZipBombRefused: a workbook whose sheet unzips to 2 GB (it took 58
// s and 4.2 GB and left a 2.1 GB temporary file) is refused before anything
// is unzipped, whether its header tells the truth or lies, and leaves no
// temporary file.
func TestXLSXZipBombRefused(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	cases := []struct {
		name string
		lie  bool
	}{{"declared 2 GB", true}, {"2 GB of spaces", false}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !c.lie && testing.Short() {
				t.Skip("compresses 2 GB: not with -short")
			}
			path := writeTemp(t, "bom.xlsx", zipBomb(t, 2<<30, c.lie))
			r, err := Open(path)
			if err == nil {
				r.Close()
				t.Fatal("a 2 GB workbook was opened")
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Key != "roster.xlsx.toolarge" || !strings.Contains(err.Error(), sheetXML) {
				t.Fatalf("got %v, want roster.xlsx.toolarge naming the sheet", err)
			}
			left, _ := filepath.Glob(filepath.Join(tmp, tempPrefix+"*"))
			more, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
			if left = append(left, more...); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestXLSXTempDirRemoved: a workbook read to its end leaves nothing in the
// temporary folder, and the folder of an import whose process was killed
// (kill -9 leaves its files) is removed by the next import.
func TestXLSXTempDirRemoved(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no process to take the id of:", err)
	}
	stale := filepath.Join(tmp, fmt.Sprintf("%s%d-1", tempPrefix, dead.Process.Pid))
	live := filepath.Join(tmp, fmt.Sprintf("%s%d-2", tempPrefix, os.Getppid()))
	for _, d := range []string{stale, live} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(d, "excelize-1"), []byte("Nguyễn Văn An,0901234567"), 0o600)
	}
	path := writeTemp(t, "ds.xlsx", bookRows(t, 5))
	rows, _, err := readAll(t, path)
	if err != nil || len(rows) != 5 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed import's folder is still there: %v", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("a running import's folder was removed: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(tmp, tempPrefix+fmt.Sprint(os.Getpid())+"-*"))
	if len(left) > 0 {
		t.Errorf("this import left %v", left)
	}
}
