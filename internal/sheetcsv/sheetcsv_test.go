package sheetcsv

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"Phường 4":             "Phường 4",
		"=HYPERLINK(\"x\")":    "'=HYPERLINK(\"x\")",
		"+84 912":              "'+84 912",
		"-1+cmd|' /C calc'!A0": "'-1+cmd|' /C calc'!A0",
		"@SUM(A1)":             "'@SUM(A1)",
		"\t=1":                 "'\t=1",
		"-5":                   "'-5",
		"12":                   "12",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Write([]string{"Đơn vị", "Số buổi"})
	w.Write([]string{"=cmd()", "3"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if !strings.HasPrefix(got, BOM) || !strings.Contains(got, "\r\n") {
		t.Fatalf("no BOM or CRLF: %q", got)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(got, BOM))).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "'=cmd()" || rows[1][1] != "3" {
		t.Fatalf("rows %q, %v", rows, err)
	}
}
