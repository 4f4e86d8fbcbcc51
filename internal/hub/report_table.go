package hub

import (
	"fmt"
	"io"
	"strings"

	"charm.land/lipgloss/v2"
)

// WriteTable writes the report for a terminal of width columns (0: no
// limit, for a file or a pipe). Columns that are zero in every row are left
// out (a ward with no businesses present needs no "Doanh nghiệp" column);
// when the rest is still wider than the terminal, each row is written as a
// block of "label  value" lines, which stays readable at 80 columns.
func WriteTable(w io.Writer, rep Report, width int) error {
	headers, rows := compactColumns(rep)
	fmt.Fprintf(w, "%s\n%s\n\n", rep.Title, rep.Period)
	widths := make([]int, len(headers))
	for _, row := range append([][]string{headers}, rows...) {
		for i, c := range row {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	total := 0
	for _, n := range widths {
		total += n + 2
	}
	if width > 0 && total > width {
		return writeBlocks(w, headers, rows)
	}
	for _, row := range append([][]string{headers}, rows...) {
		var b strings.Builder
		for i, c := range row {
			pad := strings.Repeat(" ", widths[i]-lipgloss.Width(c))
			if i == 0 {
				b.WriteString(c + pad) // labels read from the left
			} else {
				b.WriteString("  " + pad + c) // numbers line up on the right
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	return nil
}

// compactColumns is the report's header and rows (the totals last) without
// the columns after the first three that hold nothing but zeros and blanks.
func compactColumns(rep Report) ([]string, [][]string) {
	all := append(append([][]string{}, rep.Rows...), rep.Totals)
	keep := make([]int, 0, len(rep.Headers))
	for i := range rep.Headers {
		used := i < 3
		for _, row := range all {
			if i < len(row) && row[i] != "" && row[i] != "0" {
				used = true
				break
			}
		}
		if used {
			keep = append(keep, i)
		}
	}
	pick := func(row []string) []string {
		out := make([]string, 0, len(keep))
		for _, i := range keep {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			out = append(out, cell)
		}
		return out
	}
	rows := make([][]string, len(all))
	for i, row := range all {
		rows[i] = pick(row)
	}
	return pick(rep.Headers), rows
}

// writeBlocks writes each row as its label, then one indented line per
// value, the labels padded so that the values line up.
func writeBlocks(w io.Writer, headers []string, rows [][]string) error {
	labelWidth := 0
	for _, h := range headers[1:] {
		labelWidth = max(labelWidth, lipgloss.Width(h))
	}
	for n, row := range rows {
		if n > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, row[0])
		for i, h := range headers[1:] {
			if v := row[i+1]; v != "" {
				fmt.Fprintf(w, "  %s%s  %s\n", h, strings.Repeat(" ", labelWidth-lipgloss.Width(h)), v)
			}
		}
	}
	return nil
}
