package i18n

func init() { register(cliAttendanceMessages) }

// cliAttendanceMessages: roster import, check-in, attendance and export commands.
var cliAttendanceMessages = map[string][2]string{
	"cli.session.ended":        {"buổi %s (%s) đã kết thúc, không điểm danh thêm được", "session %s (%s) has ended; it takes no more check-ins"},
	"cli.checkin.nosession":    {"máy này chưa có buổi nào đang mở; bắt đầu bằng \"briefing session start\" hoặc chỉ rõ --session ID", "this device has no open session; start one with \"briefing session start\" or give --session ID"},
	"cli.checkin.usage":        {"chọn đúng một cách: --query TEXT, --person ID, --qr PAYLOAD hoặc --walk-in --name TÊN", "choose exactly one of: --query TEXT, --person ID, --qr PAYLOAD or --walk-in --name NAME"},
	"cli.person.notfound":      {"không có người nào mang mã %q; xem mã bằng \"briefing checkin --query TÊN\"", "no person with id %q; find ids with \"briefing checkin --query NAME\""},
	"cli.walkin.same":          {"cảnh báo: đã có %s (%s) trong danh sách, mã %s; vẫn đăng ký người mới", "warning: %s (%s) is already on the roster, id %s; registering a new person anyway"},
	"cli.checkin.nomatch":      {"không ai khớp %q; đăng ký người mới bằng: briefing checkin --walk-in --name \"Họ và tên\" [--unit ĐƠN_VỊ]", "no one matches %q; register a new person with: briefing checkin --walk-in --name \"Full Name\" [--unit UNIT]"},
	"cli.checkin.several":      {"nhiều người khớp %q:", "several people match %q:"},
	"cli.checkin.several.hint": {"hãy gõ đầy đủ hơn, hoặc dùng --person MÃ", "type more of the name, or use --person ID"},
	"cli.qr.name":              {"không có ai mang số CCCD này trong danh sách, và tên đọc từ thẻ (%q) có thể sai; hãy đăng ký bằng --walk-in --name \"Họ và tên\"", "no one with this ID number is on the roster, and the name read from the card (%q) may be garbled; register with --walk-in --name \"Full Name\""},
	"attendance.list.header":   {"STT\tHỌ VÀ TÊN\tĐƠN VỊ\tTHÀNH PHẦN\tGIỜ\tHÌNH THỨC", "NO.\tNAME\tUNIT\tGROUP\tTIME\tREGISTERED BY"},
	"cli.roster.open":          {"không mở được %s: %v", "cannot open %s: %v"},
	"cli.roster.failed":        {"không nhập được %s: %v; không có gì được ghi", "cannot import %s: %v; nothing was written"},
	"cli.roster.progress":      {"Đang nhập", "Importing"},
	"cli.roster.moreproblems":  {"… và %d dòng lỗi khác", "… and %d more invalid rows"},
	"cli.roster.summary":       {"Mới: %d, cập nhật: %d, không đổi: %d, bị từ chối: %d", "Imported: %d, updated: %d, unchanged: %d, rejected: %d"},
	"cli.roster.rejected":      {"Không nhập gì vì có dòng lỗi. Sửa các dòng trên, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ.", "Nothing was imported because some rows are invalid. Fix the rows above, or use --skip-invalid to import only the valid ones."},
	"cli.roster.dryrun":        {"Chạy thử, không ghi gì.", "Dry run, nothing written."},
	"cli.export.format":        {"định dạng %q không có; dùng --format md, --format csv hoặc --format xlsx", "no format %q; use --format md, --format csv or --format xlsx"},
	"cli.export.tty":           {"tệp xlsx không in ra màn hình được; chỉ tệp cần ghi bằng -o TỆP.xlsx", "an xlsx file cannot go to the terminal; name a file with -o FILE.xlsx"},
	"cli.session.ambiguous":    {"nhiều phiên bắt đầu bằng %q; gõ thêm ký tự của mã phiên (briefing session list)", "several sessions start with %q; type more of the id (briefing session list)"},
	"cli.session.short":        {"mã phiên %q quá ngắn: cần ít nhất %d ký tự (briefing session list)", "session id %q is too short: give at least %d characters (briefing session list)"},
	"cli.session.questions":    {"Câu hỏi: %d (chưa trả lời %d, đã trả lời %d, đã chuyển %d, trả lời sau %d)", "Questions: %d (open %d, answered %d, forwarded %d, answered later %d)"},
	"cli.export.write":         {"không ghi được %s: %v", "cannot write %s: %v"},
	"cli.export.done":          {"Đã ghi biên bản %s (%d người tham dự, %d câu hỏi)", "Wrote the minutes %s (%d attendees, %d questions)"},
}
