package unit

import (
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/record"
)

func testCatalog() *Catalog {
	units := []Unit{
		{Meta: record.Meta{ID: "w1"}, Name: "Phường 1", Kind: Ward},
		{Meta: record.Meta{ID: "w2"}, Name: "Phường 2", Kind: Ward},
		{Meta: record.Meta{ID: "w4"}, Name: "Phường 4", Kind: Ward},
		{Meta: record.Meta{ID: "w14"}, Name: "Phường 14", Kind: Ward},
		{Meta: record.Meta{ID: "vh"}, Name: "Phòng Văn hóa, Khoa học và Thông tin", Kind: CityOffice},
		{Meta: record.Meta{ID: "tsh"}, Name: "Tân Sơn Hòa", Kind: Ward},
		{Meta: record.Meta{ID: "k"}, Name: "Khác", Kind: Other},
	}
	aliases := []Alias{
		{Meta: record.Meta{ID: "a1"}, UnitID: "tsh", Spelling: "Phường 2 (cũ)"},
		{Meta: record.Meta{ID: "a2"}, UnitID: "vh", Spelling: "Phòng VH-KH-TT"},
	}
	return NewCatalog(units, aliases)
}

// TestResolve: the spellings a real ward roster has all name one unit.
func TestResolve(t *testing.T) {
	c := testCatalog()
	for _, tc := range []struct{ spelling, want string }{
		{"Phường 4", "Phường 4"},
		{"P.4", "Phường 4"},
		{"P4", "Phường 4"},
		{"phường 04", "Phường 4"},
		{"UBND Phường 4", "Phường 4"},
		{"Phuong 4", "Phường 4"},
		{"PHƯỜNG 4", "Phường 4"},
		{"P.04", "Phường 4"},
		{"p 4", "Phường 4"},
		{"  Phường   4 ", "Phường 4"},
		{"Ủy ban nhân dân phường 4", "Phường 4"},
		{"Phuong4", "Phường 4"},
		{"P.14", "Phường 14"},
		{"Phường 1", "Phường 1"},
		{"phòng văn hoá, khoa học và thông tin", "Phòng Văn hóa, Khoa học và Thông tin"}, // oà / òa
		{"Phong Van hoa Khoa hoc va Thong tin", "Phòng Văn hóa, Khoa học và Thông tin"},
		{"phòng vh-kh-tt", "Phòng Văn hóa, Khoa học và Thông tin"},
		{"Phường 2 (cũ)", "Tân Sơn Hòa"},
		{"phuong 2 (cu)", "Tân Sơn Hòa"},
		{"Phường Tân Sơn Hòa", "Tân Sơn Hòa"},
		{"khac", "Khác"},
	} {
		u, ok := c.Resolve(tc.spelling)
		if !ok || u.Name != tc.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.spelling, u.Name, ok, tc.want)
		}
	}
	for _, unknown := range []string{"", "  ", "Phường 41", "P.", "UBND", "Trường THCS Ngô Sĩ Liên", "Khu phố 4", "---"} {
		if u, ok := c.Resolve(unknown); ok {
			t.Errorf("Resolve(%q) = %q, want no unit", unknown, u.Name)
		}
	}
	if l, known := c.Label("  Trường  THCS Ngô Sĩ Liên"); known || l != "Trường THCS Ngô Sĩ Liên" {
		t.Errorf("Label of an unknown unit = %q, %v; want it kept as typed", l, known)
	}
	if l, known := c.Label("p.04"); !known || l != "Phường 4" {
		t.Errorf("Label(p.04) = %q, %v", l, known)
	}
	var none *Catalog
	if _, ok := none.Resolve("Phường 4"); ok {
		t.Error("a nil catalog resolved a unit")
	}
}

// TestResolveMerged: a unit whose name is aliased to another (a merge)
// resolves, with all its spellings, to the other, through chains too.
func TestResolveMerged(t *testing.T) {
	units := []Unit{{Meta: record.Meta{ID: "w1"}, Name: "Phường 1"}, {Meta: record.Meta{ID: "w3"}, Name: "Phường 3"}, {Meta: record.Meta{ID: "tsh"}, Name: "Tân Sơn Hòa"}, {Meta: record.Meta{ID: "x"}, Name: "X mới"}}
	c := NewCatalog(units, []Alias{
		{UnitID: "tsh", Spelling: "Phường 1"},
		{UnitID: "w1", Spelling: "Phường 3 cũ"},
		{UnitID: "x", Spelling: "Tân Sơn Hòa"},
		{UnitID: "missing", Spelling: "P3"}, // its unit has not synced yet: ignored
	})
	for _, s := range []string{"P.01", "Phường 3 cũ", "tan son hoa", "X mới"} {
		if u, ok := c.Resolve(s); !ok || u.ID != "x" {
			t.Errorf("Resolve(%q) = %+v, %v; want X mới", s, u, ok)
		}
	}
	if u, ok := c.Resolve("P3"); !ok || u.ID != "w3" {
		t.Errorf("Resolve(P3) = %+v, %v; want Phường 3", u, ok)
	}
	if to, ok := c.MergedInto("w1"); !ok || to.ID != "x" {
		t.Errorf("MergedInto(w1) = %+v, %v", to, ok)
	}
	// A cycle of aliases does not hang.
	cyc := NewCatalog([]Unit{{Meta: record.Meta{ID: "a"}, Name: "A"}, {Meta: record.Meta{ID: "b"}, Name: "B"}},
		[]Alias{{UnitID: "b", Spelling: "A"}, {UnitID: "a", Spelling: "B"}})
	if _, ok := cyc.Resolve("A"); !ok {
		t.Error("a cycle resolved to nothing")
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"UBND Phường 04": "4", "P.4": "4", "Phường": "phuong", "P": "p", "UBND": "ubnd",
		"Trường Tiểu học 007": "truong tieu hoc 7", "Phường 0": "0", "Đoàn Thanh niên": "doan thanh nien",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzResolveUnit(f *testing.F) {
	for _, s := range []string{"Phường 4", "P.04", "UBND P4", "Phường 2 (cũ)", "", "p", "Ủy ban nhân dân", "\xff\xfe", "P.0000", "phuong phuong 4"} {
		f.Add(s)
	}
	c := testCatalog()
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key is not stable: Key(%q) = %q, Key of that = %q", s, k, Key(k))
		}
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Errorf("Key(%q) = %q: not clean", s, k)
		}
		u, ok := c.Resolve(s)
		if ok != (u.ID != "") {
			t.Errorf("Resolve(%q) = %+v, %v", s, u, ok)
		}
		if ok && k == "" {
			t.Errorf("Resolve(%q) found %q for an empty key", s, u.Name)
		}
		// U+0345, the Greek iota subscript, is the one combining mark whose upper case is a
		// letter (Ι): "\u0345" + "1" folds to "1", its upper case to "ι1".
		if _, ok2 := c.Resolve(strings.ToUpper(s)); ok && !ok2 && utf8.ValidString(s) && !strings.ContainsRune(s, '\u0345') {
			t.Errorf("Resolve(%q) found a unit, its upper case did not", s)
		}
	})
}

// TestBucket: the spellings of one unit count on one line, labelled with the
// catalog's name; unknown spellings count by key, after every unit; no unit last.
func TestBucket(t *testing.T) {
	c := NewCatalog([]Unit{
		{Meta: record.Meta{ID: "w4"}, Name: "Phường 4", Kind: Ward, SortOrder: 4},
		{Meta: record.Meta{ID: "tsh"}, Name: "Tân Sơn Hòa", Kind: Ward, SortOrder: 20},
	}, []Alias{{Meta: record.Meta{ID: "a1"}, UnitID: "tsh", Spelling: "Phường 2 (cũ)"}})
	w4 := c.Bucket("Phường 4")
	if w4 != (Bucket{ID: "id:w4", Label: "Phường 4", Known: true, Order: 4}) {
		t.Errorf("Bucket(Phường 4) = %+v", w4)
	}
	for _, s := range []string{"P.4", "P4", "phường 04", "UBND Phường 4", "Phuong 4"} {
		if b := c.Bucket(s); b != w4 {
			t.Errorf("Bucket(%q) = %+v, want %+v", s, b, w4)
		}
	}
	if b := c.Bucket("phuong 2 (cu)"); b.ID != "id:tsh" || b.Label != "Tân Sơn Hòa" {
		t.Errorf("an alias: %+v", b)
	}
	p99, p99b := c.Bucket(" Phường  99"), c.Bucket("P.99")
	if p99.ID != p99b.ID || p99.Known || p99.Label != "Phường 99" || p99.Order <= w4.Order {
		t.Errorf("unknown spellings: %+v and %+v", p99, p99b)
	}
	if none := c.Bucket("  "); none.ID != "" || none.Label != "" || none.Order <= p99.Order {
		t.Errorf("no unit: %+v", none)
	}
	var nilCat *Catalog
	if b := nilCat.Bucket("P.4"); b.Known || b.ID != "key:4" || b.Label != "P.4" {
		t.Errorf("nil catalog: %+v", b)
	}
}

// An unknown spelling is shown as typed, but with no control or format
// character: it may come from a roster or another device's push.
func TestLabelOfUnknownSpellingCarriesNoEscape(t *testing.T) {
	c := NewCatalog(nil, nil)
	if got := c.Name("Khu phố\x1b]0;x\a 9\u202e"); got != "Khu phố ]0;x 9" {
		t.Fatalf("Name = %q", got)
	}
}

// A unit's name and alias stored with an escape sequence (a catalog pulled
// from a hub, an old database) are shown as one clean line.
func TestCatalogNamesCarryNoEscape(t *testing.T) {
	c := NewCatalog([]Unit{{Meta: record.Meta{ID: "u1"}, Name: "\x1b[31mPhường 9\u202e"}},
		[]Alias{{UnitID: "u1", Spelling: "P\x1b]0;x\a9"}})
	if got, known := c.Label("\x1b[31mPhường 9"); got != "[31mPhường 9" || !known {
		t.Errorf("Label = %q, %v", got, known)
	}
	if a := c.Aliases("u1"); len(a) != 1 || a[0] != "P ]0;x 9" {
		t.Errorf("Aliases = %q", a)
	}
	for _, u := range c.Units() {
		if u.Name != "[31mPhường 9" {
			t.Errorf("Units: %q", u.Name)
		}
	}
}
