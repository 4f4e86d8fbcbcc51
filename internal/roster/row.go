package roster

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/cccd"
	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// makeRow turns a record's cells into a Row and checks it.
func (r *Reader) makeRow(line int, cells []string) Row {
	row := Row{Line: line}
	add := func(key string, args ...any) {
		row.Problems = append(row.Problems, Problem{Line: line, Key: key, Args: args})
	}
	// More filled cells than the header has columns: a comma in an
	// unquoted cell shifted the rest of the row. Trailing empty cells are
	// the padding Excel and LibreOffice write.
	if len(cells) > r.width {
		if n := filledWidth(cells); n > r.width {
			switch {
			case r.extraKey != "":
				add(r.extraKey, n, r.width)
			case !r.extraWarned:
				r.extraWarned = true
				r.warn(line, "roster.xlsx.extra", n, r.width)
			}
		}
	}
	badText := false
	get := func(f field) string {
		i := r.cols[f]
		if i < 0 || i >= len(cells) {
			return ""
		}
		s := cells[i]
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
			badText = true
		} else if strings.ContainsRune(s, utf8.RuneError) {
			badText = true
		}
		nfc := textvi.IsNFC(s)
		if !nfc && !r.nfcWarned && !r.quietNFC {
			r.nfcWarned = true
			r.warn(line, "roster.nfc")
		}
		return cleanCellNFC(s, nfc)
	}

	row.Name = get(fieldName)
	if n, ok := TitleCaseName(row.Name); ok {
		if !r.capsWarned {
			r.capsWarned = true
			r.warn(line, "roster.name.caps", row.Name, n)
		}
		row.Name = n
	}
	row.Unit = get(fieldUnit)
	row.Position = get(fieldPosition)
	group := get(fieldGroup)
	phone := get(fieldPhone)
	id := get(fieldID)

	if badText {
		add("roster.row.encoding")
	}
	switch n := utf8.RuneCountInString(row.Name); {
	case n == 0:
		add("roster.row.noname")
	case n > MaxNameLength:
		add("roster.row.namelong", n, MaxNameLength)
	default:
		switch fault, r := CheckName(row.Name); fault {
		case NameBadChar:
			if r != utf8.RuneError { // roster.row.encoding already says so
				add("roster.row.name.chars", string(r))
			}
		case NameNoLetter:
			add("roster.row.name.noletter")
		case NameMostlyDigits:
			add("roster.row.name.digits")
		}
	}
	if n := utf8.RuneCountInString(row.Unit); n > MaxUnitLength {
		add("roster.row.unitlong", n, MaxUnitLength)
	}
	if n := utf8.RuneCountInString(row.Position); n > MaxPositionLength {
		add("roster.row.positionlong", n, MaxPositionLength)
	}
	if g, ok := r.parseGroup(group); ok {
		row.Group = g
	} else if g, ok := GroupAlias(group); ok {
		// Said once for each spelling: a ward writes its groups the same way
		// on every row.
		row.Group = g
		if !r.aliasWarned[group] && len(r.aliasWarned) < 64 {
			if r.aliasWarned == nil {
				r.aliasWarned = map[string]bool{}
			}
			r.aliasWarned[strings.Clone(group)] = true
			r.warn(line, "roster.group.alias", group, g.Label(i18n.VI), g.Label(i18n.EN))
		}
	} else {
		add("roster.row.group", group, groupList())
	}

	if isScientific(phone) {
		add("roster.row.phone.sci", phone)
		row.Phone = phone
	} else if p, ok := NormalizePhone(phone); ok {
		row.Phone = p
	} else if first, rest, ok := splitPhones(phone); ok {
		// Two numbers in one cell: the person has one phone here, and the
		// clerk is told which was kept and what was left out.
		row.Phone = first
		r.warn(line, "roster.phone.more", first, rest)
	} else {
		row.Phone = p
		add("roster.row.phone", phone)
	}

	id = withoutSpaces(id)
	switch {
	case id == "" || ValidCitizenID(id):
	case isScientific(id):
		add("roster.row.id.sci")
	case !allDigits(id):
		add("roster.row.id.chars")
	case len(id) == 11 && r.src.numeric(r.cols[fieldID], line):
		// An Excel number cell: the leading zero was dropped, not mistyped.
		id = "0" + id
		if !r.zeroWarned {
			r.zeroWarned = true
			r.warn(line, "roster.id.zero")
		}
	case len(id) == 11 && r.isCSV() && cccd.ValidNumber("0"+id):
		// CSV keeps no cell types, but a CCCD number starts with 0 and a
		// province code: 11 digits that make one with the 0 back are
		// Excel's doing, as in a workbook's number cell.
		id = "0" + id
		if !r.zeroCSVWarned {
			r.zeroCSVWarned = true
			r.warn(line, "roster.id.zero.csv")
		}
	case len(id) == 11:
		add("roster.row.id.eleven")
	default:
		add("roster.row.id.length", len(id))
	}
	row.CitizenID = id
	return row
}

// NameFault is what CheckName finds wrong with a name.
type NameFault int

const (
	NameOK NameFault = iota
	// NameBadChar: a character no name has, such as '?' where a scanner
	// with another keyboard layout lost a letter ("Ph?m Th? Lan"), or
	// U+FFFD for a byte the file's encoding could not give.
	NameBadChar
	// NameNoLetter: no letter at all, such as a phone number typed in the
	// name field or a number in a shifted column.
	NameNoLetter
	// NameMostlyDigits: more digits than letters ("0912345678 A"). Digits
	// beside letters are allowed: lists tell namesakes apart with "(2)" or
	// "Nguyễn Văn An 2".
	NameMostlyDigits
)

// CheckName reports the first thing wrong with the characters of a person's
// name, and for NameBadChar the character. The same rule holds for a roster
// row and a walk-in.
func CheckName(name string) (NameFault, rune) {
	letters, digits := 0, 0
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(notInNames, r) || unicode.IsControl(r):
			return NameBadChar, r
		}
	}
	switch {
	case letters == 0:
		return NameNoLetter, 0
	case digits > letters:
		return NameMostlyDigits, 0
	}
	return NameOK, 0
}

// notInNames are the characters no person's name has; the rest of
// punctuation (. - ' ( ) , /) turns up in real lists:
// "Nguyễn T. Hoa", "H'Hen Niê", "Lê Văn An (2)".
const notInNames = "?<>|\\{}[]=_@#$%^*~\uFFFD"

// parseGroup is ParseGroup with a small cache: a roster repeats a few
// group names on every row.
func (r *Reader) parseGroup(s string) (Group, bool) {
	if res, ok := r.groups[s]; ok {
		return res.g, res.ok
	}
	g, ok := ParseGroup(s)
	if len(r.groups) < 64 {
		if r.groups == nil {
			r.groups = map[string]groupResult{}
		}
		r.groups[strings.Clone(s)] = groupResult{g, ok}
	}
	return g, ok
}

type groupResult struct {
	g  Group
	ok bool
}

// withoutSpaces drops every space: "079 203 001 234" is a number written in
// groups.
func withoutSpaces(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// isScientific reports a number in scientific notation, "7.9123E+10" or
// "7,9123E+10": Excel shows long numbers so in a narrow General column and
// writes them so to CSV, and the digits are lost.
func isScientific(s string) bool {
	s = strings.TrimSpace(s)
	e := strings.IndexAny(s, "eE")
	if e <= 0 || e == len(s)-1 {
		return false
	}
	mant, exp := s[:e], s[e+1:]
	if exp[0] == '+' || exp[0] == '-' {
		exp = exp[1:]
	}
	if !allDigits(exp) {
		return false
	}
	if i := strings.IndexAny(mant, ".,"); i >= 0 {
		return allDigits(mant[:i]) && allDigits(mant[i+1:])
	}
	return allDigits(mant)
}

// filledWidth is the number of cells up to the last that is not empty or
// spaces.
func filledWidth(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if strings.TrimSpace(cells[i]) != "" {
			return i + 1
		}
	}
	return 0
}

// isCSV reports a CSV file, whose cells have no types.
func (r *Reader) isCSV() bool {
	_, ok := r.src.(*csvSource)
	return ok
}
