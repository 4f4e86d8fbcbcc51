// Package roster reads the attendee rosters that wards, schools and agencies
// send: CSV as Excel and LibreOffice write it in Vietnam (UTF-8 with or
// without BOM, Windows-1258, comma, semicolon or tab, CRLF) and Excel .xlsx
// workbooks. It streams: a file of a million rows is read one row at a time.
//
// Every problem is reported with the line (CSV) or sheet row (XLSX) it is on
// and an i18n key, so the clerk reads what to fix in Vietnamese or English. A
// row with problems is still returned, with Row.Problems saying why it cannot
// be imported; a file that cannot be read at all gives a *FileError.
//
// The package knows nothing of the database or the terminal.
package roster

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"briefing/internal/cccd"
	limits "briefing/internal/field"
	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// Group is an attendee group of the district's plan. The value is the code
// stored in the database; Label gives the text to show.
type Group string

// The groups of the plan. The empty Group means "not given".
const (
	CanBo        Group = "can_bo"
	CongChuc     Group = "cong_chuc"
	VienChuc     Group = "vien_chuc"
	NguoiLaoDong Group = "nguoi_lao_dong"
	HoiVien      Group = "hoi_vien"
	NhanDan      Group = "nhan_dan"
	DoanhNghiep  Group = "doanh_nghiep"
	Khac         Group = "khac"
)

// Groups lists every group in the plan's order.
var Groups = []Group{CanBo, CongChuc, VienChuc, NguoiLaoDong, HoiVien, NhanDan, DoanhNghiep, Khac}

// Label is the group's name in l; the empty group reads "not given".
func (g Group) Label(l i18n.Lang) string {
	if g == "" {
		return l.T("group.none")
	}
	return l.T("group." + string(g))
}

// groupNames maps a group key (see groupKey) to its group: the codes, the
// Vietnamese and English labels of the catalog, and the other ways rosters
// write them.
var groupNames = sync.OnceValue(func() map[string]Group {
	groupNames := map[string]Group{}
	extra := map[Group][]string{
		CanBo:        {"cán bộ", "cb", "cadre", "cadres"},
		CongChuc:     {"công chức", "cc", "civil servant", "civil servants"},
		VienChuc:     {"viên chức", "vc", "public employee", "public employees"},
		NguoiLaoDong: {"người lao động", "lao động", "nlđ", "công nhân", "worker", "workers", "employee", "employees"},
		HoiVien:      {"hội viên", "đoàn viên", "hội viên/đoàn viên", "đoàn viên/hội viên", "hội viên, đoàn viên", "member", "members"},
		NhanDan:      {"nhân dân", "người dân", "dân", "resident", "residents", "citizen", "citizens", "people"},
		DoanhNghiep:  {"doanh nghiệp", "dn", "business", "businesses", "enterprise", "company"},
		Khac:         {"khác", "other", "others"},
	}
	for _, g := range Groups {
		names := append([]string{string(g), g.Label(i18n.VI), g.Label(i18n.EN)}, extra[g]...)
		for _, n := range names {
			groupNames[groupKey(n)] = g
		}
	}
	return groupNames
})

// groupKey folds s (case, diacritics, đ) and keeps only letters and digits,
// so "Hội viên/đoàn viên", "hoi vien - doan vien" and "HOIVIENDOANVIEN" meet.
func groupKey(s string) string {
	return alnumOnly(textvi.Fold(s))
}

func alnumOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ParseGroup reads a group as a roster writes it: the Vietnamese label
// ("Cán bộ", "Hội viên/đoàn viên", "đoàn viên", "người dân"), the code
// ("can_bo") or English ("civil servant"), ignoring case, diacritics,
// spaces and punctuation. An empty (or blank) s is ("", true): the group is
// optional.
func ParseGroup(s string) (Group, bool) {
	if strings.TrimSpace(s) == "" {
		return "", true
	}
	g, ok := groupNames()[groupKey(s)]
	return g, ok
}

// groupList is the accepted groups' Vietnamese labels, for messages.
func groupList() string {
	names := make([]string, len(Groups))
	for i, g := range Groups {
		names[i] = g.Label(i18n.VI)
	}
	return strings.Join(names, ", ")
}

// NormalizePhone reads a Vietnamese phone number and returns it as digits
// with the leading 0: "+84 912 345 678" and "912345678" (Excel dropped the
// zero) give "0912345678". Spaces, dots, dashes and brackets are ignored. A
// valid number is a mobile number (10 digits: 03, 05, 07, 08, 09) or a
// landline (11 digits: 02x). Empty (or blank) s is ("", true): the phone is
// optional. On failure the cleaned text is returned with false.
func NormalizePhone(s string) (string, bool) {
	if validPhone(s) {
		return s, true
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '.', r == '-', r == '(', r == ')':
		default:
			b.WriteRune(r)
		}
	}
	p := b.String()
	if p == "" {
		return "", true
	}
	switch {
	case strings.HasPrefix(p, "+84"):
		p = "0" + p[3:]
	case strings.HasPrefix(p, "0084") && (len(p) == 13 || len(p) == 14):
		p = "0" + p[4:]
	case strings.HasPrefix(p, "84") && (len(p) == 11 || len(p) == 12) && p[2] != '0':
		p = "0" + p[2:]
	}
	if !allDigits(p) {
		return p, false
	}
	// A number Excel stored as a number lost its leading zero: 9 digits for
	// a mobile, 10 starting with 2 for a landline.
	if len(p) == 9 && strings.IndexByte("35789", p[0]) >= 0 || len(p) == 10 && p[0] == '2' {
		p = "0" + p
	}
	return p, validPhone(p)
}

// validPhone reports a normalized number: 10 digits 03, 05, 07, 08, 09
// (mobile) or 11 digits 02x (landline).
func validPhone(p string) bool {
	switch {
	case len(p) == 10 && p[0] == '0' && strings.IndexByte("35789", p[1]) >= 0:
	case len(p) == 11 && p[0] == '0' && p[1] == '2':
	default:
		return false
	}
	return allDigits(p)
}

// ValidCitizenID reports whether s, trimmed of surrounding spaces, is
// exactly 12 ASCII digits: the number of a chip citizen-ID card (CCCD).
func ValidCitizenID(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 12 && allDigits(s)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// The longest name, unit and position accepted, in characters: real ones
// are far shorter, and a longer cell is a mistake (a pasted paragraph) that
// would stretch every list it appears in.
// They are package field's, the one table of every field's limit.
const (
	MaxNameLength     = limits.MaxName
	MaxUnitLength     = limits.MaxName
	MaxPositionLength = limits.MaxName
)

// Row is one attendee read from a roster.
type Row struct {
	Line     int // 1-based physical line where the CSV record starts, or the sheet row (XLSX)
	Name     string
	Unit     string
	Position string
	Group    Group
	Phone    string // normalized by NormalizePhone when valid, else as cleaned
	// CitizenID is the 12-digit CCCD number when given. It is personal data:
	// callers keep it in memory only (the store keeps a keyed hash), and
	// never log it; String masks it.
	CitizenID string
	Problems  []Problem // why the row cannot be imported; empty means valid
}

// Valid reports whether the row has no problems.
func (r Row) Valid() bool { return len(r.Problems) == 0 }

// String shows the row for debugging with the citizen-ID number masked.
func (r Row) String() string {
	id := ""
	if r.CitizenID != "" {
		id = "…" + cccd.Last4(r.CitizenID)
	}
	keys := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		keys[i] = p.Key
	}
	return fmt.Sprintf("roster.Row{Line:%d Name:%q Unit:%q Position:%q Group:%q Phone:%q CitizenID:%q Problems:%v}",
		r.Line, r.Name, r.Unit, r.Position, r.Group, r.Phone, id, keys)
}

// GoString masks the citizen-ID number in %#v too.
func (r Row) GoString() string { return r.String() }

// Problem is something wrong at a line of the file: a reason a row is
// rejected, or a warning. Key and Args select a catalog message.
type Problem struct {
	Line int
	Key  string
	Args []any
}

// Message is the problem in l.
func (p Problem) Message(l i18n.Lang) string { return l.T(p.Key, p.Args...) }

// Format is the problem as "FILE:LINE: message" in l.
func (p Problem) Format(file string, l i18n.Lang) string {
	return fmt.Sprintf("%s:%d: %s", file, p.Line, p.Message(l))
}

// FileError is a problem with the whole file: it cannot be read as a roster
// (wrong format, not UTF-8, no header, no name column, duplicate columns).
// Line is 0 when the problem has no line.
type FileError struct {
	Path string
	Line int
	Key  string
	Args []any
}

// Format is the error as "PATH:LINE: message" (or "PATH: message") in l.
func (e *FileError) Format(l i18n.Lang) string {
	msg := l.T(e.Key, e.Args...)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, msg)
}

// Error is the message in English.
func (e *FileError) Error() string { return e.Format(i18n.EN) }
