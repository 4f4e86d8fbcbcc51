package textvi

import "testing"

func TestAccentsAgree(t *testing.T) {
	for _, c := range []struct {
		query, text string
		want        bool
	}{
		{"le van tam", "Lê Văn Tâm", true}, // no diacritics typed: anything goes
		{"Lê Văn Tám", "Lê Văn Tám", true},
		{"Lê Văn Tám", "Lê Văn Tâm", false}, // â is not a, and sắc is not level
		{"Lê Văn Tâm", "Lê Văn Tám", false},
		{"LÊ VĂN TÁM", "Lê Văn Tám", true},
		{"tâ", "Lê Văn Tấm", true}, // still typing the tone
		{"tấ", "Lê Văn Tâm", false},
		{"Hòa", "Nguyễn Thị Hoà", true}, // old and new tone placement
		{"Thuỷ", "Trần Thủy", true},
		{"Đặng", "Đặng Thị Bình", true},
		{"Đặng", "Dặng Thị Bình", false},
		{"nguyen Văn", "Nguyễn Văn An", true},
		{"Vân", "Nguyễn Văn An", false},
		{"phường 7", "Nguyễn Văn An Phường 7", true},  // a unit word in the text
		{"Nguye\u0302\u0303n", "Nguyễn Văn An", true}, // decomposed input
		{"", "Nguyễn", true},
		{"Tám", "", false},
	} {
		if got := AccentsAgree(c.query, c.text); got != c.want {
			t.Errorf("AccentsAgree(%q, %q) = %v, want %v", c.query, c.text, got, c.want)
		}
	}
}

func FuzzAccentsAgree(f *testing.F) {
	f.Add("Lê Văn Tám", "Lê Văn Tâm")
	f.Add("\xff\u0301", "a\u0301\u0301")
	f.Fuzz(func(t *testing.T, query, text string) {
		AccentsAgree(query, text)
		if !AccentsAgree(Fold(query), text) {
			t.Fatalf("a folded query must agree with any text: %q, %q", query, text)
		}
	})
}
