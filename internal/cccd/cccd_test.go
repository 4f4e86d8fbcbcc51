package cccd

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/i18n"
	"golang.org/x/text/unicode/norm"
)

const example = "079203001234|272345678|Nguyễn Văn An|01021990|Nam|12 Lý Thường Kiệt, Phường 7, Tân Bình, TP.HCM|15082021"

const exampleAddress = "12 Lý Thường Kiệt, Phường 7, Tân Bình, TP.HCM"

var exampleCard = Card{
	Number: "079203001234", OldNumber: "272345678", Name: "Nguyễn Văn An", NameTrusted: true,
	BirthDate: "01021990", Gender: "Nam", Address: exampleAddress, IssueDate: "15082021",
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Card
	}{
		{"example", example, exampleCard},
		{"six fields, no old number",
			"079203001234|Nguyễn Văn An|01021990|Nam|" + exampleAddress + "|15082021",
			Card{Number: "079203001234", Name: "Nguyễn Văn An", NameTrusted: true, BirthDate: "01021990", Gender: "Nam", Address: exampleAddress, IssueDate: "15082021"}},
		{"empty old number",
			"001190012345||Trần Thị Bích Ngọc|29021992|Nữ|Thôn Đông, Xã Yên Phụ, Huyện Yên Phong, Bắc Ninh|01072021",
			Card{Number: "001190012345", Name: "Trần Thị Bích Ngọc", NameTrusted: true, BirthDate: "29021992", Gender: "Nữ",
				Address: "Thôn Đông, Xã Yên Phụ, Huyện Yên Phong, Bắc Ninh", IssueDate: "01072021"}},
		{"extra trailing fields", example + "|Nguyễn Văn Bố|Trần Thị Mẹ|20082036|", exampleCard},
		{"scanner whitespace and Enter", "  \t" + example + "\r\n", exampleCard},
		{"scanner Enter as LF only", example + "\n", exampleCard},
		{"separators lost between the two numbers",
			"079203001234272345678|Nguyễn Văn An|01021990|Nam|" + exampleAddress + "|15082021", exampleCard},
		{"upper-case name", strings.Replace(example, "Nguyễn Văn An", "NGUYỄN VĂN AN", 1),
			with(exampleCard, func(c *Card) { c.Name = "NGUYỄN VĂN AN" })},
		{"decomposed text", norm.NFD.String(example), exampleCard},
		{"name with doubled spaces", strings.Replace(example, "Nguyễn Văn An", " Nguyễn  Văn An ", 1), exampleCard},
		{"impossible birth date", strings.Replace(example, "01021990", "31021990", 1),
			with(exampleCard, func(c *Card) { c.BirthDate = "" })},
		{"bare number", "079203001234", Card{Number: "079203001234"}},
		{"bare number and Enter", "079203001234\r", Card{Number: "079203001234"}},
		{"no dates", "079203001234|272345678|Nguyễn Văn An",
			Card{Number: "079203001234", OldNumber: "272345678", Name: "Nguyễn Văn An", NameTrusted: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", dump(got), dump(tt.want))
			}
		})
	}
}

func with(c Card, f func(*Card)) Card {
	f(&c)
	return c
}

// dump shows every field, number included (tests only).
func dump(c Card) string {
	type plain Card
	return fmt.Sprintf("%+v", plain(c))
}

// TestParseGarbledSeparator: a scanner on another keyboard layout types
// '|' as another character; the fields are still found, and where that
// character also occurs in the name or address (ư in "Thường"), the dates
// put it back.
func TestParseGarbledSeparator(t *testing.T) {
	for _, sep := range []string{"~", "§", "<", ">", "\\", "¦", "ư", "?", "#", "ü", " "} {
		in := strings.ReplaceAll(example, "|", sep)
		got, err := Parse(in)
		if err != nil {
			t.Errorf("sep %q: %v", sep, err)
			continue
		}
		if got != exampleCard {
			t.Errorf("sep %q:\n got  %s\n want %s", sep, dump(got), dump(exampleCard))
		}
		if sep != " " && !LooksLikeQR(in) {
			t.Errorf("sep %q: LooksLikeQR false", sep)
		}
	}
	// A name holding the separator letter.
	in := "079203001234ư272345678ưTrương Văn Hưngư01021990ưNamưPhường 4ư15082021"
	got, err := Parse(in)
	if err != nil || got.Name != "Trương Văn Hưng" || !got.NameTrusted || got.Address != "Phường 4" || got.IssueDate != "15082021" {
		t.Errorf("got %s, %v", dump(got), err)
	}
}

// TestParseGarbledName: the digits are trusted, the name is kept as read
// and marked for confirmation.
func TestParseGarbledName(t *testing.T) {
	tests := []struct {
		name, in, wantName, wantGender string
	}{
		{"question marks, '?' separators too",
			"079203001234?272345678?Nguy?n V?n An?01021990?N??12 L? Th??ng Ki?t, Ph??ng 7?15082021",
			"Nguy?n V?n An", "Nữ"},
		{"question marks",
			"079203001234|272345678|Nguy?n V?n An|01021990|Nam|12 L? Th??ng Ki?t|15082021",
			"Nguy?n V?n An", "Nam"},
		{"mojibake that does not reverse (a byte lost)",
			"079203001234|272345678|Nguyá»n VÄƒn An|01021990|Nam|Phường 7|15082021",
			"Nguyá»n VÄƒn An", "Nam"},
		{"diacritics dropped everywhere",
			"079203001234|272345678|Nguyen Thi Be|01021990|Nu|12 Ly Thuong Kiet, Phuong 7, Tan Binh|15082021",
			"Nguyen Thi Be", "Nữ"},
		{"replacement characters",
			"079203001234|272345678|Nguy\uFFFDn V\uFFFDn An|01021990|N\uFFFD|Ph\uFFFDờng 7|15082021",
			"Nguy\uFFFDn V\uFFFDn An", "Nữ"},
		{"invalid UTF-8 bytes",
			"079203001234|272345678|Nguy\xe1\xbbn An|01021990|Nam|Phường 7|15082021",
			"Nguy\uFFFDn An", "Nam"},
		{"separator noise in the name",
			"079203001234|272345678|Nguyễn Văn An§|01021990|Nam|Phường 7|15082021",
			"Nguyễn Văn An§", "Nam"},
		{"digits in the name",
			"079203001234|272345678|Nguyễn Văn 4n|01021990|Nam|Phường 7|15082021",
			"Nguyễn Văn 4n", "Nam"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got.Number != "079203001234" || got.OldNumber != "272345678" || got.BirthDate != "01021990" || got.IssueDate != "15082021" {
				t.Errorf("digits not trusted: %s", dump(got))
			}
			if tt.name == "question marks, '?' separators too" && got.Address != "12 L? Th??ng Ki?t, Ph??ng 7" {
				t.Errorf("address %q", got.Address)
			}
			if got.Name != tt.wantName || got.NameTrusted || got.Gender != tt.wantGender {
				t.Errorf("got name %q trusted %v gender %q; want %q false %q", got.Name, got.NameTrusted, got.Gender, tt.wantName, tt.wantGender)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]error{
		"":                            ErrNoNumber,
		"   \r\n":                     ErrNoNumber,
		"nguyen van an":               ErrNoNumber,
		"Nguyễn Văn An":               ErrNoNumber,
		"0912345678":                  ErrNoNumber,
		"79203001234|Nguyễn Văn An":   ErrNoNumber, // 11 digits
		"0792030012345|Nguyễn Văn An": ErrNoNumber, // 13 digits
		"07920300123X|Nguyễn Văn An":  ErrNoNumber,
		"999203001234|Nguyễn Văn An":  ErrInvalid, // no province 999
		"097203001234|Nguyễn Văn An":  ErrInvalid,
		"000203001234|Nguyễn Văn An":  ErrInvalid,
		"000000000000":                ErrInvalid,
		"２７２３４５６７８９０１２|x|y|z": ErrNoNumber, // full-width digits
	}
	for in, want := range tests {
		got, err := Parse(in)
		if !errors.Is(err, want) {
			t.Errorf("Parse(%q) = %s, %v; want %v", in, dump(got), err, want)
		}
		if got != (Card{}) {
			t.Errorf("Parse(%q) returned a card with an error", in)
		}
	}
	if got := ErrNoNumber.Error(); !strings.Contains(got, "12-digit") {
		t.Errorf("English: %q", got)
	}
	if got := ErrInvalid.Message(i18n.VI); !strings.Contains(got, "mã tỉnh từ 001 đến 096") {
		t.Errorf("Vietnamese: %q", got)
	}
}

func TestLooksLikeQR(t *testing.T) {
	tests := map[string]bool{
		example:                 true,
		"  " + example + "\r\n": true,
		"079203001234|Nguyễn Văn An|01021990|Nam|Phường 7|15082021": true,
		strings.ReplaceAll(example, "|", "~"):                       true,
		"079203001234|x|y|z":                                        true,
		"nguyen van an":                                             false,
		"Nguyễn Văn An":                                             false,
		"0912345678":                                                false,
		"079203001234":                                              false, // see ParseNumber
		"079203001234 ":                                             false,
		"079203001234 nguyen van an":                                false,
		"079203001234|":                                             false,
		"079203001234|Nguyễn Văn An":                                false,
		"0792030012345|a|b|c":                                       false,
		"":                                                          false,
		"an 079203001234|a|b|c":                                     false,
	}
	for in, want := range tests {
		if got := LooksLikeQR(in); got != want {
			t.Errorf("LooksLikeQR(%q) = %v", in, got)
		}
	}
}

func TestValidNumber(t *testing.T) {
	tests := map[string]bool{
		"079203001234": true, "001190012345": true, "096300000001": true,
		"097203001234": false, "000203001234": false, "79203001234": false,
		"0792030012345": false, "07920300123a": false, "": false, " 079203001234": false,
	}
	for in, want := range tests {
		if got := ValidNumber(in); got != want {
			t.Errorf("ValidNumber(%q) = %v", in, got)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := map[string]string{
		"079203001234":      "079203001234",
		" 079 203 001 234 ": "079203001234",
		"079.203.001.234":   "079203001234",
		"079-203-001-234":   "079203001234",
		"79203001234":       "",
		"999203001234":      "",
		"0912345678":        "",
		example:             "",
	}
	for in, want := range tests {
		got, ok := ParseNumber(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseNumber(%q) = %q, %v", in, got, ok)
		}
	}
}

func TestLast4(t *testing.T) {
	for in, want := range map[string]string{"079203001234": "1234", "1234": "1234", "12": "12", "": ""} {
		if got := Last4(in); got != want {
			t.Errorf("Last4(%q) = %q", in, got)
		}
	}
}

func TestHash(t *testing.T) {
	h := NewHasher("tb2025", []byte("district-tan-binh-2025-key-0001"))
	// Computed independently: HMAC-SHA256(key, "079203001234") with Python's hmac module.
	const golden = "tb2025:70e4f8be404763d328340c982897ef0bbb3a25873df4f6c8efbd4968d8d04dc6"
	if got := h.Hash("079203001234"); got != golden {
		t.Errorf("Hash = %s\nwant   %s", got, golden)
	}
	// Stable: hashing other numbers in between, or a second Hasher from the same key (as on
	// another device), gives the same hash, or a person would not be found again by card.
	h.Hash("079203001235")
	if got := h.Hash("079203001234"); got != golden {
		t.Errorf("after another number: Hash = %s, want %s", got, golden)
	}
	if got := NewHasher("tb2025", []byte("district-tan-binh-2025-key-0001")).Hash("079203001234"); got != golden {
		t.Errorf("second Hasher with the same key: Hash = %s, want %s", got, golden)
	}
	if h.Hash("079203001234") == h.Hash("079203001235") {
		t.Error("two numbers, one hash")
	}
	h2 := NewHasher("tb2026", []byte("district-tan-binh-2026-key-0002"))
	if got, want := h2.Hash("079203001234"), "tb2026:7f1b3861c5ffd3ef20003c207b1f3753470e63a57ee9e320d17f6e84195e7550"; got != want {
		t.Errorf("second key: %s", got)
	}
	// Same key, another id: the id tells the keys apart, the digest is the same.
	h3 := NewHasher("other", []byte("district-tan-binh-2025-key-0001"))
	if a, b := h.Hash("079203001234"), h3.Hash("079203001234"); a == b || a[strings.IndexByte(a, ':'):] != b[strings.IndexByte(b, ':'):] {
		t.Errorf("%s vs %s", a, b)
	}
	if h.KeyID() != "tb2025" {
		t.Errorf("KeyID = %q", h.KeyID())
	}
	// The key is copied: changing the caller's slice changes nothing.
	key := []byte("district-tan-binh-2025-key-0001")
	h4 := NewHasher("tb2025", key)
	key[0] = 'X'
	if h4.Hash("079203001234") != golden {
		t.Error("key not copied")
	}
}

func TestHasherGuards(t *testing.T) {
	for name, f := range map[string]func(){
		"short key":   func() { NewHasher("k", []byte("short")) },
		"empty id":    func() { NewHasher("", make([]byte, 32)) },
		"colon in id": func() { NewHasher("a:b", make([]byte, 32)) },
		"zero Hasher": func() { Hasher{}.Hash("079203001234") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
	h := NewHasher("tb2025", []byte("district-tan-binh-2025-key-0001"))
	for _, s := range []string{fmt.Sprint(h), fmt.Sprintf("%+v", h), fmt.Sprintf("%#v", h)} {
		if strings.Contains(s, "district") || strings.Contains(s, "100 105") {
			t.Errorf("key shown: %s", s)
		}
	}
}

func TestCardDoesNotPrintNumber(t *testing.T) {
	for _, s := range []string{fmt.Sprint(exampleCard), fmt.Sprintf("%+v", exampleCard), fmt.Sprintf("%#v", exampleCard), exampleCard.LogValue().String()} {
		if strings.Contains(s, "079203001234") || strings.Contains(s, "272345678") || !strings.Contains(s, "1234") {
			t.Errorf("printed: %s", s)
		}
	}
}

// FuzzParse: never panics; a card comes back only with a valid number,
// NFC valid text, and a payload that looks like a QR code parses.
func FuzzParse(f *testing.F) {
	f.Add(example)
	f.Add(strings.ReplaceAll(example, "|", "ư"))
	f.Add(strings.ReplaceAll(example, "|", "?"))
	f.Add("079203001234272345678|Nguyễn Văn An|01021990|Nam|x|15082021|a|b")
	f.Add("079203001234||||||||")
	f.Add("079203001234")
	f.Add("nguyen van an")
	f.Add("\xff079203001234\xfe|\xc3|")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || i18n.EN.T(e.Key) == e.Key {
				t.Fatalf("error %v has no catalog key", err)
			}
			if LooksLikeQR(s) && ValidNumber(trim(s)[:12]) {
				t.Fatalf("LooksLikeQR(%q) but Parse failed: %v", s, err)
			}
			return
		}
		if len(c.Number) != 12 || !ValidNumber(c.Number) {
			t.Fatalf("number %q", c.Number)
		}
		if c.OldNumber != "" && !digits(c.OldNumber, 9) {
			t.Fatalf("old number %q", c.OldNumber)
		}
		for _, v := range []string{c.Name, c.Gender, c.Address} {
			if !utf8.ValidString(v) || !norm.NFC.IsNormalString(v) {
				t.Fatalf("text %q", v)
			}
		}
		for _, d := range []string{c.BirthDate, c.IssueDate} {
			if d != "" && validDate(d) != d {
				t.Fatalf("date %q", d)
			}
		}
		if c.NameTrusted && (c.Name == "" || strings.ContainsAny(c.Name, "?\uFFFD|")) {
			t.Fatalf("trusted name %q", c.Name)
		}
	})
}
