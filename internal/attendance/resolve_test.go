package attendance

import (
	"strings"
	"testing"
)

// resolveRoster has names that differ only in diacritics, a name shared by
// two units, a name that starts another, and a card on file.
const resolveRoster = "STT;Họ và tên;Đơn vị;Số điện thoại;Số CCCD\r\n" +
	"1;Lê Văn Tám;Phường 7;;\r\n" +
	"2;Lê Văn Tâm;Phường 7;;\r\n" +
	"3;Nguyễn Văn An;Phường 7;0912345678;079203001234\r\n" +
	"4;Nguyễn Văn Anh;Phường 8;;\r\n" +
	"5;Trần Minh Châu;Phường 3;;\r\n" +
	"6;Trần Minh Châu;Phường 4;;\r\n"

func TestResolve(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, resolveRoster, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query, unit string
		one         string // the person picked ("name · unit"), or ""
		candidates  int    // otherwise, how many to choose from
	}{
		{query: "Lê Văn Tám", one: "Lê Văn Tám · Phường 7"}, // the CLI listed both before
		{query: "lê văn tâm", one: "Lê Văn Tâm · Phường 7"},
		{query: "Le Van Tam", candidates: 2},                      // either
		{query: "Lê Văn Tấm", candidates: 2},                      // neither is spelled so
		{query: "Nguyen Van An", one: "Nguyễn Văn An · Phường 7"}, // exact, though Anh matches too
		{query: "Nguyễn Văn Ánh", candidates: 1},                  // one hit, but another spelling
		{query: "nguyen van anh", one: "Nguyễn Văn Anh · Phường 8"},
		{query: "0792 0300 1234", one: "Nguyễn Văn An · Phường 7"}, // the card on file
		{query: "0912345678", one: "Nguyễn Văn An · Phường 7"},     // a phone
		{query: "Trần Minh Châu", candidates: 2},
		{query: "Trần Minh Châu", unit: "P.4", one: "Trần Minh Châu · Phường 4"},
		{query: "Nguyen Van An", unit: "Phường 3"},
		{query: "xyz"},
	}
	for _, c := range cases {
		res, err := f.svc.Resolve(ctx, c.query, c.unit)
		if err != nil {
			t.Fatalf("Resolve(%q, %q): %v", c.query, c.unit, err)
		}
		got := ""
		if res.One != nil {
			got = res.One.Name + " · " + res.One.Unit
		}
		if got != c.one || len(res.Candidates) != c.candidates {
			names := make([]string, len(res.Candidates))
			for i, p := range res.Candidates {
				names[i] = p.Name
			}
			t.Errorf("Resolve(%q, %q) = %q, candidates %s; want %q, %d candidates",
				c.query, c.unit, got, strings.Join(names, ", "), c.one, c.candidates)
		}
	}
}
