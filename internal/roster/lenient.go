package roster

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefing/internal/textvi"
)

// What a ward's list holds that a clerk would call fine, and the reader takes
// with a warning rather than refusing the file: a total row at the end, two
// phone numbers in one cell, a group written as the association's name, a
// row pasted twice, names in capitals.

// isFooter reports a total row ("Tổng cộng: 301 người", "Tổng số: 301",
// "Cộng: 12"): its first filled cell, the row number column aside, starts
// with a total's words, it has no phone or ID number, which a person would,
// and no name but that cell ("Cộng 3 đơn vị" in the unit column beside a
// name is a person's unit).
func (r *Reader) isFooter(cells []string) bool {
	for _, f := range []field{fieldPhone, fieldID} {
		if i := r.cols[f]; i >= 0 && i < len(cells) && strings.TrimSpace(cells[i]) != "" {
			return false
		}
	}
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		k := headerKey(c)
		if i == r.cols[fieldSTT] && !strings.HasPrefix(k, "tong") && !strings.HasPrefix(k, "cong") {
			continue // the row number, or a total written in its column
		}
		if n := r.cols[fieldName]; n >= 0 && n != i && n < len(cells) && strings.TrimSpace(cells[n]) != "" {
			return false
		}
		return isTotal(c)
	}
	return false
}

// isTotal reports a cell that begins a total: "Tổng cộng", "Tổng cộng 301
// người", "Tổng số 301", "Tổng: 301", "Cộng: 12". Diacritics count: "Tống Công
// Minh" is a name and "Tổng công ty" a unit, though all fold alike. A list
// typed without them ("TONG CONG: 301") has its total only with a number.
func isTotal(cell string) bool {
	k := totalKey(cell)
	// "Tổng cộng" alone, or with a number: "Tổng Số Hạnh" is a name.
	for _, p := range []string{"tổng cộng", "tổng số"} {
		if rest, ok := strings.CutPrefix(k, p); ok && (rest == "" || rest[0] == ' ' && strings.ContainsAny(rest, "0123456789")) {
			return true
		}
	}
	// "Tổng" or "Cộng" alone is a total only with a number after it.
	for _, p := range []string{"tổng ", "cộng "} {
		if rest, ok := strings.CutPrefix(k, p); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	if k == textvi.Fold(k) && strings.ContainsAny(k, "0123456789") { // no diacritics at all
		for _, p := range []string{"tong cong ", "tong so ", "tong ", "cong "} {
			if rest, ok := strings.CutPrefix(k, p); ok && (p != "tong " && p != "cong " || rest != "" && rest[0] >= '0' && rest[0] <= '9') {
				return true
			}
		}
	}
	return false
}

// totalKey is s in lower case with its diacritics, its words one space
// apart, punctuation gone.
func totalKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(textvi.NFC(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// splitPhones reads a cell with more than one number ("0912 345 678 /
// 0987 654 321", "0912345678; 0283 8123 456") as its first number and the
// rest: ok is false unless the first part is a valid number and there are
// others.
func splitPhones(s string) (first, rest string, ok bool) {
	i := strings.IndexAny(s, "/;,\n|")
	if j := strings.Index(s, " - "); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return "", "", false
	}
	p, valid := NormalizePhone(s[:i])
	rest = strings.TrimSpace(strings.TrimLeft(s[i:], "/;,\n|- "))
	if !valid || p == "" || rest == "" {
		return "", "", false
	}
	return p, rest, true
}

// groupAliases are groups as wards write them, by the association or the
// people rather than the plan's name; each is read as the plan's group with
// a warning, so the clerk sees what it became.
var groupAliases = sync.OnceValue(func() map[string]Group {
	groupAliases := map[string]Group{}
	aliases := map[Group][]string{
		CanBo: {"cán bộ phường", "cán bộ khu phố", "cán bộ không chuyên trách", "cán bộ chuyên trách",
			"bí thư chi bộ", "trưởng khu phố", "tổ trưởng tổ dân phố"},
		VienChuc:     {"giáo viên", "giảng viên", "bác sĩ", "y sĩ", "nhân viên y tế"},
		NguoiLaoDong: {"nhân viên", "công nhân viên", "lao động hợp đồng", "người lao động hợp đồng"},
		HoiVien: {"hội phụ nữ", "phụ nữ", "hội viên phụ nữ", "đoàn thanh niên", "thanh niên", "đoàn viên thanh niên",
			"cựu chiến binh", "ccb", "hội cựu chiến binh", "hội nông dân", "nông dân", "người cao tuổi",
			"hội người cao tuổi", "chữ thập đỏ", "hội chữ thập đỏ", "công đoàn viên", "đoàn viên công đoàn",
			"cựu thanh niên xung phong", "hội cựu thanh niên xung phong", "mặt trận", "mặt trận tổ quốc",
			"thành viên mặt trận", "đoàn thể", "hội viên các đoàn thể", "hội viên, đoàn viên các đoàn thể"},
		NhanDan:     {"người dân khu phố", "hộ dân", "cư dân", "dân cư", "nhân dân khu phố", "nhân dân trên địa bàn"},
		DoanhNghiep: {"chủ doanh nghiệp", "doanh nhân", "hộ kinh doanh", "tiểu thương", "hợp tác xã"},
		// A Party member is in none of the plan's groups by that alone:
		// read as Khác, with the warning, rather than refuse the row (a
		// list for a Party resolution names many).
		Khac: {"đảng viên", "đảng viên chi bộ", "đảng viên sinh hoạt tại chi bộ", "cấp ủy", "cấp ủy viên",
			"chi ủy viên", "đảng viên 30 năm tuổi đảng", "cán bộ hưu trí", "hưu trí"},
	}
	for g, list := range aliases {
		for _, n := range list {
			groupAliases[groupKey(n)] = g
		}
	}
	return groupAliases
})

// GroupAlias reads a group written as wards write it when ParseGroup does
// not know it: a known alias ("Cựu chiến binh", "Hội Phụ nữ"), or a name
// that begins with one group's name and holds no other's ("Hội viên Hội
// Phụ nữ", "Đoàn viên thanh niên", "Cán bộ phường 4"). "Cán bộ, công
// chức" names two groups and is not read.
func GroupAlias(s string) (Group, bool) {
	k := groupKey(s)
	if g, ok := groupAliases()[k]; ok {
		return g, true
	}
	// Every group named in the text; shorter names ("cc", "dn", "dan")
	// would be found inside any word.
	var found Group
	first := false
	for name, g := range groupNames() {
		if len(name) < 5 || !strings.Contains(k, name) {
			continue
		}
		if found != "" && g != found {
			return "", false // two groups: the text does not say which
		}
		found = g
		first = first || strings.HasPrefix(k, name)
	}
	if !first {
		return "", false
	}
	return found, true
}

// TitleCaseName writes a name typed in capitals ("LƯU BÍCH HẠNH") as names
// are written ("Lưu Bích Hạnh"); a name with any small letter is as typed.
func TitleCaseName(name string) (string, bool) {
	// Bytes that are no UTF-8 would come out as U+FFFD: left as they are
	// (a roster's reader refuses such text before it gets here).
	if !utf8.ValidString(name) {
		return name, false
	}
	hasUpper := false
	for _, r := range name {
		if unicode.IsLower(r) {
			return name, false
		}
		if unicode.IsUpper(r) {
			hasUpper = true
		}
	}
	// A one-letter initial ("NGUYỄN T. HOA" has "T.") is a word too.
	if !hasUpper || utf8.RuneCountInString(name) < 2 {
		return name, false
	}
	var b strings.Builder
	start := true
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) && start:
			b.WriteRune(r)
			start = false
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
			// Each word after a space, hyphen, bracket or apostrophe:
			// "H'HEN NIÊ" -> "H'Hen Niê", as the Ê Đê write their names.
			start = true
		}
	}
	return textvi.NFC(b.String()), true
}

// rowKey hashes a row's cells but the row number, the same for the same
// text: a row pasted twice (with the next row number) has the key of the
// first.
func (r *Reader) rowKey(cells []string) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	for i, c := range cells {
		if i == r.cols[fieldSTT] {
			continue
		}
		h.WriteString(strings.TrimSpace(c))
		h.WriteByte(0)
	}
	return h.Sum64()
}

// seenRow reports the line of an earlier row with the same cells, and
// otherwise remembers this one. Only rows with a name count: a blank row is
// skipped before, and a row of only a unit is not a person pasted twice.
func (r *Reader) seenRow(line int, cells []string) (int, bool) {
	if i := r.cols[fieldName]; i < 0 || i >= len(cells) || strings.TrimSpace(cells[i]) == "" {
		return 0, false
	}
	if r.rows == nil {
		r.rows, r.seed = map[uint64]int32{}, maphash.MakeSeed()
	}
	k := r.rowKey(cells)
	if first, ok := r.rows[k]; ok {
		return int(first), true
	}
	if len(r.rows) < maxSameRows {
		r.rows[k] = int32(line)
	}
	return 0, false
}

// maxSameRows is how many rows are remembered to find a row pasted twice:
// a ward's list has hundreds, and a city's million would cost some 40 MB.
// A repeat after them is left to the import, which refuses a person named
// twice.
const maxSameRows = 200_000

// footerText is a total row's filled cells, for the warning.
func footerText(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	s := strings.Join(parts, " ")
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return s
}
