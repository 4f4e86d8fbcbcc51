// Package searchtest generates realistic Vietnamese rosters for tests and
// benchmarks of the roster search and of what is built on it.
package searchtest

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"briefing/internal/search"
	"briefing/internal/textvi"
)

type weighted struct {
	s string
	w float64 // per cent
}

// Surnames weighted roughly as in Vietnam.
var surnames = []weighted{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5}, {"Phạm", 7}, {"Hoàng", 2.6},
	{"Huỳnh", 2.4}, {"Phan", 4.5}, {"Vũ", 2}, {"Võ", 2}, {"Đặng", 2.1},
	{"Bùi", 2}, {"Đỗ", 1.4}, {"Hồ", 1.3}, {"Ngô", 1.3}, {"Dương", 1},
	{"Lý", 0.5}, {"Trương", 1.2}, {"Đinh", 0.8}, {"Lâm", 0.6}, {"Mai", 0.5},
	{"Tạ", 0.3}, {"Cao", 0.4}, {"Lưu", 0.3}, {"Châu", 0.2}, {"Tô", 0.2},
	{"Quách", 0.1}, {"Kiều", 0.1},
}

var (
	middleMale   = []string{"Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Hoàng", "Xuân", "Gia", "Công", "Đình", "Trọng", "Tuấn", "Anh"}
	middleFemale = []string{"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Minh", "Xuân", "Bảo", "Mỹ", "Phương", "Thúy", "Hồng"}
	givenMale    = []string{"An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hoàng", "Nguyên"}
	givenFemale  = []string{"An", "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến"}
)

var otherUnits = []string{
	"UBND Phường 4", "UBND Phường 11", "Trường THCS Ngô Sĩ Liên", "Trường THPT Nguyễn Thượng Hiền",
	"Trường Tiểu học Trần Quốc Toản", "Trường Mầm non Hoa Hồng", "Công ty TNHH Minh Phát",
	"Công ty TNHH Thương mại Dịch vụ Tân Sơn", "Công ty CP Xây dựng Số 5", "Hội Liên hiệp Phụ nữ Phường 9",
	"Hội Cựu chiến binh Phường 11", "Đoàn Thanh niên Phường 2", "Mặt trận Tổ quốc Phường 13",
	"Công an Phường 6", "Trạm Y tế Phường 3", "Ban Chỉ huy Quân sự Phường 10", "Chi bộ Khu phố 5",
	"Chi bộ Khu phố 12", "Bệnh viện Thống Nhất", "Trung tâm Văn hóa Thể thao quận Tân Bình",
	"Hội Nông dân Phường 8", "Ban Quản lý Chợ Phạm Văn Hai", "Ngân hàng Agribank Chi nhánh Tân Bình",
}

// Names returns n roster entries, the same for the same n and seed: surnames
// weighted like real life, one or two middle names (rarely none), given names
// by sex; units mostly "Phường 1".."Phường 15", else schools, companies,
// associations; a mobile phone "09..."/"03..." for about 60%. A few names are
// in capitals or decomposed (NFD), as rosters typed by many people are.
func Names(n int, seed uint64) []search.Entry {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	total := 0.0
	for _, s := range surnames {
		total += s.w
	}
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	wards := make([]string, 15)
	for i := range wards {
		wards[i] = "Phường " + strconv.Itoa(i+1)
	}
	out := make([]search.Entry, n)
	var b strings.Builder
	for i := range out {
		b.Reset()
		x := rng.Float64() * total
		sur := surnames[len(surnames)-1].s
		for _, s := range surnames {
			if x < s.w {
				sur = s.s
				break
			}
			x -= s.w
		}
		b.WriteString(sur)
		female := rng.IntN(2) == 0
		middles, givens := middleMale, givenMale
		if female {
			middles, givens = middleFemale, givenFemale
		}
		switch k := rng.IntN(100); {
		case k < 4: // no middle name
		case k < 22:
			b.WriteString(" " + pick(middles))
			b.WriteString(" " + pick(middles[3:]))
		default:
			b.WriteString(" " + pick(middles))
		}
		b.WriteString(" " + pick(givens))
		name := b.String()
		switch k := rng.IntN(100); {
		case k < 2:
			name = strings.ToUpper(name)
		case k < 3:
			name = norm.NFD.String(name)
		}

		var unit string
		switch k := rng.IntN(100); {
		case k < 3:
		case k < 70:
			unit = pick(wards)
		default:
			unit = pick(otherUnits)
		}

		var phone string
		if rng.IntN(100) < 60 {
			prefix := "09"
			if rng.IntN(3) == 0 {
				prefix = "03"
			}
			digits := strconv.Itoa(rng.IntN(100000000))
			phone = prefix + strings.Repeat("0", 8-len(digits)) + digits
		}
		out[i] = search.Entry{Name: name, Unit: unit, Phone: phone}
	}
	return out
}

// Queries returns n queries drawn from the roster: name prefixes, word
// prefixes in and out of order, with unit words, substrings of the name and
// of name and unit, phone ends and middles, short strings, in various cases
// and forms.
func Queries(rng *rand.Rand, roster []search.Entry, n int) []string {
	prefix := func(s string) string {
		r := []rune(s)
		return string(r[:1+rng.IntN(len(r))])
	}
	sub := func(s string) string {
		r := []rune(s)
		i := rng.IntN(len(r))
		return string(r[i : i+1+rng.IntN(len(r)-i)])
	}
	var out []string
	for len(out) < n {
		e := roster[rng.IntN(len(roster))]
		words := strings.Fields(e.Name)
		var q string
		switch rng.IntN(12) {
		case 0:
			q = prefix(e.Name)
		case 1:
			q = e.Name
		case 2, 3:
			var parts []string
			for _, w := range words {
				if rng.IntN(3) > 0 {
					parts = append(parts, prefix(w))
				}
			}
			if rng.IntN(2) == 0 {
				rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
			}
			q = strings.Join(parts, " ")
		case 4:
			q = prefix(words[len(words)-1])
			if u := strings.Fields(e.Unit); len(u) > 0 {
				q += " " + prefix(u[rng.IntN(len(u))])
			}
		case 5:
			q = sub(e.Name)
		case 6:
			q = sub(e.Name + " " + e.Unit)
		case 7:
			if e.Phone == "" {
				continue
			}
			q = e.Phone[len(e.Phone)-3-rng.IntN(5):]
		case 8:
			if e.Phone == "" {
				continue
			}
			i := rng.IntN(len(e.Phone) - 3)
			q = e.Phone[i : i+3+rng.IntN(len(e.Phone)-i-2)]
		case 9:
			const letters = "abcdeghiklmnopqrstuvxy0123456789 "
			for range 1 + rng.IntN(3) {
				q += string(letters[rng.IntN(len(letters))])
			}
		case 10:
			q = sub(e.Unit + " ")
		case 11:
			q = prefix(words[0]) + " " + sub(words[len(words)-1])
		}
		switch rng.IntN(6) {
		case 0:
			q = strings.ToUpper(q)
		case 1:
			q = norm.NFD.String(q)
		case 2:
			q = textvi.Fold(q)
		}
		if strings.TrimSpace(q) != "" && utf8.ValidString(q) {
			out = append(out, q)
		}
	}
	return append(out, "xyzq", "n", "an", "0912", "phuong 7", "thi hoa")
}
