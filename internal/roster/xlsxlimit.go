package roster

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A workbook is a zip: a few KB can unzip to gigabytes (a sheet of 2 GB took
// 58 s and 4.2 GB, and left a 2.1 GB temporary file behind). The sizes its
// parts declare are checked before anything is unzipped, and archive/zip
// refuses to read a part past its declared size, so a header that lies
// about a size cannot make a reader go further than these limits either.
const (
	// MaxXLSXUnzipped is the most all parts of a workbook may unzip to: a
	// roster of a million people is about 200 MB of XML.
	MaxXLSXUnzipped = 512 << 20
	// MaxXLSXPart is the most any part but a worksheet may unzip to: excelize
	// keeps those (shared strings, styles) in memory; worksheets it streams.
	MaxXLSXPart = 256 << 20
	// xlsxInMemory is the largest worksheet excelize unzips into memory; a
	// larger one goes to a temporary file in the import's own folder.
	xlsxInMemory = 16 << 20
)

// checkUnzipSize refuses a workbook whose parts declare more than the
// limits. A file archive/zip cannot open is left to excelize, which says why.
func checkUnzipSize(path string) *FileError {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil
	}
	defer zr.Close()
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		sheet := strings.HasPrefix(strings.ToLower(name), "xl/worksheets/")
		if size > MaxXLSXUnzipped || (!sheet && size > MaxXLSXPart) || total > MaxXLSXUnzipped {
			limit := MaxXLSXUnzipped
			if !sheet && size > MaxXLSXPart {
				limit = MaxXLSXPart
			}
			return &FileError{Path: path, Key: "roster.xlsx.toolarge", Args: []any{name, mb(size), mb(total), mb(uint64(limit))}}
		}
	}
	return nil
}

func mb(n uint64) uint64 { return (n + 1<<20 - 1) >> 20 }

// tempPrefix names the folders imports unzip large sheets into, with the
// process's id, so that the next import removes what a killed one left.
const tempPrefix = "briefing-xlsx-"

// newTempDir makes the folder this import's temporary files go to, after
// removing those of imports whose process is gone (killed with -9, a power
// cut): their files hold names and phone numbers.
func newTempDir() (string, error) {
	removeStaleTempDirs(os.TempDir())
	return os.MkdirTemp("", fmt.Sprintf("%s%d-", tempPrefix, os.Getpid()))
}

// removeStaleTempDirs removes the import folders in dir whose process is no
// longer running.
func removeStaleTempDirs(dir string) {
	found, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	for _, d := range found {
		rest := strings.TrimPrefix(filepath.Base(d), tempPrefix)
		pid, err := strconv.Atoi(rest[:max(strings.IndexByte(rest, '-'), 0)])
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.RemoveAll(d)
	}
}
