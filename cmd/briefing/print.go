package main

// Printing helpers: every list command prints its table and its --json through these,
// so they all look the same.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"briefing/internal/textvi"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// writeJSON prints v as indented JSON, as every --json does. Characters a
// terminal would act on or that reorder what follows (C1 controls such as
// U+009B, CSI; format characters such as the bidi override U+202E) are
// written as \u escapes, as JSON already writes C0 controls: the data stay
// exact and the output is harmless on a terminal.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	out := buf.Bytes()
	if textvi.HasInvisible(string(out)) {
		var b strings.Builder
		for _, r := range string(out) {
			if r != '\n' && textvi.HasInvisible(string(r)) {
				fmt.Fprintf(&b, "\\u%04x", r)
				continue
			}
			b.WriteRune(r)
		}
		out = []byte(b.String())
	}
	_, err := w.Write(out)
	return err
}

// table lays out rows of cells in columns two spaces apart, as text/tabwriter does
// (the same blocks: a column lines up over the consecutive rows that have a cell after
// it; the last cell of a row is not padded), but measures a cell by its width on the
// terminal, not by its runes, so that Vietnamese written with combining marks, or wide
// characters, still line up.
type table struct {
	w    io.Writer
	rows [][]string
	fit  int // with a header row: wider than this, each row is written as a block
}

func newTable(w io.Writer) *table { return &table{w: w} }

// fitTerminal has a table whose first row is its header written, when w is a
// terminal too narrow for its columns, as one block per row ("HEADER  cell"
// lines), not as lines the terminal would wrap in the middle of a cell.
func (t *table) fitTerminal() *table {
	t.fit = terminalWidth(t.w, 0)
	return t
}

// row adds a row of cells. A cell is one line without control or
// invisible characters (textvi.FieldText), so a stored record that carries
// an escape sequence (an old database, a record synced in) prints harmless.
func (t *table) row(cells ...string) {
	for i, c := range cells {
		if textvi.HasInvisible(c) {
			cells[i] = textvi.FieldText(c)
		}
	}
	t.rows = append(t.rows, cells)
}

// line adds a row given as tab-separated cells (a header from the catalog).
func (t *table) line(s string) { t.row(strings.Split(strings.TrimSuffix(s, "\n"), "\t")...) }

// rowf adds a row given as tab-separated cells, as fmt.Sprintf(format, args...) gives it.
func (t *table) rowf(format string, args ...any) { t.line(fmt.Sprintf(format, args...)) }

// flush writes the rows.
func (t *table) flush() error {
	var b strings.Builder
	if t.fit > 0 && len(t.rows) > 1 && t.width() > t.fit {
		t.blocks(&b)
	} else {
		t.format(&b, nil, 0, len(t.rows))
	}
	t.rows = nil
	_, err := io.WriteString(t.w, b.String())
	return err
}

// width is the widest line the table's columns make.
func (t *table) width() int {
	var widths []int
	for _, r := range t.rows {
		for j, cell := range r {
			if j == len(widths) {
				widths = append(widths, 0)
			}
			pad := tablePadding
			if j == len(r)-1 {
				pad = 0
			}
			widths[j] = max(widths[j], ansi.StringWidth(cell)+pad)
		}
	}
	total := 0
	for _, w := range widths {
		total += w
	}
	return total
}

// blocks writes each row after the header as lines of "HEADER  cell",
// rows apart by a blank line; a cell too long for the terminal wraps under
// itself.
func (t *table) blocks(b *strings.Builder) {
	head := t.rows[0]
	labelW := 0
	for _, h := range head {
		labelW = max(labelW, ansi.StringWidth(h))
	}
	indent := strings.Repeat(" ", labelW+tablePadding)
	cellW := max(t.fit-labelW-tablePadding, 20)
	for i, r := range t.rows[1:] {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, cell := range r {
			if cell == "" {
				continue
			}
			label := ""
			if j < len(head) {
				label = head[j]
			}
			cell = strings.ReplaceAll(ansi.Wrap(cell, cellW, ""), "\n", "\n"+indent)
			b.WriteString(label + strings.Repeat(" ", labelW-ansi.StringWidth(label)+tablePadding) + cell + "\n")
		}
	}
}

// tablePadding is the space after a column's widest cell.
const tablePadding = 2

// format writes rows [from, to), whose first len(widths) columns have those widths
// (text/tabwriter's format, with display widths).
func (t *table) format(b *strings.Builder, widths []int, from, to int) {
	column := len(widths)
	for i := from; i < to; i++ {
		if column >= len(t.rows[i])-1 {
			continue
		}
		t.write(b, widths, from, i)
		// A block of rows that all have a cell in this column, and one after it.
		width, end := 0, i
		for ; end < to && column < len(t.rows[end])-1; end++ {
			width = max(width, ansi.StringWidth(t.rows[end][column])+tablePadding)
		}
		t.format(b, append(widths, width), i, end)
		from, i = end, end-1
	}
	t.write(b, widths, from, to)
}

func (t *table) write(b *strings.Builder, widths []int, from, to int) {
	for _, r := range t.rows[from:to] {
		for j, cell := range r {
			b.WriteString(cell)
			if j < len(r)-1 && j < len(widths) {
				b.WriteString(strings.Repeat(" ", max(widths[j]-ansi.StringWidth(cell), 0)))
			}
		}
		b.WriteByte('\n')
	}
}

// isTerminal says w is a terminal (not a pipe, a file or a test's buffer).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// terminalWidth is w's width in columns when it is a terminal, else fallback.
func terminalWidth(w io.Writer, fallback int) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if width, _, err := term.GetSize(f.Fd()); err == nil && width > 0 {
			return width
		}
	}
	return fallback
}
