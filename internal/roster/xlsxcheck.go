package roster

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// excelize reads a workbook without reporting damage: it ignores a zip
// member's read and checksum errors, and its row iterator stops at the
// first XML error as it stops at the end of the sheet. So a workbook cut
// short or corrupted on the way would give its first rows as if they were
// all. checkWorkbook reads the parts the rows come from once more, fast
// (no XML decoding), to tell: the zip data and checksum, the XML elements
// all closed, and the last row number, which the iterator must reach.

// partCheck is what a scan of one XML part of a workbook found.
type partCheck struct {
	name string
	err  error // the part is damaged: unreadable (zip, checksum) or its XML cut off
	// complete is the last sheet row whose element was read whole before
	// the damage; maxRow the highest row number in the sheet's data.
	complete, maxRow int
}

var errXMLCutOff = errors.New("the XML ends before its elements are closed")

// workbookParts are the parts besides the sheet that cell values come
// from: the shared strings and the number formats.
var workbookParts = []string{"xl/sharedStrings.xml", "xl/styles.xml"}

// checkWorkbook checks the zip members of sheet (by its name in the
// workbook) and of workbookParts. The first damaged part is returned in
// bad; sheet is the sheet's own check (maxRow 0 when its part was not
// found). A workbook archive/zip cannot open at all is left to excelize.
func checkWorkbook(file, sheet string) (sheetCheck partCheck, bad *partCheck) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return partCheck{}, nil
	}
	defer zr.Close()
	name := sheetPart(&zr.Reader, sheet)
	for _, zf := range zr.File {
		n := strings.ReplaceAll(zf.Name, "\\", "/")
		switch {
		case name != "" && strings.EqualFold(n, name):
			sheetCheck = checkPart(zf)
			if sheetCheck.err != nil && bad == nil {
				c := sheetCheck
				bad = &c
			}
		case isWorkbookPart(n):
			if c := checkPart(zf); c.err != nil && bad == nil {
				bad = &c
			}
		}
	}
	return sheetCheck, bad
}

func isWorkbookPart(name string) bool {
	for _, p := range workbookParts {
		if strings.EqualFold(name, p) {
			return true
		}
	}
	return false
}

// checkPart reads a zip member to its end: archive/zip checks the data and
// the checksum, scanXML the XML.
func checkPart(zf *zip.File) partCheck {
	rc, err := zf.Open()
	if err != nil {
		return partCheck{name: zf.Name, err: err}
	}
	defer rc.Close()
	c := scanXML(rc)
	c.name = zf.Name
	return c
}

// scanXML checks that r is XML whose elements are all closed, without
// decoding it: it finds the tags, skipping comments, CDATA sections,
// processing instructions and quoted attribute values, and counts the
// open elements. It is lenient: XML that encoding/xml reads whole always
// passes. For a worksheet it also notes the rows of sheetData, numbered
// as excelize numbers them (the r attribute, else one more than the row
// before).
func scanXML(r io.Reader) partCheck {
	var c partCheck
	br := bufio.NewReaderSize(r, 64<<10)
	var tag []byte
	depth, sheetData, row := 0, 0, 0 // sheetData: the depth of the open sheetData element, 0 outside
	root := false
	for {
		// Text up to the next tag.
		_, err := br.ReadSlice('<')
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if depth != 0 || !root {
				c.err = errXMLCutOff
			}
			return c
		}
		if err != nil {
			c.err = err
			return c
		}
		if b, _ := br.Peek(2); len(b) == 2 && b[0] == '!' && b[1] != '-' && b[1] != '[' {
			br.Discard(2)
			if err := skipDirective(br); err != nil {
				if err == io.EOF {
					err = errXMLCutOff
				}
				c.err = err
				return c
			}
			continue
		}
		tag, err = readTag(br, tag[:0])
		if err != nil {
			if err == io.EOF {
				err = errXMLCutOff
			}
			c.err = err
			return c
		}
		switch tag[0] {
		case '?', '!': // processing instruction, comment, CDATA
		case '/':
			depth--
			if depth < 0 {
				c.err = errXMLCutOff // more ends than starts: not XML encoding/xml reads
				return c
			}
			name := localName(tag[1:])
			switch {
			case sheetData > 0 && depth < sheetData:
				sheetData = 0
			case sheetData > 0 && depth == sheetData && string(name) == "row":
				c.complete = row
			}
		default:
			root = true
			empty := len(tag) >= 2 && tag[len(tag)-2] == '/'
			name := localName(tag)
			if sheetData > 0 && depth == sheetData && string(name) == "row" {
				row++
				if n := rowNumber(tag); n > 0 {
					row = n
				}
				c.maxRow = max(c.maxRow, row)
				if empty {
					c.complete = row
				}
			}
			if !empty {
				depth++
				if sheetData == 0 && string(name) == "sheetData" {
					sheetData = depth
				}
			}
		}
	}
}

// readTag reads the rest of a tag after its '<', up to and with its '>',
// into tag.
func readTag(br *bufio.Reader, tag []byte) ([]byte, error) {
	var quote byte // the quote of the attribute value being read, 0 outside
	for {
		chunk, err := br.ReadSlice('>')
		if err != nil && err != bufio.ErrBufferFull {
			return tag, err
		}
		start := len(tag)
		tag = append(tag, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		switch {
		case bytes.HasPrefix(tag, []byte("!--")):
			if len(tag) >= len("!---->") && bytes.HasSuffix(tag, []byte("-->")) {
				return tag, nil
			}
		case bytes.HasPrefix(tag, []byte("![CDATA[")):
			if len(tag) >= len("![CDATA[]]>") && bytes.HasSuffix(tag, []byte("]]>")) {
				return tag, nil
			}
		case len(tag) > 0 && tag[0] == '?':
			if len(tag) >= len("??>") && bytes.HasSuffix(tag, []byte("?>")) {
				return tag, nil
			}
		default:
			for _, b := range tag[start:] {
				switch {
				case quote == 0 && (b == '"' || b == '\''):
					quote = b
				case b == quote:
					quote = 0
				}
			}
			if quote == 0 {
				return tag, nil
			}
		}
	}
}

// skipDirective reads the rest of a declaration such as <!DOCTYPE ...>,
// after its "<!" and first byte, to its '>', as encoding/xml does: quoted
// text, nested <...> and <!-- comments --> do not end it.
func skipDirective(br *bufio.Reader) error {
	var inquote byte
	depth := 0
	for {
		b, err := br.ReadByte()
		if err != nil {
			return err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			return nil
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			for i := 0; i < len("!--"); i++ {
				if b, err = br.ReadByte(); err != nil {
					return err
				}
				if b != "!--"[i] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, err = br.ReadByte(); err != nil {
					return err
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
}

// localName is the element name a tag starts with, without its prefix.
func localName(tag []byte) []byte {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		end = len(tag)
	}
	name := tag[:end]
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// rowNumber is the r attribute of a row tag, 0 when absent or not a
// number.
func rowNumber(tag []byte) int {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		return 0
	}
	rest := tag[end:]
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		eq := bytes.IndexByte(rest, '=')
		if eq < 0 {
			return 0
		}
		name := bytes.TrimSpace(rest[:eq])
		val := bytes.TrimLeft(rest[eq+1:], " \t\r\n")
		if len(val) == 0 || (val[0] != '"' && val[0] != '\'') {
			return 0
		}
		end := bytes.IndexByte(val[1:], val[0])
		if end < 0 {
			return 0
		}
		if string(name) == "r" {
			n, err := strconv.Atoi(string(val[1 : 1+end]))
			if err != nil {
				return 0
			}
			return n
		}
		rest = val[end+2:]
	}
}

// xmlError is encoding/xml's account of what is wrong with a damaged part,
// for the message: only asked once damage was found.
func xmlError(file, part string) string {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return ""
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != part {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err.Error()
		}
		defer rc.Close()
		dec := xml.NewDecoder(rc)
		for {
			if _, err := dec.Token(); err != nil {
				if err == io.EOF {
					return ""
				}
				return err.Error()
			}
		}
	}
	return ""
}
