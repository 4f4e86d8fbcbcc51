package roster

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefing/internal/i18n"
)

// A name with no letter (a phone or an ID number in a shifted column) or
// with a character no name has is a problem of its row, with a message in
// both languages; digits beside letters, which lists use to tell namesakes
// apart, are not.
func TestRowNameCharacters(t *testing.T) {
	text := "Họ và tên,Đơn vị\n" +
		"0912345678,P1\n" + // 2
		"Ph?m Th? Lan,P1\n" + // 3
		"Lê Văn An (2),P1\n" + // 4
		"Nguyễn Văn An 2,P1\n" + // 5
		"A 1234567,P1\n" + // 6
		"___,P1\n" + // 7
		"Trần \xff Bình,P1\n" + // 8: U+FFFD, said by roster.row.encoding
		"H'Hen Niê,P1\n" + // 9
		"- . -,P1\n" // 10
	rows, _, err := readAll(t, writeTemp(t, "r.csv", []byte(text)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int][]string{
		2:  {"roster.row.name.noletter"},
		3:  {"roster.row.name.chars"},
		6:  {"roster.row.name.digits"},
		7:  {"roster.row.name.chars"},
		8:  {"roster.row.encoding"},
		10: {"roster.row.name.noletter"},
	}
	if len(rows) != 9 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if got := keys(r.Problems); !reflect.DeepEqual(got, want[r.Line]) {
			t.Errorf("line %d %q: problems %v, want %v", r.Line, r.Name, got, want[r.Line])
		}
		for _, p := range r.Problems {
			for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
				if msg := p.Message(l); msg == p.Key || strings.Contains(msg, "%!") || strings.Contains(msg, "0912345678") {
					t.Errorf("line %d %s: %q", r.Line, l, msg)
				}
			}
		}
	}
	if len(rows[1].Problems) == 0 {
		t.FailNow()
	}
	p := rows[1].Problems[0]
	if vi, en := p.Message(i18n.VI), p.Message(i18n.EN); !strings.Contains(vi, `ký tự "?"`) || !strings.Contains(vi, "sửa lại họ tên") ||
		!strings.Contains(en, `the character "?"`) || !strings.Contains(en, "correct the name") {
		t.Errorf("messages for Ph?m Th? Lan:\n%s\n%s", vi, en)
	}
}

func TestCheckName(t *testing.T) {
	for name, want := range map[string]NameFault{
		"Nguyễn Văn An":        NameOK,
		"Lê Văn An (2)":        NameOK,
		"Nguyễn T. Hoa":        NameOK,
		"Y-Ngọc Ksor":          NameOK,
		"Ab 12":                NameOK,
		"":                     NameNoLetter,
		"09876543210977631706": NameNoLetter,
		"(2)":                  NameNoLetter,
		"A 123":                NameMostlyDigits,
		"Ph?m":                 NameBadChar,
		"An\uFFFD":             NameBadChar,
		"An\u0007":             NameBadChar,
		"An~":                  NameBadChar,
		"12?":                  NameBadChar,
	} {
		if got, _ := CheckName(name); got != want {
			t.Errorf("CheckName(%q) = %v, want %v", name, got, want)
		}
	}
	for _, r := range notInNames {
		if got, bad := CheckName("Lan" + string(r)); got != NameBadChar || bad != r {
			t.Errorf("CheckName(Lan%c) = %v, %q", r, got, bad)
		}
	}
}

// FuzzCheckName: a name CheckName takes has a letter, no more digits than
// letters, and none of the characters no name has; a refused character is
// in the name.
func FuzzCheckName(f *testing.F) {
	for _, s := range []string{"Nguyễn Văn An", "Ph?m Th? Lan", "0912345678", "Lê Văn An (2)", "A 123", "\uFFFD", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fault, r := CheckName(s)
		letters, digits := 0, 0
		for _, x := range s {
			if unicode.IsLetter(x) {
				letters++
			} else if unicode.IsDigit(x) {
				digits++
			}
		}
		switch fault {
		case NameOK:
			if letters == 0 || digits > letters || strings.ContainsAny(s, notInNames) || strings.ContainsFunc(s, unicode.IsControl) ||
				!utf8.ValidString(s) {
				t.Fatalf("CheckName(%s) = OK", strconv.Quote(s))
			}
		case NameBadChar:
			if !strings.ContainsRune(strings.ToValidUTF8(s, "\uFFFD"), r) {
				t.Fatalf("CheckName(%s) = bad %q, not in the name", strconv.Quote(s), r)
			}
		case NameNoLetter:
			if letters > 0 {
				t.Fatalf("CheckName(%s) = no letter", strconv.Quote(s))
			}
		case NameMostlyDigits:
			if digits <= letters {
				t.Fatalf("CheckName(%s) = mostly digits", strconv.Quote(s))
			}
		}
	})
}
