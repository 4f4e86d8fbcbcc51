package main

import (
	"bytes"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/charmbracelet/x/ansi"
)

// TestTableAsTabwriter: on text whose runes are one column each (Vietnamese in NFC), the
// table prints byte for byte what text/tabwriter printed before it, rows of different
// lengths and empty cells included.
func TestTableAsTabwriter(t *testing.T) {
	t.Parallel()
	for _, lines := range [][]string{
		{"ID\tTÊN\tĐƠN VỊ", "1\tNguyễn Văn An\tPhường 4", "22\tĐặng Thị Bình\t"},
		{"  a\tb\tc\td", "  aa\tb", "  a\tbbbbb\tc", "  x", "  y\tz\tw"},
		{"Tên phiên:\tHội nghị", "Đơn vị:\t", "Bộ trình chiếu:\tNQ 57 (nq57, v1)"},
		{"one cell only"},
		{"", "a\tb", ""},
	} {
		var want, got bytes.Buffer
		tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
		tb := newTable(&got)
		for _, l := range lines {
			tw.Write([]byte(l + "\n"))
			tb.line(l)
		}
		tw.Flush()
		if err := tb.flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("lines %q:\ngot:\n%s\nwant (tabwriter):\n%s", lines, got.String(), want.String())
		}
	}
}

// TestTableDisplayWidth: a name written with combining marks (NFD, as some old rosters
// are) or with wide characters still lines up, where tabwriter counted runes.
func TestTableDisplayWidth(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	tb := newTable(&b)
	tb.row("Nguyễn Văn An", "x") // NFC
	tb.row("Nguye\u0302\u0303n Va\u0306n An", "x")
	tb.row("会议", "x")
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	var cols []int
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		cols = append(cols, ansi.StringWidth(strings.TrimSuffix(line, "x")))
	}
	if cols[0] != cols[1] || cols[0] != cols[2] {
		t.Errorf("the second column starts at %v:\n%s", cols, b.String())
	}
}

// TestTableBlocksWhenTooWide: a table wider than the terminal is written a
// block per row, so no cell is broken by the terminal's wrapping at 80
// columns; one that fits is a table.
func TestTableBlocksWhenTooWide(t *testing.T) {
	t.Parallel()
	rows := []string{
		"MÃ MÁY\tTÊN\tĐƠN VỊ\tGHI DANH\tĐÃ NHẬN\tTRẠNG THÁI",
		"01a2493e-882c-7a57-9a24-ba6a6c653871\tLaptop P4\tPhường 4\t06/12/2026\t40\thoạt động",
	}
	var b bytes.Buffer
	tb := newTable(&b)
	tb.fit = 80
	for _, r := range rows {
		tb.line(r)
	}
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	want := "MÃ MÁY      01a2493e-882c-7a57-9a24-ba6a6c653871\nTÊN         Laptop P4\nĐƠN VỊ      Phường 4\n" +
		"GHI DANH    06/12/2026\nĐÃ NHẬN     40\nTRẠNG THÁI  hoạt động\n"
	if b.String() != want {
		t.Errorf("at 80 columns:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	tb = newTable(&b)
	tb.fit = 120
	for _, r := range rows {
		tb.line(r)
	}
	tb.flush()
	if lines := strings.Split(strings.TrimSpace(b.String()), "\n"); len(lines) != 2 {
		t.Errorf("at 120 columns, not a table:\n%s", b.String())
	}
}

// A long cell in a block wraps under itself, within the terminal.
func TestTableBlocksWrapLongCells(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	tb := newTable(&b)
	tb.fit = 60
	tb.line("MÃ\tCÂU HỎI")
	tb.line("01a2497e-960f-7044-8033-511c64d8ab9d\tNgười cao tuổi chưa có điện thoại thông minh thì làm thủ tục trực tuyến thế nào, có ai hướng dẫn tại phường không?")
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("not wrapped:\n%s", b.String())
	}
	for _, line := range lines {
		if w := ansi.StringWidth(line); w > 60 {
			t.Errorf("line of %d columns: %q", w, line)
		}
	}
	if !strings.HasPrefix(lines[2], strings.Repeat(" ", ansi.StringWidth("CÂU HỎI")+2)) {
		t.Errorf("a wrapped line does not hang under its cell: %q", lines[2])
	}
}
