package roster

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// bookRows is a workbook of n attendees under a header on row 1, names and
// IDs as shared strings, as Excel saves them.
func bookRows(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"STT", "Họ và tên", "Đơn vị", "CCCD"}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{i, fmt.Sprintf("Nguyễn Văn Thành %d", i), "Khu phố 4", fmt.Sprintf("079%09d", i)}
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const sheetXML = "xl/worksheets/sheet1.xml"

// rezip copies the workbook, giving each member's content to change; a
// member for which change says badCRC is stored with the checksum of its
// original content, as a copy damaged on a disk or in transfer reads.
func rezip(t testing.TB, book []byte, change func(name string, b []byte) (nb []byte, badCRC bool)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		nb, badCRC := change(zf.Name, b)
		var w io.Writer
		if badCRC {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(b),
				CompressedSize64: uint64(len(nb)), UncompressedSize64: uint64(len(nb))})
		} else {
			w, err = zw.Create(zf.Name)
		}
		if err != nil {
			t.Fatal(err)
		}
		w.Write(nb)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// member changes only the member called name.
func member(name string, badCRC bool, f func([]byte) []byte) func(string, []byte) ([]byte, bool) {
	return func(n string, b []byte) ([]byte, bool) {
		if n != name {
			return b, false
		}
		return f(bytes.Clone(b)), badCRC
	}
}

// readErr reads the workbook to its end and returns the rows and the error
// that ended it.
func readErr(t *testing.T, data []byte) ([]Row, error) {
	t.Helper()
	rows, _, err := readAll(t, writeTemp(t, "damaged.xlsx", data))
	return rows, err
}

// TestDamagedXLSX: a workbook cut short or corrupted is a FileError that
// says so, never its first rows as if they were all.
func TestDamagedXLSX(t *testing.T) {
	book := bookRows(t, 100)
	if rows, err := readErr(t, book); err != nil || len(rows) != 100 {
		t.Fatalf("whole workbook: %d rows, %v", len(rows), err)
	}
	half := func(b []byte) []byte { return b[:len(b)/2] }
	tests := []struct {
		name   string
		data   []byte
		key    string
		inText string // in the English message
	}{
		{"sheet cut in half", rezip(t, book, member(sheetXML, false, half)), "roster.file.damaged.sheet", "unexpected EOF"},
		{"sheet cut after a row", rezip(t, book, member(sheetXML, false, func(b []byte) []byte {
			return b[:bytes.Index(b, []byte(`<row r="60"`))]
		})), "roster.file.damaged.sheet", "Sheet1"},
		{"shared strings cut in half", rezip(t, book, member("xl/sharedStrings.xml", false, half)), "roster.file.damaged", "sharedStrings"},
		{"sheet checksum", rezip(t, book, member(sheetXML, true, func(b []byte) []byte {
			i := bytes.Index(b, []byte("<v>5"))
			b[i+3] = '6'
			return b
		})), "roster.file.damaged", "checksum"},
		{"shared strings checksum", rezip(t, book, member("xl/sharedStrings.xml", true, func(b []byte) []byte {
			i := bytes.Index(b, []byte("Thành 7"))
			b[i] = 'X'
			return b
		})), "roster.file.damaged", "checksum"},
		// excelize itself refuses the workbook when it reads the styles.
		{"styles cut", rezip(t, book, member("xl/styles.xml", false, half)), "roster.file.badxlsx", "unexpected EOF"},
		// Well-formed enough for the quick check, but the iterator stops at
		// the undefined entity: found when the rows end early.
		{"XML error mid-sheet", rezip(t, book, member(sheetXML, false, func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="40"`), []byte(`&bad;<row r="40"`), 1)
		})), "roster.file.damaged.sheet", "bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := readErr(t, tt.data)
			var fe *FileError
			if !errors.As(err, &fe) || fe.Key != tt.key {
				t.Fatalf("%d rows, err = %#v, want %s", len(rows), err, tt.key)
			}
			if msg := fe.Format("en"); !strings.Contains(msg, tt.inText) || !strings.Contains(msg, "save it again") {
				t.Errorf("message %q lacks %q", msg, tt.inText)
			}
			if fe.Key == "roster.file.damaged.sheet" {
				last := fe.Args[1].(int)
				if fe.Line != last+1 || last < 1 || last > 100 {
					t.Errorf("line %d, last whole row %d", fe.Line, last)
				}
				for _, r := range rows {
					if r.Line > last+1 {
						t.Errorf("row %d read past the damage at %d", r.Line, last+1)
					}
				}
			}
		})
	}
}

// TestDamagedXLSXDeflate: compressed data damaged in place (the zip's
// directory intact) is found by inflating or by the checksum (or by
// excelize, when the damage breaks the inflated XML where it reads it).
func TestDamagedXLSXDeflate(t *testing.T) {
	book := bookRows(t, 100)
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != sheetXML {
			continue
		}
		off, err := zf.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range []int64{off + int64(zf.CompressedSize64)/2, off + int64(zf.CompressedSize64) - 8} {
			data := bytes.Clone(book)
			data[at] ^= 0x55
			_, err := readErr(t, data)
			var fe *FileError
			if !errors.As(err, &fe) || !strings.HasPrefix(fe.Key, "roster.file.damaged") && fe.Key != "roster.file.badxlsx" {
				t.Errorf("byte %d changed: err = %v", at, err)
			}
		}
	}
}

func TestScanXML(t *testing.T) {
	tests := []struct {
		xml              string
		ok               bool
		complete, maxRow int
	}{
		{`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="3"/></sheetData></worksheet>`, true, 3, 3},
		{`<x:worksheet xmlns:x="u"><x:sheetData><x:row><x:c/></x:row><x:row spans="1:2"></x:row></x:sheetData></x:worksheet>`, true, 2, 2},
		{`<a b=">" c='/>'><!-- <b> --><![CDATA[<c>]]><?pi <d> ?></a>`, true, 0, 0},
		{`<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c>`, false, 1, 2},
		{`<worksheet><sheetData><row r="1"></row></sheetData>`, false, 1, 1},
		{`<worksheet><sheetData><row r="1"></row></sheetData></worksheet`, false, 1, 1},
		{`<a b="x>`, false, 0, 0},
		{`<a><!-- x </a>`, false, 0, 0},
		{`</a>`, false, 0, 0},
		{``, false, 0, 0},
		{`  `, false, 0, 0},
	}
	for _, tt := range tests {
		c := scanXML(strings.NewReader(tt.xml))
		if (c.err == nil) != tt.ok || c.complete != tt.complete || c.maxRow != tt.maxRow {
			t.Errorf("%s: %+v", tt.xml, c)
		}
	}
	// A tag longer than the buffer.
	long := `<a b="` + strings.Repeat(">", 200<<10) + `"></a>`
	if c := scanXML(strings.NewReader(long)); c.err != nil {
		t.Errorf("long attribute: %v", c.err)
	}
}

// FuzzScanXML: scanXML never panics, and passes whatever encoding/xml
// reads whole (so no good workbook is refused).
func FuzzScanXML(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<a b=">" c='/>'><!-- <b> --><![CDATA[<c>]]><?pi <d> ?></a>`))
	f.Add([]byte(`<!DOCTYPE a [<!ENTITY e "x>y">]><a>&amp;</a>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"></row></sheetData>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := scanXML(bytes.NewReader(data))
		if c.complete > c.maxRow || c.complete < 0 {
			t.Fatalf("%+v", c)
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		root := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return // not XML: scanXML may say anything
			}
			if _, ok := tok.(xml.StartElement); ok {
				root = true
			}
		}
		if root && c.err != nil {
			t.Fatalf("encoding/xml reads %q whole, scanXML: %v", data, c.err)
		}
	})
}

// FuzzReadXLSX: any sheet XML inside a sound workbook never panics the
// reader, gives only catalog keys, and, if the reader gets to the end of
// the sheet without an error, the XML was whole.
func FuzzReadXLSX(f *testing.F) {
	book := bookRows(f, 5)
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		f.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == sheetXML {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			f.Add(b)
			f.Add(b[:len(b)*2/3])
			f.Add(bytes.Replace(b, []byte(`<row r="4"`), []byte(`&x;<row r="4"`), 1))
		}
	}
	f.Fuzz(func(t *testing.T, sheet []byte) {
		data := rezip(t, book, member(sheetXML, false, func([]byte) []byte { return sheet }))
		r, err := Open(writeTemp(t, "f.xlsx", data))
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || !known(fe.Key) {
				t.Fatalf("Open: %#v", err)
			}
			return
		}
		defer r.Close()
		for {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || !known(fe.Key) {
					t.Fatalf("Next: %#v", err)
				}
				return
			}
			for _, p := range row.Problems {
				if !known(p.Key) {
					t.Fatalf("problem %+v", p)
				}
			}
		}
		if c := scanXML(bytes.NewReader(sheet)); c.err != nil {
			t.Fatalf("read to the end of a damaged sheet: %v", c.err)
		}
	})
}
