package roster

import (
	"strings"
	"sync"
	"unicode"

	"briefing/internal/textvi"
)

// field is a column the roster knows.
type field int

const (
	fieldNone field = iota // an unknown column, ignored with a warning
	fieldSTT               // the row number column, ignored silently
	fieldName
	fieldUnit
	fieldPosition
	fieldGroup
	fieldPhone
	fieldID
	fieldCount
)

// headerNames maps a header key (see headerKey) to its field. Headers are
// matched whole, so "Họ và tên" is a name but "Tên đơn vị" is not.
var headerNames = sync.OnceValue(func() map[string]field {
	headerNames := map[string]field{}
	names := map[field][]string{
		fieldSTT: {"stt", "tt", "no", "#", "số tt", "số thứ tự", "thứ tự", "number"},
		fieldName: {"họ và tên", "họ tên", "name", "full name", "fullname", "họ tên đầy đủ",
			"họ và tên đầy đủ", "họ và tên đại biểu", "họ tên đại biểu", "tên đại biểu", "họ và tên người tham dự"},
		fieldUnit: {"đơn vị", "unit", "cơ quan", "cơ quan đơn vị", "cơ quan, đơn vị", "đơn vị công tác",
			"cơ quan công tác", "nơi công tác", "organization", "organisation", "agency"},
		fieldPosition: {"chức vụ", "position", "chức danh", "job title", "chức vụ, chức danh"},
		fieldGroup: {"thành phần", "nhóm", "group", "đối tượng", "nhóm đối tượng", "thành phần tham dự",
			"category", "thành phần đối tượng"},
		fieldPhone: {"số điện thoại", "điện thoại", "phone", "sđt", "số đt", "đt", "phone number",
			"mobile", "di động", "số di động", "điện thoại di động", "số điện thoại di động",
			"điện thoại liên hệ", "số điện thoại liên hệ", "telephone", "tel"},
		fieldID: {"số cccd", "cccd", "id", "căn cước", "số căn cước", "căn cước công dân", "số căn cước công dân",
			"số định danh", "số định danh cá nhân", "mã định danh", "cmnd/cccd", "số cmnd/cccd", "cccd/cmnd",
			"số cccd/cmnd", "cmnd", "số cmnd", "id number", "citizen id", "national id"},
	}
	for f, list := range names {
		for _, n := range list {
			headerNames[headerKey(n)] = f
		}
	}
	return headerNames
})

// headerKey folds a header cell: a leading byte order mark and text in
// brackets ("Họ và tên (*)", "SĐT (di động)") are dropped, case and
// diacritics folded, and punctuation turned into single spaces, so "Số
// CMND/CCCD:" and "so cmnd cccd" meet. "#" alone is kept: it is a header.
func headerKey(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if strings.TrimSpace(s) == "#" {
		return "#"
	}
	s = dropBrackets(s)
	var b strings.Builder
	space := false
	for _, r := range textvi.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// dropBrackets removes text in (round) or [square] brackets.
func dropBrackets(s string) string {
	if !strings.ContainsAny(s, "([") {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			b.WriteByte(' ')
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headerField is the field a header cell names; fieldNone for an unknown
// (or empty) header.
func headerField(cell string) field {
	return headerNames()[headerKey(cell)]
}

// columns maps each field to its column index, -1 when absent.
type columns [fieldCount]int

// header is the result of reading a candidate header row.
type header struct {
	cols    columns
	known   int      // recognised columns, STT included
	width   int      // columns up to the last with a header
	unknown []string // headers of ignored columns, as written
	dup     [2]string
	hasDup  bool
}

// readHeader interprets cells as a header row.
func readHeader(cells []string) header {
	var h header
	for i := range h.cols {
		h.cols[i] = -1
	}
	for i, c := range cells {
		f := headerField(c)
		if f != fieldNone {
			h.width = i + 1
		}
		switch {
		case f == fieldNone:
			if t := cleanCell(c); t != "" {
				h.unknown = append(h.unknown, t)
				h.width = i + 1
			}
		case h.cols[f] >= 0:
			if !h.hasDup {
				h.dup = [2]string{cleanCell(cells[h.cols[f]]), cleanCell(c)}
				h.hasDup = true
			}
		default:
			h.cols[f] = i
			h.known++
		}
	}
	return h
}

// hasName reports whether the header has a name column.
func (h header) hasName() bool { return h.cols[fieldName] >= 0 }

// looksLikeHeader reports whether a row without a name column still looks
// like a header (two recognised columns besides STT): the name column is
// then missing, not the header.
func (h header) looksLikeHeader() bool {
	n := h.known
	if h.cols[fieldSTT] >= 0 {
		n--
	}
	return n >= 2
}

// headerSearchRows is how many non-blank rows are searched for the header:
// wards put a title and a date above it.
const headerSearchRows = 10

// cleanCell is a cell as stored: without a leading byte order mark, NFC,
// trimmed, inner whitespace (line breaks included) collapsed to one space.
// Control and invisible characters go too (textvi.FieldText): an escape
// sequence in a unit would reach every list that shows it.
func cleanCell(s string) string {
	return textvi.FieldText(s)
}

// cleanCellNFC is cleanCell(s) for a caller that has already asked
// whether s is NFC: nfc must be textvi.IsNFC(s).
func cleanCellNFC(s string, nfc bool) string {
	if textvi.HasInvisible(s) {
		return textvi.FieldText(s) // a BOM, an escape: nfc was of the text with them
	}
	return textvi.CleanSpacesNFC(s, nfc)
}

// blank reports whether every cell is empty or spaces, ignoring the STT
// column (ward templates number rows that were never filled in).
func blank(cells []string, stt int) bool {
	for i, c := range cells {
		if i != stt && strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
