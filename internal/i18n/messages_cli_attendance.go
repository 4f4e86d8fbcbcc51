package i18n

func init() { register(cliAttendanceMessages) }

// cliAttendanceMessages: roster import, check-in, attendance and export commands.
var cliAttendanceMessages = []message{
	{"cli.session.ended", "phiên %s (%s) đã kết thúc, không điểm danh thêm được", "session %s (%s) has ended; it takes no more check-ins"},
	{"cli.checkin.nosession", "máy này chưa có phiên nào đang mở; bắt đầu bằng \"briefing session start\" hoặc chỉ rõ --session ID", "this device has no open session; start one with \"briefing session start\" or give --session ID"},
	{"cli.checkin.usage", "chọn đúng một cách: --query TEXT, --person MÃ, --qr PAYLOAD (có thể kèm --person MÃ: người giữ thẻ) hoặc --walk-in --name TÊN", "choose exactly one of: --query TEXT, --person ID, --qr PAYLOAD (possibly with --person ID: the card's holder) or --walk-in --name NAME"},
	{"cli.person.notfound", "không có người nào mang mã %q; xem mã bằng \"briefing checkin --query TÊN\"", "no person with id %q; find ids with \"briefing checkin --query NAME\""},
	{"cli.walkin.same", "đã có người cùng họ tên và đơn vị trong danh sách; chưa đăng ký ai:", "people of the same name and unit are already on the roster; nobody was registered:"},
	{"cli.checkin.nomatch", "không ai khớp %q; đăng ký người mới bằng: briefing checkin --walk-in --name \"Họ và tên\" [--unit ĐƠN_VỊ]", "no one matches %q; register a new person with: briefing checkin --walk-in --name \"Full Name\" [--unit UNIT]"},
	{"cli.checkin.several", "nhiều người khớp %q:", "several people match %q:"},
	{"cli.checkin.several.hint", "hãy gõ đầy đủ hơn, hoặc dùng --person MÃ", "type more of the name, or use --person ID"},
	{"cli.qr.name", "không có ai mang số CCCD này trong danh sách, và tên đọc từ thẻ (%q) có thể sai; hãy đăng ký bằng --walk-in --name \"Họ và tên\"", "no one with this ID number is on the roster, and the name read from the card (%q) may be garbled; register with --walk-in --name \"Full Name\""},
	{"attendance.list.header", "STT\tHỌ VÀ TÊN\tĐƠN VỊ\tTHÀNH PHẦN\tGIỜ\tHÌNH THỨC", "NO.\tNAME\tUNIT\tGROUP\tTIME\tREGISTERED BY"},
	{"cli.roster.open", "không mở được %s: %v", "cannot open %s: %v"},
	{"cli.roster.failed", "không nhập được %s: %v; không có gì được ghi", "cannot import %s: %v; nothing was written"},
	{"cli.roster.progress", "Đang nhập", "Importing"},
	{"cli.roster.moreproblems", "… và %d dòng lỗi khác", "… and %d more invalid rows"},
	{"cli.roster.summary", "Mới: %d, cập nhật: %d, không đổi: %d, bị từ chối: %d", "Imported: %d, updated: %d, unchanged: %d, rejected: %d"},
	{"cli.roster.rejected", "Không nhập gì vì có dòng lỗi. Sửa các dòng trên, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ.", "Nothing was imported because some rows are invalid. Fix the rows above, or use --skip-invalid to import only the valid ones."},
	{"cli.roster.dryrun", "Chạy thử, không ghi gì.", "Dry run, nothing written."},
	{"cli.export.format", "định dạng %q không có; dùng --format md, --format csv hoặc --format xlsx", "no format %q; use --format md, --format csv or --format xlsx"},
	{"cli.export.tty", "tệp xlsx không in ra màn hình được; chỉ tệp cần ghi bằng -o TỆP.xlsx", "an xlsx file cannot go to the terminal; name a file with -o FILE.xlsx"},
	{"cli.session.ambiguous", "nhiều phiên bắt đầu bằng %q; gõ thêm ký tự của mã phiên (briefing session list)", "several sessions start with %q; type more of the id (briefing session list)"},
	{"cli.session.short", "mã phiên %q quá ngắn: cần ít nhất %d ký tự (briefing session list)", "session id %q is too short: give at least %d characters (briefing session list)"},
	{"cli.session.questions", "Câu hỏi: %d (chưa trả lời %d, đã trả lời %d, đã chuyển %d, trả lời sau %d)", "Questions: %d (open %d, answered %d, forwarded %d, answered later %d)"},
	{"cli.export.write", "không ghi được %s: %v", "cannot write %s: %v"},
	{"cli.export.done", "Đã ghi biên bản %s (%d người tham dự, %d câu hỏi)", "Wrote the minutes %s (%d attendees, %d questions)"},
}

func init() { register(checkinMessages) }

// checkinMessages: briefing checkin, its flags and the lists it shows.
var checkinMessages = []message{
	{"cli.checkin.walkinonly", "--%s chỉ dùng khi đăng ký người mới (--walk-in); để tìm người đã có, dùng --query hoặc --person", "--%s is only for registering someone new (--walk-in); to find someone on the roster, use --query or --person"},
	{"cli.checkin.unitonly", "--unit chỉ dùng kèm --query (chỉ tìm trong đơn vị đó) hoặc --walk-in (đơn vị của người mới)", "--unit goes only with --query (search that unit only) or --walk-in (the new person's unit)"},
	{"cli.checkin.newonly", "--new chỉ dùng kèm --walk-in hoặc --qr (không kèm --person): để đăng ký người mới dù đã có người trùng tên", "--new goes only with --walk-in or --qr (without --person): to register someone new although people of that name exist"},
	{"cli.help.flag.checkin.new", "vẫn đăng ký người mới dù đã có người trùng tên (kèm --walk-in hoặc --qr)", "register someone new although people of that name exist (with --walk-in or --qr)"},
	{"cli.person.ambiguous", "nhiều người có mã bắt đầu bằng %q; gõ thêm ký tự của mã (xem mã bằng \"briefing checkin --query TÊN\")", "several people's ids start with %q; type more of the id (find ids with \"briefing checkin --query NAME\")"},
	{"cli.person.short", "mã người %q quá ngắn: cần ít nhất %d ký tự đầu của mã (xem mã bằng \"briefing checkin --query TÊN\")", "person id %q is too short: give at least its first %d characters (find ids with \"briefing checkin --query NAME\")"},
	{"cli.person.phone", "ĐT …%s", "phone …%s"},
	{"cli.person.idlast4", "CCCD …%s", "ID …%s"},
	{"cli.walkin.same.hint", "nếu là một trong số này, điểm danh bằng: briefing checkin --person MÃ\nnếu là người khác, chạy lại lệnh vừa rồi và thêm --new", "if it is one of them, check them in with: briefing checkin --person ID\nif it is someone else, run the same command again with --new"},
	{"cli.checkin.nomatch.unit", "không ai ở đơn vị %[2]q khớp %[1]q; bỏ --unit để tìm ở mọi đơn vị, hoặc đăng ký người mới bằng: briefing checkin --walk-in --name \"Họ và tên\" --unit ĐƠN_VỊ", "no one in unit %[2]q matches %[1]q; drop --unit to search every unit, or register a new person with: briefing checkin --walk-in --name \"Full Name\" --unit UNIT"},
	{"cli.checkin.nomatch.id", "không ai có số CCCD %s trong danh sách (và không số điện thoại nào khớp); người nhập danh sách không kèm CCCD thì tìm theo tên: briefing checkin --query \"Họ và tên\"; chỉ đăng ký người mới (--walk-in) khi tìm theo tên cũng không thấy", "no one on the roster has ID number %s (and no phone matches); people imported without an ID are found by name: briefing checkin --query \"Full Name\"; register someone new (--walk-in) only when the name finds no one either"},
	{"cli.checkin.several.more", "  … và %d người nữa; thu hẹp tìm kiếm, ví dụ thêm đơn vị (--unit ĐƠN_VỊ) hoặc gõ đầy đủ họ tên", "  … and %d more; narrow the search, for example with the unit (--unit UNIT) or the full name"},
	{"cli.qr.bad", "--qr: %s", "--qr: %s"},
	{"cli.qr.noname", "không có ai mang số CCCD …%s trong danh sách, và mã vừa quét chỉ có số, không có họ tên; hãy quét lại mã QR ở mặt trước thẻ, hoặc đăng ký bằng --walk-in --name \"Họ và tên\"", "no one with ID number …%s is on the roster, and the code holds only the number, no name; scan the QR code on the front of the card again, or register with --walk-in --name \"Full Name\""},
	{"cli.qr.named", "chưa ai có thẻ CCCD …%s; những người tên %s dưới đây chưa có thẻ trong danh sách; chưa điểm danh ai:", "no one has ID card …%s; these people named %s have no card on file; nobody was checked in:"},
	{"cli.qr.named.hint", "nếu thẻ là của một người trong số này, điểm danh và lưu thẻ cho người đó: briefing checkin --person MÃ --qr PAYLOAD (cùng nội dung --qr)\nnếu chủ thẻ là người khác: briefing checkin --qr PAYLOAD --new", "if the card is one of theirs, check them in and keep the card on them: briefing checkin --person ID --qr PAYLOAD (the same --qr)\nif the card holder is someone else: briefing checkin --qr PAYLOAD --new"},
	{"cli.qr.cardtaken", "thẻ CCCD …%s đã là của %s%s (mã %s), không phải người này; điểm danh chủ thẻ bằng --qr, không kèm --person", "ID card …%s is already on file for %s%s (id %s), not this person; check the card holder in with --qr alone"},
	{"cli.qr.othercard", "%s%s đã có thẻ CCCD khác trong danh sách, nên thẻ …%s không phải của người này; nếu chủ thẻ là người khác: briefing checkin --qr PAYLOAD --new", "%s%s has another ID card on file, so card …%s is not theirs; if the card holder is someone else: briefing checkin --qr PAYLOAD --new"},
}
