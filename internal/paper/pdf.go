package paper

import (
	_ "embed"
	"io"
	"strconv"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// Liberation Serif (SIL OFL 1.1, fonts/LICENSE) has the metrics of Times
// New Roman, the font Decree 30/2020/NĐ-CP names, and covers Vietnamese.
// fpdf embeds the subset of glyphs a document uses.
var (
	//go:embed fonts/LiberationSerif-Regular.ttf
	fontRegular []byte
	//go:embed fonts/LiberationSerif-Bold.ttf
	fontBold []byte
	//go:embed fonts/LiberationSerif-Italic.ttf
	fontItalic []byte
	//go:embed fonts/LiberationSerif-BoldItalic.ttf
	fontBoldItalic []byte
)

const (
	family = "LiberationSerif"
	// Margins in millimetres: the decree's A4 page (top and bottom 20-25,
	// left 30-35, right 15-20).
	marginLeft, marginRight, marginTop, marginBottom = 30.0, 20.0, 20.0, 20.0
	// BodySize is the body's font size in points (the decree: 13-14).
	BodySize = 13.0
	ptMM     = 25.4 / 72 // one point in millimetres
	indentMM = 10.0      // a paragraph's first-line indent (the decree: 1-1.27 cm)
	cellPad  = 1.5       // a table cell's inner margin
	bulletMM = 6.0       // the room of a list item's mark
)

// lineHeight is the height of a line of text of size points, in mm.
func lineHeight(size float64) float64 { return size * ptMM * 1.3 }

// WritePDF writes d as an A4 PDF with its fonts embedded. Pages after the
// first are numbered at the top, centred, as the decree asks.
func WritePDF(w io.Writer, d Doc) error {
	orient := "P"
	if d.Landscape {
		orient = "L"
	}
	pdf := fpdf.New(orient, "mm", "A4", "")
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	// Pages break where this writer decides, never in the middle of a
	// line it is placing word by word.
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes(family, "", fontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", fontBold)
	pdf.AddUTF8FontFromBytes(family, "I", fontItalic)
	pdf.AddUTF8FontFromBytes(family, "BI", fontBoldItalic)
	pdf.SetTitle(clean(d.Title), true)
	pdf.SetCreator("briefing", true)
	pdf.SetProducer("briefing", true)
	if !d.Created.IsZero() {
		pdf.SetCreationDate(d.Created)
		pdf.SetModificationDate(d.Created)
	}
	pdf.SetHeaderFunc(func() {
		if pdf.PageNo() > 1 {
			pdf.SetFont(family, "", BodySize)
			pdf.SetY(marginTop / 2)
			pdf.CellFormat(0, lineHeight(BodySize), strconv.Itoa(pdf.PageNo()), "", 0, "C", false, 0, "")
			pdf.SetY(marginTop)
		}
	})
	pdf.AddPage()
	p := &pdfDoc{f: pdf}
	p.width, p.height = pdf.GetPageSize()
	if d.Header != nil {
		p.header(*d.Header)
	}
	for i, b := range d.Blocks {
		switch b := b.(type) {
		case Para:
			if b.KeepNext && i+1 < len(d.Blocks) {
				b.Keep = max(b.Keep, p.lead(d.Blocks[i+1]))
			}
			p.para(b)
		case Table:
			p.table(b)
		case Signatures:
			p.signatures(b)
		case PageBreak:
			pdf.AddPage()
		}
	}
	return pdf.Output(w)
}

type pdfDoc struct {
	f             *fpdf.Fpdf
	width, height float64
}

func (p *pdfDoc) textWidth() float64 { return p.width - marginLeft - marginRight }

// room makes sure h millimetres fit below the current line, starting a
// new page when they do not.
func (p *pdfDoc) room(h float64) {
	if p.f.GetY()+h > p.height-marginBottom && p.f.GetY() > marginTop+1 {
		p.f.AddPage()
	}
}

func style(bold, italic bool) string {
	s := ""
	if bold {
		s += "B"
	}
	if italic {
		s += "I"
	}
	return s
}

// centred writes text centred in a column of width w at x, wrapped, and
// returns the width of its widest line.
func (p *pdfDoc) centred(x, w float64, text, st string, size float64) float64 {
	p.f.SetFont(family, st, size)
	widest := 0.0
	for _, line := range p.f.SplitText(pdfText(text), w) {
		widest = max(widest, p.f.GetStringWidth(line))
		p.f.SetX(x)
		p.f.CellFormat(w, lineHeight(size), line, "", 2, "C", false, 0, "")
	}
	return widest
}

// header writes the decree's two columns: the bodies and the number on
// the left, the national name, the motto and the date on the right, each
// name underlined by a short rule.
func (p *pdfDoc) header(h Header) {
	const leftW = 68.0
	x0, y0 := marginLeft, p.f.GetY()
	rightX, rightW := x0+leftW, p.textWidth()-leftW
	p.f.SetLineWidth(0.3)

	p.f.SetXY(x0, y0)
	if strings.TrimSpace(h.Above) != "" {
		p.centred(x0, leftW, h.Above, "", 12.5)
	}
	wide := p.centred(x0, leftW, h.Body, "B", 12.5)
	y := p.f.GetY() + 0.8
	rule := max(wide/3, 12)
	p.f.Line(x0+(leftW-rule)/2, y, x0+(leftW+rule)/2, y)
	leftY := y + 1.5

	p.f.SetXY(rightX, y0)
	p.centred(rightX, rightW, h.Nation, "B", 12)
	wide = p.centred(rightX, rightW, h.Motto, "B", 13.5)
	y = p.f.GetY() + 0.8
	p.f.Line(rightX+(rightW-wide)/2, y, rightX+(rightW+wide)/2, y)
	rightY := y + 1.5

	row := max(leftY, rightY) + 1
	p.f.SetXY(x0, row)
	p.centred(x0, leftW, h.Number, "", BodySize)
	numberY := p.f.GetY()
	p.f.SetXY(rightX, row)
	p.centred(rightX, rightW, h.Dateline, "I", BodySize)
	p.f.SetY(max(numberY, p.f.GetY()) + lineHeight(BodySize))
}

// fragment is a piece of a word in one style; space: a space comes before
// it.
type fragment struct {
	text  string
	style string
	space bool
	width float64
}

// line is a line of fragments laid out, and whether it ends its
// paragraph or a hard break (which is not justified).
type line struct {
	frags []fragment
	last  bool
}

// para lays a paragraph out word by word, so that runs of different
// styles flow together and body text is justified with a first-line
// indent.
func (p *pdfDoc) para(para Para) {
	size := para.Size
	if size == 0 {
		size = BodySize
	}
	lh := lineHeight(size)
	p.f.SetY(p.f.GetY() + para.Before*ptMM)
	indent := 0.0
	if para.Indent {
		indent = indentMM
	}
	left := para.Left
	lines := p.breakLines(para.Runs, size, p.textWidth()-left, indent)
	if para.Keep > 0 {
		p.room(float64(len(lines))*lh + para.Keep)
	}
	for i, ln := range lines {
		p.room(lh)
		if i == 0 && para.Bullet != "" {
			p.f.SetFont(family, "", size)
			p.f.SetXY(marginLeft+left-bulletMM, p.f.GetY())
			p.f.CellFormat(bulletMM, lh, para.Bullet, "", 0, "L", false, 0, "")
		}
		x := marginLeft + left + indent
		avail := p.textWidth() - left - indent
		indent = 0
		used, gaps := 0.0, 0
		for i, fr := range ln.frags {
			used += fr.width
			if fr.space && i > 0 {
				used += p.space(fr.style, size)
				gaps++
			}
		}
		extra := 0.0
		switch {
		case para.Align == Center:
			x += (avail - used) / 2
		case para.Align == Right:
			x += avail - used
		case para.Align == Justify && !ln.last && gaps > 0:
			extra = (avail - used) / float64(gaps)
		}
		y := p.f.GetY()
		for i, fr := range ln.frags {
			if fr.space && i > 0 {
				x += p.space(fr.style, size) + extra
			}
			p.f.SetFont(family, fr.style, size)
			p.f.SetXY(x, y)
			p.f.CellFormat(fr.width, lh, fr.text, "", 0, "L", false, 0, "")
			x += fr.width
		}
		p.f.SetXY(marginLeft, y+lh)
	}
}

func (p *pdfDoc) space(st string, size float64) float64 {
	p.f.SetFont(family, st, size)
	return p.f.GetStringWidth(" ")
}

// breakLines splits runs into lines of at most width (the first line
// width-indent), breaking at spaces; a word longer than a line is broken
// where it must.
func (p *pdfDoc) breakLines(runs []Run, size, width, indent float64) []line {
	var words [][]fragment // a word: fragments with no space between them
	var hard []bool        // a hard line break after words[i]
	space := false
	for _, r := range runs {
		st := style(r.Bold, r.Italic)
		var cur strings.Builder
		flush := func() {
			if cur.Len() == 0 {
				return
			}
			fr := fragment{text: cur.String(), style: st, space: space}
			p.f.SetFont(family, st, size)
			fr.width = p.f.GetStringWidth(fr.text)
			if space || len(words) == 0 || hard[len(hard)-1] {
				words = append(words, []fragment{fr})
				hard = append(hard, false)
			} else {
				words[len(words)-1] = append(words[len(words)-1], fr)
			}
			space = false
			cur.Reset()
		}
		for _, c := range pdfText(r.Text) {
			switch {
			case c == '\n':
				flush()
				if len(hard) > 0 {
					hard[len(hard)-1] = true
				} else {
					words = append(words, nil)
					hard = append(hard, true)
				}
				space = false
			case unicode.IsSpace(c):
				flush()
				space = true
			default:
				cur.WriteRune(c)
			}
		}
		flush()
	}

	var lines []line
	var cur []fragment
	used := 0.0
	avail := width - indent
	end := func(last bool) {
		lines = append(lines, line{frags: cur, last: last})
		cur, used, avail = nil, 0, width
	}
	for i, w := range words {
		ww := 0.0
		for _, fr := range w {
			ww += fr.width
		}
		gap := 0.0
		if len(cur) > 0 && len(w) > 0 {
			gap = p.space(w[0].style, size)
		}
		if len(cur) > 0 && used+gap+ww > avail {
			end(false)
			gap = 0
		}
		for _, fr := range w {
			fr.space = len(cur) > 0 && gap > 0 && fr.space
			for fr.width > avail-used && len(cur) == 0 && len([]rune(fr.text)) > 1 {
				// A word wider than the line: as much as fits, then the rest.
				head, tail := p.fit(fr, avail, size)
				cur = append(cur, head)
				end(false)
				fr = tail
			}
			cur = append(cur, fr)
			used += fr.width
			if fr.space {
				used += gap
			}
		}
		if hard[i] {
			end(true)
		}
	}
	if len(cur) > 0 {
		end(true)
	} else if len(lines) > 0 {
		lines[len(lines)-1].last = true
	}
	return lines
}

// fit splits fr where it reaches avail: the part that fits (at least one
// character) and the rest.
func (p *pdfDoc) fit(fr fragment, avail, size float64) (fragment, fragment) {
	p.f.SetFont(family, fr.style, size)
	rs := []rune(fr.text)
	n := 1
	for n < len(rs) && p.f.GetStringWidth(string(rs[:n+1])) <= avail {
		n++
	}
	head, tail := fr, fr
	head.text, tail.text = string(rs[:n]), string(rs[n:])
	head.width, tail.width = p.f.GetStringWidth(head.text), p.f.GetStringWidth(tail.text)
	tail.space = false
	return head, tail
}

// table draws a bordered table; a row that does not fit on the page goes
// to the next, under the header row again.
// tableLayout is t's font size, line height and column widths in mm.
func (p *pdfDoc) tableLayout(t Table) (size, lh float64, cols []float64) {
	size = t.Size
	if size == 0 {
		size = BodySize - 1
	}
	total := 0.0
	for _, w := range t.Widths {
		total += w
	}
	cols = make([]float64, len(t.Widths))
	for i, w := range t.Widths {
		cols[i] = w / total * p.textWidth()
	}
	return size, lineHeight(size), cols
}

// rowHeight is the height of a row of cells of t, in mm.
func (p *pdfDoc) rowHeight(t Table, cells []string, bold bool) float64 {
	size, lh, cols := p.tableLayout(t)
	p.f.SetFont(family, style(bold, false), size)
	h := 0.0
	for i := range cols {
		if i < len(cells) {
			h = max(h, float64(max(len(p.f.SplitText(pdfText(cells[i]), cols[i]-2*cellPad)), 1))*lh)
		}
	}
	return max(h+2*cellPad-1, t.MinRow)
}

// lead is the room the start of block b needs: a table whole when it fits
// on a page (else its header and first rows), two lines of a paragraph,
// the signatures whole. A heading keeps that much below itself.
func (p *pdfDoc) lead(b Block) float64 {
	switch b := b.(type) {
	case Table:
		whole := p.rowHeight(b, b.Head, true)
		for i, r := range b.Rows {
			whole += p.rowHeight(b, r, false)
			if i == 2 && whole > p.height-marginTop-marginBottom {
				return whole
			}
		}
		if b.Foot != nil {
			whole += p.rowHeight(b, b.Foot, true)
		}
		if whole > p.height-marginTop-marginBottom {
			return p.rowHeight(b, b.Head, true) * 4
		}
		return whole
	case Para:
		size := b.Size
		if size == 0 {
			size = BodySize
		}
		return 2*lineHeight(size) + b.Before*ptMM
	case Signatures:
		return lineHeight(BodySize)*4 + 28
	}
	return 0
}

func (p *pdfDoc) table(t Table) {
	size, lh, cols := p.tableLayout(t)
	p.f.SetLineWidth(0.2)
	row := func(cells []string, bold, head bool) {
		st := style(bold, false)
		p.f.SetFont(family, st, size)
		split := make([][]string, len(cols))
		h := 0.0
		for i := range cols {
			text := ""
			if i < len(cells) {
				text = pdfText(cells[i])
			}
			split[i] = p.f.SplitText(text, cols[i]-2*cellPad)
			h = max(h, float64(max(len(split[i]), 1))*lh+2*cellPad-1)
		}
		if !head {
			h = max(h, t.MinRow)
		}
		x, y := marginLeft, p.f.GetY()
		for i, w := range cols {
			p.f.Rect(x, y, w, h, "D")
			align := "L"
			switch {
			case head:
				align = "C"
			case i < len(t.Align) && t.Align[i] == Center:
				align = "C"
			case i < len(t.Align) && t.Align[i] == Right:
				align = "R"
			}
			// Text sits in the middle of a row made taller than it.
			top := y + cellPad - 0.5 + max(h-(float64(max(len(split[i]), 1))*lh+2*cellPad-1), 0)/2
			for j, ln := range split[i] {
				p.f.SetXY(x+cellPad, top+float64(j)*lh)
				p.f.CellFormat(w-2*cellPad, lh, ln, "", 0, align, false, 0, "")
			}
			x += w
		}
		p.f.SetXY(marginLeft, y+h)
	}
	height := func(cells []string, bold bool) float64 { return p.rowHeight(t, cells, bold) }
	// A table that fits on a page is not split: it starts on the next page
	// when it does not fit on this one.
	whole := height(t.Head, true)
	for _, r := range t.Rows {
		whole += height(r, false)
	}
	if t.Foot != nil {
		whole += height(t.Foot, true)
	}
	if whole <= p.height-marginTop-marginBottom {
		p.room(whole)
	}
	p.room(height(t.Head, true) + lh*2)
	row(t.Head, true, true)
	for _, r := range t.Rows {
		if p.f.GetY()+height(r, false) > p.height-marginBottom {
			p.f.AddPage()
			row(t.Head, true, true)
		}
		row(r, false, false)
	}
	if t.Foot != nil {
		if p.f.GetY()+height(t.Foot, true) > p.height-marginBottom {
			p.f.AddPage()
			row(t.Head, true, true)
		}
		row(t.Foot, true, false)
	}
	p.f.SetY(p.f.GetY() + lh/2)
}

// signatures draws the signature blocks side by side, kept on one page:
// role in bold capitals, the hint in italics, room to sign, the name.
func (p *pdfDoc) signatures(s Signatures) {
	if len(s) == 0 {
		return
	}
	lh := lineHeight(BodySize)
	p.room(lh*4 + 28)
	w := p.textWidth() / float64(len(s))
	y0 := p.f.GetY() + lh/2
	// The names line up even when one role wraps onto two lines.
	nameY := y0
	for i, sig := range s {
		x := marginLeft + float64(i)*w
		p.f.SetXY(x, y0)
		p.centred(x, w, sig.Title, "B", BodySize)
		p.centred(x, w, sig.Hint, "I", BodySize)
		nameY = max(nameY, p.f.GetY()+24)
	}
	end := nameY
	for i, sig := range s {
		x := marginLeft + float64(i)*w
		p.f.SetXY(x, nameY)
		p.centred(x, w, sig.Name, "B", BodySize)
		end = max(end, p.f.GetY())
	}
	p.f.SetXY(marginLeft, end+lh)
}
