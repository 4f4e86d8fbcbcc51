package roster

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// xlsxSource streams the rows of one sheet with excelize's row iterator.
// Cells are read as Excel shows them (number formats applied), so an ID
// column formatted "000000000000" keeps its leading zero.
type xlsxSource struct {
	file  *excelize.File
	sheet string
	rows  *excelize.Rows
	path  string
	row   int // sheet row number of the last row read
	// part is the sheet's zip member and maxRow its last row number
	// (checkWorkbook); 0 when unknown.
	part   string
	maxRow int
	done   atomic.Int64
	total  int64
	types  *cellTypes // opened when first needed
	tmp    string     // the folder excelize's temporary files go to, removed on close
}

// openXLSX opens the workbook and finds the first sheet with a header. f is
// closed: excelize opens the file by its path.
func (r *Reader) openXLSX(f readSeekCloser) (err error) {
	f.Close()
	if fe := checkUnzipSize(r.path); fe != nil {
		return fe
	}
	tmp, err := newTempDir()
	if err != nil {
		return &FileError{Path: r.path, Key: "roster.file.open", Args: []any{err.Error()}}
	}
	defer func() {
		if err != nil { // every path but success: nothing of the workbook stays on disk
			os.RemoveAll(tmp)
		}
	}()
	xf, err := excelize.OpenFile(r.path, excelize.Options{
		UnzipSizeLimit: MaxXLSXUnzipped, UnzipXMLSizeLimit: xlsxInMemory, TmpDir: tmp,
	})
	if err != nil {
		return &FileError{Path: r.path, Key: "roster.file.badxlsx", Args: []any{err.Error()}}
	}
	nearLine := 0
	var tried []string
	var readErr error // the first error reading a sheet, other than its end
	for i, sheet := range xf.GetSheetList() {
		rows, err := xf.Rows(sheet)
		if err != nil {
			continue // a chart sheet
		}
		tried = append(tried, sheet)
		src := &xlsxSource{file: xf, sheet: sheet, rows: rows, path: r.path}
		for nonBlank := 0; nonBlank < headerSearchRows; {
			line, cells, err := src.next()
			if err != nil {
				if err != io.EOF && readErr == nil {
					readErr = err
				}
				break
			}
			if blank(cells, -1) {
				continue
			}
			nonBlank++
			h := readHeader(cells)
			if !h.hasName() {
				if nearLine == 0 && h.looksLikeHeader() {
					nearLine = line
				}
				continue
			}
			if err := r.useHeader(line, h); err != nil {
				rows.Close()
				xf.Close()
				return err
			}
			// A damaged workbook is refused before its first row: the
			// iterator would give the rows before the damage as if they
			// were all.
			sc, bad := checkWorkbook(r.path, sheet)
			if bad != nil {
				rows.Close()
				xf.Close()
				return r.damaged(sheet, sc.name == bad.name, *bad)
			}
			if i > 0 {
				r.warn(line, "roster.xlsx.sheet", sheet)
			}
			src.part, src.maxRow, src.tmp = sc.name, sc.maxRow, tmp
			src.total = sheetRows(xf, sheet)
			r.src = src
			return nil
		}
		rows.Close()
	}
	xf.Close()
	// No header: perhaps because the workbook is damaged (shared strings
	// that cannot be read fail every row).
	for _, sheet := range tried {
		if sc, bad := checkWorkbook(r.path, sheet); bad != nil {
			return r.damaged(sheet, sc.name == bad.name, *bad)
		}
	}
	if fe := (*FileError)(nil); errors.As(readErr, &fe) {
		fe.Path = r.path
		return fe
	}
	e := r.noHeader(nearLine)
	if nearLine == 0 {
		e.Key = "roster.file.noheader.xlsx"
	}
	return e
}

// sheetRows is the last row of the sheet's used range (its "dimension"),
// 0 when the sheet does not say.
func sheetRows(xf *excelize.File, sheet string) int64 {
	ref, err := xf.GetSheetDimension(sheet)
	if err != nil || ref == "" {
		return 0
	}
	last := ref[strings.LastIndexByte(ref, ':')+1:]
	_, row, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return 0
	}
	return int64(row)
}

func (s *xlsxSource) next() (int, []string, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return s.row + 1, nil, &FileError{Line: s.row + 1, Key: "roster.file.badxlsx", Args: []any{err.Error()}}
		}
		if s.row < s.maxRow {
			// The iterator stops at an XML error as at the end; the row it
			// stopped in may have lost cells.
			detail := s.part
			if d := xmlError(s.path, s.part); d != "" {
				detail += ": " + d
			}
			return s.row, nil, damagedSheet(s.sheet, s.row-1, detail)
		}
		return 0, nil, io.EOF
	}
	s.row++
	s.done.Store(int64(s.row))
	cells, err := s.rows.Columns()
	if err != nil {
		return s.row, nil, &FileError{Line: s.row, Key: "roster.file.badxlsx", Args: []any{err.Error()}}
	}
	for i, c := range cells {
		cells[i] = cutCell(c)
	}
	return s.row, cells, nil
}

// maxCellBytes bounds a cell as read. A workbook of a few KB can point
// thousands of cells at one shared string of megabytes (37 KB took 126 s and
// 12.8 GB): every cell was cleaned, folded and kept in full. No field of a
// roster is near this long, so a cut cell is still refused by its field's
// limit, never imported cut.
const maxCellBytes = 4 << 10

// cutCell is c, or its first maxCellBytes bytes on a character boundary.
func cutCell(c string) string {
	if len(c) <= maxCellBytes {
		return c
	}
	n := maxCellBytes
	for n > 0 && !utf8.RuneStart(c[n]) {
		n--
	}
	return strings.Clone(c[:n])
}

// numeric reports whether the cell is an Excel number, not text. The row
// iterator does not say, and excelize's GetCellType loads the whole sheet
// into memory (hundreds of MB for 100,000 rows), so a second stream over
// the sheet's XML follows the iterator, opened on the first question: the
// reader asks only about ID cells that lost a leading zero.
func (s *xlsxSource) numeric(col, line int) bool {
	if s.types == nil {
		s.types = openCellTypes(s.path, s.sheet)
	}
	return s.types.numeric(col, line)
}

func (s *xlsxSource) progress() (int64, int64) {
	done := s.done.Load()
	return done, max(done, s.total)
}

func (s *xlsxSource) close() error {
	err := s.rows.Close()
	if s.types != nil {
		s.types.close()
	}
	if cerr := s.file.Close(); err == nil {
		err = cerr
	}
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	return err
}

// damaged is the FileError for a damaged part of the workbook; inSheet
// says the part is sheet's own.
func (r *Reader) damaged(sheet string, inSheet bool, c partCheck) *FileError {
	detail := c.err.Error()
	if c.err == errXMLCutOff {
		if d := xmlError(r.path, c.name); d != "" {
			detail = d
		}
	}
	detail = c.name + ": " + detail
	// A checksum error says the data changed somewhere, not where.
	if !inSheet || errors.Is(c.err, zip.ErrChecksum) {
		return &FileError{Path: r.path, Key: "roster.file.damaged", Args: []any{detail}}
	}
	e := damagedSheet(sheet, c.complete, detail)
	e.Path = r.path
	return e
}

// damagedSheet is the FileError for a sheet whose rows after complete
// cannot be read.
func damagedSheet(sheet string, complete int, detail string) *FileError {
	if complete < 1 {
		return &FileError{Key: "roster.file.damaged", Args: []any{detail}}
	}
	return &FileError{Line: complete + 1, Key: "roster.file.damaged.sheet", Args: []any{sheet, complete, detail}}
}
