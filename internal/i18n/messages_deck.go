package i18n

func init() { register(deckLimitMessages) }

// deckLimitMessages: a deck's limits, its front matter's duplicate keys and
// languages, the characters removed from its text, and the render width.
var deckLimitMessages = []message{
	{"deck.limit.file", "tệp lớn hơn %d MB, không phải một bộ trình chiếu; hãy tách thành nhiều bộ", "the file is larger than %d MB, too large for a deck; split it into several decks"},
	{"deck.limit.slides", "bộ trình chiếu có quá %d trang; trang này trở đi vượt giới hạn, hãy tách thành nhiều bộ", "the deck has more than %d slides; from this slide on it is over the limit, split it into several decks"},
	{"deck.limit.slide", "trang này dài quá %d KB chữ (không kể ghi chú); hãy tách trang", "this slide holds more than %d KB of text (notes aside); split it"},
	{"deck.limit.render", "các trang của bộ, mỗi trang tính một lần cho mỗi bước, có quá %d KB chữ phải dựng; từ trang này trở đi vượt giới hạn: hãy tách bộ hoặc bớt bước", "the deck's slides, each counted once per step, hold more than %d KB of text to render; from this slide on it is over the limit: split the deck or use fewer steps"},
	{"deck.limit.steps", "trang có quá %d bước: dấu <!-- pause --> này vượt giới hạn; hãy bớt dấu hoặc tách trang", "the slide has more than %d steps: this <!-- pause --> is over the limit; remove some or split the slide"},
	{"deck.limit.nesting", "danh sách hoặc trích dẫn lồng nhau quá %d cấp ở đây; hãy bớt cấp lồng", "lists or quotes nest more than %d levels deep here; flatten them"},
	{"deck.control", "dòng có ký tự điều khiển hoặc ký tự ẩn (mã thoát, đảo chiều chữ, khoảng trắng không độ rộng); đã bỏ khi đọc", "the line holds control or invisible characters (escape codes, bidi overrides, zero-width spaces); they were removed on load"},
	{"deck.frontmatter.duplicate", "khoá %s lặp lại (đã có ở dòng %d); mỗi khoá chỉ ghi một lần", "key %s is repeated (first at line %d); give each key once"},
	{"deck.frontmatter.lang", "lang %q không hợp lệ; dùng vi (tiếng Việt) hoặc en (tiếng Anh)", "lang %q is not valid; use vi (Vietnamese) or en (English)"},
	{"cli.deck.width", "--width %d không hợp lệ: độ rộng phải từ %d đến %d cột", "--width %d is not valid: the width must be from %d to %d columns"},
}

func init() { register(xlsxLimitMessages) }

// xlsxLimitMessages: a workbook that unzips past the import's limits.
var xlsxLimitMessages = []message{
	{"roster.xlsx.toolarge", "bảng tính giải nén ra quá lớn (phần %s: %d MB, cả tệp đến đây: %d MB, giới hạn %d MB), nên không nhập dòng nào; tệp có thể bị hỏng hoặc cố ý làm hỏng. Hãy mở bằng Excel hoặc LibreOffice, lưu lại dạng \"CSV UTF-8 (*.csv)\" rồi nhập tệp CSV",
		"the workbook unzips too large (part %s: %d MB, the file so far: %d MB, limit %d MB), so no row of it is taken; it may be damaged or built to do harm. Open it in Excel or LibreOffice, save it as \"CSV UTF-8 (*.csv)\" and import the CSV"},
}
