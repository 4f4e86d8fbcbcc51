package main

// Printing helpers: every list command prints its table and its --json through these,
// so they all look the same.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// writeJSON prints v as indented JSON, as every --json does.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
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

// row adds a row of cells.
func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

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
