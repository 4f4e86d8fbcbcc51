package roster

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cellTypes streams a worksheet's XML to tell the type of its cells (the
// "t" attribute: none or "n" for a number, "s", "str", "inlineStr" for
// text). Questions must come in increasing row order, as the reader asks
// them. Any failure makes every answer false: the ID is then reported
// rather than changed.
type cellTypes struct {
	zr    *zip.ReadCloser
	part  io.ReadCloser
	dec   *xml.Decoder
	row   int            // the row whose types are in types
	types map[int]string // 0-based column -> type
	ok    bool
}

// openCellTypes opens the XML of the named sheet of the workbook at file.
func openCellTypes(file, sheet string) *cellTypes {
	c := &cellTypes{types: map[int]string{}}
	zr, err := zip.OpenReader(file)
	if err != nil {
		return c
	}
	c.zr = zr
	name := sheetPart(&zr.Reader, sheet)
	for _, f := range zr.File {
		if f.Name == name {
			if c.part, err = f.Open(); err == nil {
				c.dec = xml.NewDecoder(c.part)
				c.ok = true
			}
			break
		}
	}
	return c
}

// sheetPart finds the zip entry of a sheet: xl/workbook.xml names the
// sheet's relationship, xl/_rels/workbook.xml.rels its target.
func sheetPart(zr *zip.Reader, sheet string) string {
	rid := ""
	scan(zr, "xl/workbook.xml", func(e xml.StartElement) bool {
		if e.Name.Local == "sheet" && attr(e, "", "name") == sheet {
			rid = attr(e, "*", "id")
			return false
		}
		return true
	})
	target := ""
	scan(zr, "xl/_rels/workbook.xml.rels", func(e xml.StartElement) bool {
		if e.Name.Local == "Relationship" && attr(e, "", "Id") == rid {
			target = attr(e, "", "Target")
			return false
		}
		return true
	})
	if rid == "" || target == "" {
		return ""
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join("xl", target)
}

// scan calls f on each start element of the zip entry name until f returns
// false.
func scan(zr *zip.Reader, name string, f func(xml.StartElement) bool) {
	for _, zf := range zr.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return
		}
		defer rc.Close()
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if err != nil {
				return
			}
			if e, ok := tok.(xml.StartElement); ok && !f(e) {
				return
			}
		}
	}
}

// attr is the value of e's attribute local; space "" matches attributes
// without a namespace, "*" any namespace but none.
func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local != local {
			continue
		}
		if (space == "" && a.Name.Space == "") || (space == "*" && a.Name.Space != "") {
			return a.Value
		}
	}
	return ""
}

// numeric reports whether the cell at 0-based column col of sheet row line
// is a number.
func (c *cellTypes) numeric(col, line int) bool {
	for c.ok && c.row < line {
		c.ok = c.nextRow()
	}
	if !c.ok || c.row != line {
		return false
	}
	t, found := c.types[col]
	return found && (t == "" || t == "n")
}

// nextRow reads the next <row> element's cell types.
func (c *cellTypes) nextRow() bool {
	for {
		tok, err := c.dec.Token()
		if err != nil {
			return false
		}
		e, ok := tok.(xml.StartElement)
		if !ok || e.Name.Local != "row" {
			continue
		}
		if r, err := strconv.Atoi(attr(e, "", "r")); err == nil {
			c.row = r
		} else {
			c.row++
		}
		clear(c.types)
		col := -1
		for {
			tok, err := c.dec.Token()
			if err != nil {
				return false
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if t.Name.Local != "c" {
					continue
				}
				col++
				if x, _, err := excelize.CellNameToCoordinates(attr(t, "", "r")); err == nil {
					col = x - 1
				}
				c.types[col] = attr(t, "", "t")
				if err := c.dec.Skip(); err != nil {
					return false
				}
			case xml.EndElement:
				if t.Name.Local == "row" {
					return true
				}
			}
		}
	}
}

func (c *cellTypes) close() {
	if c.part != nil {
		c.part.Close()
	}
	if c.zr != nil {
		c.zr.Close()
	}
}
