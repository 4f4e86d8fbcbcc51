package paper

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// DOCX is written by hand: a document, its styles, a header with the page
// number, and the package's relationships; nothing else is needed for
// Word and LibreOffice to open and edit it. Sizes are in twentieths of a
// point (twips) and half-points, as OOXML counts them.

const (
	mmTwip = 1440 / 25.4 // twips per millimetre
	wns    = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

func twips(mm float64) int { return int(mm*mmTwip + 0.5) }

// WriteDOCX writes d as a DOCX document in Times New Roman (Liberation
// Serif where it is missing), laid out as WritePDF lays it out.
func WriteDOCX(w io.Writer, d Doc) error {
	var body bytes.Buffer
	x := &docxDoc{b: &body, width: twips(210 - marginLeft - marginRight)}
	if d.Landscape {
		x.width = twips(297 - marginLeft - marginRight)
	}
	if d.Header != nil {
		x.header(*d.Header)
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case Para:
			x.para(b)
		case Table:
			x.table(b)
		case Signatures:
			x.signatures(b)
		case PageBreak:
			body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
	}
	pw, ph, orient := twips(210), twips(297), ""
	if d.Landscape {
		pw, ph, orient = ph, pw, ` w:orient="landscape"`
	}
	// The page number sits in the header of every page but the first
	// (titlePg: the first page has its own, empty, header).
	fmt.Fprintf(&body, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>`+
		`<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr>`,
		pw, ph, orient, twips(marginTop), twips(marginRight), twips(marginBottom), twips(marginLeft), twips(marginTop/2), twips(marginBottom/2))

	z := zip.NewWriter(w)
	files := []struct{ name, text string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(d.Title, d.Created)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles},
		{"word/header1.xml", header1},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document ` + wns + `><w:body>` + body.String() + `</w:body></w:document>`},
	}
	for _, f := range files {
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if !d.Created.IsZero() {
			hdr.Modified = d.Created
		}
		fw, err := z.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.text); err != nil {
			return err
		}
	}
	return z.Close()
}

type docxDoc struct {
	b     *bytes.Buffer
	width int // the text's width in twips
}

// esc is s escaped for XML text, without characters XML cannot hold.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(clean(s)))
	return b.String()
}

func jc(a Align) string {
	switch a {
	case Center:
		return "center"
	case Right:
		return "right"
	case Justify:
		return "both"
	}
	return "left"
}

// run writes one run; a newline in its text is a line break.
func (x *docxDoc) run(r Run, size float64) {
	x.b.WriteString(`<w:r><w:rPr>`)
	if r.Bold {
		x.b.WriteString(`<w:b/>`)
	}
	if r.Italic {
		x.b.WriteString(`<w:i/>`)
	}
	if size != 0 {
		fmt.Fprintf(x.b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, int(size*2), int(size*2))
	}
	x.b.WriteString(`</w:rPr>`)
	for i, part := range strings.Split(r.Text, "\n") {
		if i > 0 {
			x.b.WriteString(`<w:br/>`)
		}
		fmt.Fprintf(x.b, `<w:t xml:space="preserve">%s</w:t>`, esc(part))
	}
	x.b.WriteString(`</w:r>`)
}

// p writes a paragraph: alignment, space before (points), first-line
// indent, an optional bottom rule of ruleTwips width, and its runs.
func (x *docxDoc) p(runs []Run, align Align, size, before float64, indent bool, after int) {
	x.b.WriteString(`<w:p><w:pPr>`)
	x.pBody(runs, align, size, before, indent, after)
}

// pBody is the rest of a paragraph after the start of its properties.
func (x *docxDoc) pBody(runs []Run, align Align, size, before float64, indent bool, after int) {
	fmt.Fprintf(x.b, `<w:spacing w:before="%d" w:after="%d"/>`, int(before*20), after)
	if indent {
		fmt.Fprintf(x.b, `<w:ind w:firstLine="%d"/>`, twips(indentMM))
	}
	fmt.Fprintf(x.b, `<w:jc w:val="%s"/></w:pPr>`, jc(align))
	for _, r := range runs {
		x.run(r, size)
	}
	x.b.WriteString(`</w:p>`)
}

func (x *docxDoc) para(p Para) {
	if p.Bullet != "" || p.Left > 0 {
		// The mark hangs in the indent; a tab takes the text to it.
		x.b.WriteString(`<w:p><w:pPr>`)
		if p.Keep > 0 || p.KeepNext {
			x.b.WriteString(`<w:keepNext/>`)
		}
		fmt.Fprintf(x.b, `<w:spacing w:before="%d" w:after="0"/><w:ind w:left="%d"`, int(p.Before*20), twips(p.Left))
		if p.Bullet != "" {
			fmt.Fprintf(x.b, ` w:hanging="%d"`, twips(bulletMM))
		}
		fmt.Fprintf(x.b, `/><w:jc w:val="%s"/></w:pPr>`, jc(p.Align))
		if p.Bullet != "" {
			x.run(Run{Text: p.Bullet}, p.Size)
			x.b.WriteString(`<w:r><w:tab/></w:r>`)
		}
		for _, r := range p.Runs {
			x.run(r, p.Size)
		}
		x.b.WriteString(`</w:p>`)
		return
	}
	if p.Keep > 0 || p.KeepNext {
		// Word keeps it on the page of the next paragraph.
		x.b.WriteString(`<w:p><w:pPr><w:keepNext/>`)
		x.pBody(p.Runs, p.Align, p.Size, p.Before, p.Indent, 0)
		return
	}
	x.p(p.Runs, p.Align, p.Size, p.Before, p.Indent, 0)
}

// cellOpen opens a table cell of width w twips; borders: a single line.
func (x *docxDoc) cellOpen(w int, borders bool) {
	fmt.Fprintf(x.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
	if !borders {
		x.b.WriteString(`<w:tcBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/></w:tcBorders>`)
	}
	x.b.WriteString(`</w:tcPr>`)
}

// tableOpen opens a table with columns of the given widths (twips).
func (x *docxDoc) tableOpen(cols []int, borders bool) {
	x.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>`)
	if borders {
		x.b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(x.b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		x.b.WriteString(`</w:tblBorders>`)
	}
	x.b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		fmt.Fprintf(x.b, `<w:gridCol w:w="%d"/>`, c)
	}
	x.b.WriteString(`</w:tblGrid>`)
}

// header writes the decree's two columns as a borderless table; the rule
// under the body's name and the motto is a bottom border of a paragraph
// that only holds it, centred.
func (x *docxDoc) header(h Header) {
	left := twips(68)
	cols := []int{left, x.width - left}
	x.tableOpen(cols, false)
	x.b.WriteString(`<w:tr>`)
	x.cellOpen(cols[0], false)
	if strings.TrimSpace(h.Above) != "" {
		x.p(Text(h.Above), Center, 12.5, 0, false, 0)
	}
	x.p(Bold(h.Body), Center, 12.5, 0, false, 0)
	x.rule(cols[0], twips(20))
	x.p(Text(h.Number), Center, BodySize, 6, false, 0)
	x.b.WriteString(`</w:tc>`)
	x.cellOpen(cols[1], false)
	x.p(Bold(h.Nation), Center, 12, 0, false, 0)
	x.p(Bold(h.Motto), Center, 13.5, 0, false, 0)
	x.rule(cols[1], twips(62))
	x.p([]Run{{Text: h.Dateline, Italic: true}}, Center, BodySize, 6, false, 0)
	x.b.WriteString(`</w:tc></w:tr></w:tbl>`)
	x.p(nil, Left, 0, 0, false, 0)
}

// rule writes a rule w twips long centred in a column col twips wide: an
// empty tiny paragraph with a bottom border, narrowed by indents.
func (x *docxDoc) rule(col, w int) {
	fmt.Fprintf(x.b, `<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>`+
		`<w:spacing w:before="0" w:after="0" w:line="60" w:lineRule="exact"/><w:ind w:left="%[1]d" w:right="%[1]d"/><w:jc w:val="center"/>`+
		`<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>`, max((col-w)/2, 0))
}

func (x *docxDoc) table(t Table) {
	size := t.Size
	if size == 0 {
		size = BodySize - 1
	}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	cols := make([]int, len(t.Widths))
	for i, w := range t.Widths {
		cols[i] = int(w / total * float64(x.width))
	}
	x.tableOpen(cols, true)
	row := func(cells []string, bold, head bool) {
		x.b.WriteString(`<w:tr>`)
		if head {
			// Word repeats a header row at the top of each page.
			x.b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		} else if t.MinRow > 0 {
			fmt.Fprintf(x.b, `<w:trPr><w:cantSplit/><w:trHeight w:val="%d" w:hRule="atLeast"/></w:trPr>`, twips(t.MinRow))
		} else {
			x.b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for i, c := range cols {
			x.cellOpen(c, true)
			text := ""
			if i < len(cells) {
				text = cells[i]
			}
			align := Left
			switch {
			case head:
				align = Center
			case i < len(t.Align):
				align = t.Align[i]
			}
			x.p([]Run{{Text: text, Bold: bold}}, align, size, 0, false, 0)
			x.b.WriteString(`</w:tc>`)
		}
		x.b.WriteString(`</w:tr>`)
	}
	row(t.Head, true, true)
	for _, r := range t.Rows {
		row(r, false, false)
	}
	if t.Foot != nil {
		row(t.Foot, true, false)
	}
	x.b.WriteString(`</w:tbl>`)
	x.p(nil, Left, 0, 0, false, 0)
}

func (x *docxDoc) signatures(s Signatures) {
	if len(s) == 0 {
		return
	}
	cols := make([]int, len(s))
	for i := range cols {
		cols[i] = x.width / len(s)
	}
	x.tableOpen(cols, false)
	x.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
	for i, sig := range s {
		x.cellOpen(cols[i], false)
		x.p(Bold(sig.Title), Center, 0, 0, false, 0)
		x.p([]Run{{Text: sig.Hint, Italic: true}}, Center, 0, 0, false, 0)
		// Room to sign: a paragraph with space after it.
		x.p(nil, Center, 0, 0, false, 1440)
		x.p(Bold(sig.Name), Center, 0, 0, false, 0)
		x.b.WriteString(`</w:tc>`)
	}
	x.b.WriteString(`</w:tr></w:tbl>`)
}

func coreProps(title string, created time.Time) string {
	when := ""
	if !created.IsZero() {
		when = fmt.Sprintf(`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>`, created.UTC().Format(time.RFC3339))
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>briefing</dc:creator>` + when + `</cp:coreProperties>`
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`</Relationships>`

// styles: Times New Roman 13 pt, single spacing with a little air, as the
// decree's body text.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="60" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

const header1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr ` + wns + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
