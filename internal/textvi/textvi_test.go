package textvi

import (
	"bytes"
	"encoding/hex"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

const sentence = "Nghị quyết số 57 về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"

// The bases and tone marks of the Vietnamese vowels, decomposed, built here
// independently of vowelRows.
var (
	testBases = []struct{ nfd, ascii string }{
		{"a", "a"}, {"a\u0306", "a"}, {"a\u0302", "a"}, {"e", "e"}, {"e\u0302", "e"},
		{"i", "i"}, {"o", "o"}, {"o\u0302", "o"}, {"o\u031B", "o"}, {"u", "u"},
		{"u\u031B", "u"}, {"y", "y"},
	}
	testTones = []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
)

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "abc"},
		{"Vie\u0302\u0323t Nam", "Việt Nam"},
		{"Vie\u0323\u0302t", "Việt"}, // marks in the other order
		{"Nguye\u0302\u0303n", "Nguyễn"},
		{"D\u0323a\u0306\u0323ng", "Ḍặng"},
		{"Nghị quyết", "Nghị quyết"},
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("NFC(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
		if IsNFC(tt.want) != true {
			t.Errorf("IsNFC(%+q) = false", tt.want)
		}
		if IsNFC(tt.in) != (tt.in == tt.want) {
			t.Errorf("IsNFC(%+q) = %v", tt.in, IsNFC(tt.in))
		}
	}
}

func TestVowelRows(t *testing.T) {
	for i, b := range testBases {
		var want strings.Builder
		for _, tone := range testTones {
			want.WriteString(norm.NFC.String(b.nfd + tone))
		}
		if vowelRows[i] != want.String() {
			t.Errorf("vowelRows[%d] = %q, want %q", i, vowelRows[i], want.String())
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"nguyen van an", "nguyen van an"},
		{"Nguyen Van An", "nguyen van an"},
		{"Nguyễn Văn Ấn", "nguyen van an"},
		{"Đặng", "dang"},
		{"đặng thị", "dang thi"},
		{"ĐỖ ĐỨC ĐẠT", "do duc dat"},
		{"Ðoàn", "doan"}, // U+00D0 eth, a common stand-in for Đ
		{"  Trần\t\tThị \n Hương  ", "tran thi huong"},
		{"Lê\u00a0\u2003Văn", "le van"},
		{"\r\n", ""},
		{" a ", "a"},
		{"a  b", "a b"},
		{"Nguye\u0302\u0303n", "nguyen"}, // decomposed input
		{"Phòng Kế hoạch - Tài chính (P.KH-TC)", "phong ke hoach - tai chinh (p.kh-tc)"},
		{"Müller, Ñandú, Øre", "muller, nandu, øre"},
		{"Σίσυφος", "σισυφος"},
		{"한국어", "한국어"},
		{"a\xffb", "a\ufffdb"},
		{sentence, "nghi quyet so 57 ve dot pha phat trien khoa hoc, cong nghe, doi moi sang tao va chuyen doi so quoc gia"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

// TestFoldAllVowels folds every Vietnamese vowel with every tone, in both
// cases, precomposed and decomposed.
func TestFoldAllVowels(t *testing.T) {
	n := 0
	for _, b := range testBases {
		for _, tone := range testTones {
			lower := norm.NFC.String(b.nfd + tone)
			upper := strings.ToUpper(lower)
			for _, in := range []string{lower, upper, norm.NFD.String(lower), norm.NFD.String(upper)} {
				if got := Fold(in); got != b.ascii {
					t.Errorf("Fold(%+q) = %+q, want %q", in, got, b.ascii)
				}
				n++
			}
			if utf8.RuneCountInString(lower) != 1 || utf8.RuneCountInString(upper) != 1 {
				t.Errorf("%+q / %+q not one precomposed letter", lower, upper)
			}
		}
	}
	if n != 12*6*4 {
		t.Errorf("tested %d forms", n)
	}
}

func TestFoldASCIIFastPathNoAlloc(t *testing.T) {
	s := "nguyen van an"
	if a := testing.AllocsPerRun(100, func() { _ = Fold(s) }); a != 0 {
		t.Errorf("Fold(folded ASCII) allocs = %v, want 0", a)
	}
	v := "Nguyễn Văn Ấn"
	if a := testing.AllocsPerRun(100, func() { _ = Fold(v) }); a != 1 {
		t.Errorf("Fold(Vietnamese) allocs = %v, want 1", a)
	}
}

func TestContainsFold(t *testing.T) {
	tests := []struct {
		text, query string
		want        bool
	}{
		{"Nguyễn Văn An", "nguyen van an", true},
		{"Đặng Thị", "dang", true},
		{"Đặng Thị", "ĐẶNG  THỊ", true},
		{"Phòng Kế hoạch", "ke hoach", true},
		{"Nguyễn Văn An", "nguyen van anh", false},
		{"Lê Văn", "", true},
	}
	for _, tt := range tests {
		if got := ContainsFold(tt.text, tt.query); got != tt.want {
			t.Errorf("ContainsFold(%q, %q) = %v, want %v", tt.text, tt.query, got, tt.want)
		}
	}
}

func TestIsSyllable(t *testing.T) {
	good := strings.Fields(strings.NewReplacer(",", "", "57", "").Replace(sentence) +
		" Nguyễn Văn Ấn Đặng Thị Hương người giường gì gìn giữa quả quý quỳnh khuya khuỷu" +
		" xoắn xuân thuở ngoặt nghiêng kỳ ghế chuyện rượu yêu yến ông ương ĐỨC")
	for _, w := range good {
		if !isSyllable(w) {
			t.Errorf("isSyllable(%q) = false", w)
		}
	}
	bad := []string{
		"café", "naïve", "Müller", "Straße", "Vieät", "Viêät", "cafộ",
		"têt",     // stop final needs sắc or nặng
		"ăp", "â", // ă, â need a final
		"kan", "cem", "ngê", "ghô", "qa", // spelling rules
		"huyênn", "hàá", "bcd", "mưôn", "",
	}
	for _, w := range bad {
		if isSyllable(w) {
			t.Errorf("isSyllable(%q) = true", w)
		}
	}
}

// Test-side encoders, written from the published tables independently of
// the decoders. Rows follow testBases; columns follow testTones.
var (
	tcvn3Rows = [12][6]string{
		{"a", "\xb5", "\xb8", "\xb6", "\xb7", "\xb9"},
		{"\xa8", "\xbb", "\xbe", "\xbc", "\xbd", "\xc6"},
		{"\xa9", "\xc7", "\xca", "\xc8", "\xc9", "\xcb"},
		{"e", "\xcc", "\xd0", "\xce", "\xcf", "\xd1"},
		{"\xaa", "\xd2", "\xd5", "\xd3", "\xd4", "\xd6"},
		{"i", "\xd7", "\xdd", "\xd8", "\xdc", "\xde"},
		{"o", "\xdf", "\xe3", "\xe1", "\xe2", "\xe4"},
		{"\xab", "\xe5", "\xe8", "\xe6", "\xe7", "\xe9"},
		{"\xac", "\xea", "\xed", "\xeb", "\xec", "\xee"},
		{"u", "\xef", "\xf3", "\xf1", "\xf2", "\xf4"},
		{"\xad", "\xf5", "\xf8", "\xf6", "\xf7", "\xf9"},
		{"y", "\xfa", "\xfd", "\xfb", "\xfc", "\xfe"},
	}
	vniRows = [12][6]string{ // in Latin-1 letters, as the VNI fonts draw them
		{"a", "aø", "aù", "aû", "aõ", "aï"},
		{"aê", "aè", "aé", "aú", "aü", "aë"},
		{"aâ", "aà", "aá", "aå", "aã", "aä"},
		{"e", "eø", "eù", "eû", "eõ", "eï"},
		{"eâ", "eà", "eá", "eå", "eã", "eä"},
		{"i", "ì", "í", "æ", "ó", "ò"},
		{"o", "oø", "où", "oû", "oõ", "oï"},
		{"oâ", "oà", "oá", "oå", "oã", "oä"},
		{"ô", "ôø", "ôù", "ôû", "ôõ", "ôï"},
		{"u", "uø", "uù", "uû", "uõ", "uï"},
		{"ö", "öø", "öù", "öû", "öõ", "öï"},
		{"y", "yø", "yù", "yû", "yõ", "î"},
	}
)

func latin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

// testTable maps each vowel of testBases x testTones to its code in rows.
// upper, if not nil, gives the code of the capital from the lower-case code.
func testTable(rows [12][6]string, upper func(string) string) map[rune][]byte {
	m := map[rune][]byte{}
	for i, b := range testBases {
		for j, tone := range testTones {
			r, _ := utf8.DecodeRuneInString(norm.NFC.String(b.nfd + tone))
			m[r] = []byte(rows[i][j])
			if upper != nil {
				m[unicode.ToUpper(r)] = []byte(upper(rows[i][j]))
			}
		}
	}
	return m
}

// encodeTCVN3 writes capitals with the lower-case codes, as ABC text does
// (the upper-case .VnTimeH font draws them as capitals), except the seven
// capitals TCVN3 has.
func encodeTCVN3(t testing.TB, s string) []byte {
	m := testTable(tcvn3Rows, nil)
	for r, c := range map[rune]string{'Ă': "\xa1", 'Â': "\xa2", 'Ê': "\xa3", 'Ô': "\xa4", 'Ơ': "\xa5", 'Ư': "\xa6", 'Đ': "\xa7", 'đ': "\xae"} {
		m[r] = []byte(c)
	}
	var out []byte
	for _, r := range s {
		switch c, ok := m[r]; {
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case ok:
			out = append(out, c...)
		case m[unicode.ToLower(r)] != nil:
			out = append(out, m[unicode.ToLower(r)]...)
		default:
			t.Fatalf("encodeTCVN3: no code for %q", r)
		}
	}
	return out
}

// encodeVNI follows the VNI tables: capitals are the upper-case forms of
// the same Latin-1 letters ("aù" á, "AÙ" Á).
func encodeVNI(t testing.TB, s string) []byte {
	m := testTable(vniRows, strings.ToUpper)
	m['đ'], m['Đ'] = []byte("ñ"), []byte("Ñ")
	var out []byte
	for _, r := range s {
		switch c, ok := m[r]; {
		case r < utf8.RuneSelf:
			out = append(out, byte(r))
		case ok:
			out = append(out, latin1(string(c))...)
		default:
			t.Fatalf("encodeVNI: no code for %q", r)
		}
	}
	return out
}

// encode1258 writes Windows-1258: precomposed where the code page has the
// letter, else base letter plus combining tone.
func encode1258(t testing.TB, s string) []byte {
	var out []byte
	for _, r := range s {
		if c, ok := charmap.Windows1258.EncodeRune(r); ok {
			out = append(out, c)
			continue
		}
		v, ok := vowels[unicode.ToLower(r)]
		if !ok {
			t.Fatalf("encode1258: no code for %q", r)
		}
		base := v.base
		if unicode.IsUpper(r) {
			base = unicode.ToUpper(base)
		}
		b1, ok1 := charmap.Windows1258.EncodeRune(base)
		b2, ok2 := charmap.Windows1258.EncodeRune([]rune(testTones[v.tone])[0])
		if !ok1 || !ok2 {
			t.Fatalf("encode1258: cannot split %q", r)
		}
		out = append(out, b1, b2)
	}
	return out
}

// asWindows1252UTF8 is what a program that read b as Windows-1252 would save
// as UTF-8.
func asWindows1252UTF8(b []byte) []byte {
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		panic(err)
	}
	return s
}

func TestTestEncoders(t *testing.T) {
	// From glibc: printf '%s' "$sentence" | iconv -t TCVN | xxd -p
	want, _ := hex.DecodeString("" +
		"4e6768de20717579d5742073e82035372076d220aee974207068b8207068b874" +
		"20747269d36e206b686f612068e4632c2063ab6e67206e6768d62c20aee66920" +
		"6ded692073b86e672074b96f2076b52063687579d36e20aee6692073e8207175" +
		"e86320676961")
	if got := encodeTCVN3(t, sentence); !bytes.Equal(got, want) {
		t.Errorf("encodeTCVN3(sentence) =\n%x\nwant\n%x", got, want)
	}
	// VNI, as VNI's own converters print it.
	wantVNI := "Nghò quyeát soá 57 veà ñoät phaù phaùt trieån khoa hoïc, coâng ngheä, ñoåi môùi saùng taïo vaø chuyeån ñoåi soá quoác gia"
	if got := encodeVNI(t, sentence); !bytes.Equal(got, latin1(wantVNI)) {
		t.Errorf("encodeVNI(sentence) = %q", got)
	}
}

func TestDecodeLegacy(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{VNIWindows, latin1("Xin chaøo caùc baïn"), "Xin chào các bạn"},
		{VNIWindows, latin1("NGUYEÃN VAÊN AÁN, Ñaëng Thò Höông, ngöôøi"), "NGUYỄN VĂN ẤN, Đặng Thị Hương, người"},
		{VNIWindows, latin1("café, naïve"), "café, nạve"}, // marks go on vowels only
		{TCVN3, []byte("B\xb6o Th\xbeng, M\xad\xeang Kh\xad\xacng"), "Bảo Thắng, Mường Khương"},
		{TCVN3, []byte("\x93\xa7\xc6ng Th\xde\x94 \x96 \xa1\xa2"), "“Đặng Thị” – ĂÂ"},
		{TCVN3, []byte("Vie\xb4t"), "Viẹt"}, // 0xB0-0xB4 are combining tones
		{TCVN3, []byte("abc"), "abc"},
	}
	for _, tt := range tests {
		got, err := DecodeLegacy(tt.in, tt.name)
		if err != nil || got != tt.want {
			t.Errorf("DecodeLegacy(%q, %q) = %q, %v; want %q", tt.in, tt.name, got, err, tt.want)
		}
	}
	if _, err := DecodeLegacy([]byte("x"), "VISCII"); err == nil {
		t.Error("DecodeLegacy with unknown name: no error")
	}
}

func TestLegacyRoundTrip(t *testing.T) {
	texts := []string{
		sentence,
		"Đặng Thị Hương, Nguyễn Văn Ấn, Trần Quốc Toản - Phòng Kế hoạch Tài chính",
		strings.Join(allVowels(), " "),
	}
	for _, text := range texts {
		if got, want := mustDecode(t, encodeTCVN3(t, text), TCVN3), abcCase(text); got != want {
			t.Errorf("TCVN3 round trip:\n got %q\nwant %q", got, want)
		}
		if got := mustDecode(t, encodeVNI(t, text), VNIWindows); got != text {
			t.Errorf("VNI round trip:\n got %q\nwant %q", got, text)
		}
	}
}

func mustDecode(t *testing.T, b []byte, name string) string {
	t.Helper()
	s, err := DecodeLegacy(b, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// abcCase is s as it comes back from TCVN3 (ABC): capitals other than ASCII
// and the seven TCVN3 has (Ă Â Ê Ô Ơ Ư Đ) were written with lower-case codes.
func abcCase(s string) string {
	return strings.Map(func(r rune) rune {
		if r < utf8.RuneSelf || strings.ContainsRune("ĂÂÊÔƠƯĐ", r) {
			return r
		}
		return unicode.ToLower(r)
	}, s)
}

func allVowels() []string {
	var vs []string
	for _, b := range testBases {
		for _, tone := range testTones {
			v := norm.NFC.String(b.nfd + tone)
			vs = append(vs, v, strings.ToUpper(v))
		}
	}
	return vs
}

func TestDetectLegacy(t *testing.T) {
	para := sentence + ". Đặng Thị Hương, Nguyễn Văn Ấn và những người được giao nhiệm vụ."
	tcvn := encodeTCVN3(t, para)
	vni := encodeVNI(t, para)
	tests := []struct {
		desc   string
		in     []byte
		want   string
		wantOK bool
	}{
		{"TCVN3 sentence", tcvn, TCVN3, true},
		{"VNI sentence", vni, VNIWindows, true},
		{"TCVN3 short sentence", encodeTCVN3(t, sentence), TCVN3, true},
		{"VNI short sentence", encodeVNI(t, sentence), VNIWindows, true},
		{"TCVN3 seen as cp1252, saved UTF-8", asWindows1252UTF8(tcvn), TCVN3, true},
		{"VNI seen as cp1252, saved UTF-8", asWindows1252UTF8(vni), VNIWindows, true},
		{"same, with a BOM", append([]byte("\xEF\xBB\xBF"), asWindows1252UTF8(vni)...), VNIWindows, true},
		{"VNI CSV roster", encodeVNI(t, "STT,Họ và tên,Đơn vị\n1,Nguyễn Văn Ấn,Phòng Kế hoạch\n2,Đặng Thị Hương,Văn phòng\n"), VNIWindows, true},
		{"UTF-8 sentence", []byte(para), "", false},
		{"UTF-8 with a bad byte", []byte(para + " Hoàng Toàn \xff"), "", false},
		{"UTF-8, Latin-1 letters only", []byte("Tên, Mã, Hà, Tôn, Văn"), "", false},
		{"ASCII", []byte("Nghi quyet so 57 ve dot pha phat trien"), "", false},
		{"empty", nil, "", false},
		{"Windows-1258 sentence", encode1258(t, para), "", false},
		{"Latin-1 Western", latin1("Il était une fois, à Paris, un garçon très naïf qui mangeait des crêpes au café. " +
			"Müller aß Käse auf der Straße; el señor compró piñatas; São Paulo é ótimo; Ærø og Øresund."), "", false},
		{"Latin-1 few words", latin1("café, naïve, à bientôt, où, déjà vu"), "", false},
		{"one name", encodeTCVN3(t, "Đặng Thị"), "", false}, // too little to tell
	}
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rng.Read(random)
	printable := make([]byte, 4096)
	for i := range printable {
		printable[i] = byte(0x20 + rng.Intn(0xE0))
	}
	highText := make([]byte, 0, 8192) // ASCII words with random high bytes
	for len(highText) < 8000 {
		for n := 1 + rng.Intn(6); n > 0; n-- {
			if rng.Intn(4) == 0 {
				highText = append(highText, byte(0x80+rng.Intn(0x80)))
			} else {
				highText = append(highText, byte('a'+rng.Intn(26)))
			}
		}
		highText = append(highText, ' ')
	}
	tests = append(tests,
		struct {
			desc   string
			in     []byte
			want   string
			wantOK bool
		}{"random bytes", random, "", false},
		struct {
			desc   string
			in     []byte
			want   string
			wantOK bool
		}{"random printable bytes", printable, "", false},
		struct {
			desc   string
			in     []byte
			want   string
			wantOK bool
		}{"random words with high bytes", highText, "", false},
	)
	for _, tt := range tests {
		got, ok := DetectLegacy(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: DetectLegacy = %q, %v; want %q, %v", tt.desc, got, ok, tt.want, tt.wantOK)
		}
	}
	// The detected bytes decode back to the text.
	for _, in := range [][]byte{vni, asWindows1252UTF8(vni), append([]byte("\xEF\xBB\xBF"), asWindows1252UTF8(vni)...)} {
		if got, _ := DecodeLegacy(in, VNIWindows); got != para {
			t.Errorf("DecodeLegacy(VNI) = %q", got)
		}
	}
	if got, _ := DecodeLegacy(asWindows1252UTF8(tcvn), TCVN3); Fold(got) != Fold(para) {
		t.Errorf("DecodeLegacy(TCVN3 via UTF-8) = %q", got)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Nguyễn Văn Ấn", "Đặng  Thị\t", sentence, "Nguye\u0302\u0303n", "a\xffb", "한국어 Σίσυφος", "\u0130\u212b\u2126"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%+q) = %+q: invalid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent: Fold(%+q) = %+q, Fold of that = %+q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Fatalf("Fold(%+q) = %+q: untidy spaces", s, got)
		}
		if vietnameseOrASCII(s) {
			for i := 0; i < len(got); i++ {
				if got[i] >= utf8.RuneSelf {
					t.Fatalf("Fold(%+q) = %+q: not ASCII", s, got)
				}
			}
		}
	})
}

// vietnameseOrASCII reports whether s is ASCII, Vietnamese letters, and the
// combining marks Vietnamese uses.
func vietnameseOrASCII(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < utf8.RuneSelf || r == 'đ' || r == 'Đ' || isVowel(unicode.ToLower(r)) ||
			strings.ContainsRune("\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323", r) {
			continue
		}
		return false
	}
	return true
}

func FuzzDetectLegacy(f *testing.F) {
	f.Add([]byte(sentence))
	f.Add(latin1("Nghò quyeát soá 57 veà ñoät phaù phaùt trieån"))
	f.Add([]byte("Ngh\xde quy\xd5t s\xe8 57 v\xd2 \xae\xe9t ph\xb8"))
	f.Add([]byte("caf\xe9, na\xefve"))
	f.Add([]byte{0xC3, 0xA4, 0xFF, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		name, ok := DetectLegacy(b)
		if ok != (name != "") {
			t.Fatalf("DetectLegacy = %q, %v", name, ok)
		}
		for _, n := range []string{TCVN3, VNIWindows} {
			s, err := DecodeLegacy(b, n)
			if err != nil || !utf8.ValidString(s) || !IsNFC(s) {
				t.Fatalf("DecodeLegacy(%q, %q) = %+q, %v", b, n, s, err)
			}
		}
	})
}

func BenchmarkFold(b *testing.B) {
	for _, bm := range []struct{ name, s string }{
		{"vietnamese", "Nguyễn Thị Thanh Hương - Phòng Kế hoạch Tài chính, Sở Giáo dục và Đào tạo"},
		{"ascii-folded", "nguyen thi thanh huong - phong ke hoach tai chinh"},
		{"ascii-upper", "NGUYEN THI THANH HUONG - Phong Ke Hoach Tai Chinh"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.s)))
			for b.Loop() {
				_ = Fold(bm.s)
			}
		})
	}
}

func BenchmarkDetectLegacy(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 64<<10 {
		sb.WriteString(sentence)
		sb.WriteString(". ")
	}
	for _, bm := range []struct {
		name string
		in   []byte
	}{
		{"utf8", []byte(sb.String())},
		{"tcvn3", encodeTCVN3(b, sb.String())},
		{"vni", encodeVNI(b, sb.String())},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.in)))
			for b.Loop() {
				DetectLegacy(bm.in)
			}
		})
	}
}

func TestFieldText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Phường 4", "Phường 4"},
		{"\x1b]0;PWNED\aPhường 4", "]0;PWNED Phường 4"},
		{"Phường \x1b[31mĐỏ", "Phường [31mĐỏ"},
		{"Ph\u200bường 4", "Phường 4"},
		{"\u202ePhường 9", "Phường 9"},
		{"\u200b\u200b", ""},
		{" a\t\nb \u0085c", "a b c"},
		{"Phu\u031bo\u031b\u0300ng", "Phường"},
		// A lone 0x9B byte is CSI to a terminal that reads C1 as bytes.
		{"\x9b31mPhường", "\ufffd31mPhường"},
		{"\u009b31mA", "31mA"},
	} {
		if got := FieldText(c.in); got != c.want {
			t.Errorf("FieldText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestShown(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Phường 4", "Phường 4"},
		{"\x1b]0;PWNED\aPhường 4", "]0;PWNED Phường 4"},
		{"Phường\u202e 9\u200b", "Phường 9"},
		{"\x9bX", "\ufffdX"},
	} {
		if got := Shown(c.in); got != c.want {
			t.Errorf("Shown(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = Shown("Nguyễn Văn An · Phường 4") }); n != 0 {
		t.Errorf("Shown of clean text allocates %v times", n)
	}
}

// BenchmarkShown is the cost a screen pays per stored field it shows.
func BenchmarkShown(b *testing.B) {
	s := "Nguyễn Thị Minh Khai · Phường Tân Sơn Hòa"
	b.ReportAllocs()
	for b.Loop() {
		_ = Shown(s)
	}
}

// invisible's fast paths agree with the Unicode tables on every code point.
func TestInvisibleAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
		if got := invisible(r); got != want {
			t.Fatalf("invisible(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestDropFormatAndHasLetterOrDigit(t *testing.T) {
	if got := DropFormat("Tr\u202ean\u200b Văn\u00ad\x1b"); got != "Tran Văn\x1b" {
		t.Errorf("DropFormat = %q", got)
	}
	for s, want := range map[string]bool{"": false, " \u200b": false, "%_'": false, "a": true, "7": true, "Đ": true} {
		if HasLetterOrDigit(s) != want {
			t.Errorf("HasLetterOrDigit(%q) = %v", s, !want)
		}
	}
}
