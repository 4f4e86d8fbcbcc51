package i18n

func init() { register(paper13Messages) }

// paper13Messages: minutes on paper (PDF, DOCX), the chair and the
// secretary who sign them, the sign-in sheet and the deck's handout.
var paper13Messages = []message{
	// The session's signers.
	{"form.chair", "Chủ trì", "Chair"},
	{"form.secretary", "Thư ký", "Secretary"},
	{"field.label.chair", "Người chủ trì", "The chair"},
	{"field.label.secretary", "Thư ký", "The secretary"},
	{"cli.help.flag.chair", "họ tên người chủ trì (ký biên bản)", "the chair's name (signs the minutes)"},
	{"cli.help.flag.secretary", "họ tên thư ký (ký biên bản)", "the secretary's name (signs the minutes)"},
	{"cli.help.cmd.session.edit", "ghi người chủ trì và thư ký của một phiên (mặc định: phiên đang mở)", "set a session's chair and secretary (default: the open session)"},
	{"cli.session.edit.none", "không có gì để ghi; dùng --chair HỌ_TÊN và/hoặc --secretary HỌ_TÊN", "nothing to set; use --chair NAME and/or --secretary NAME"},
	{"cli.session.edit.done", "Phiên %s: chủ trì %s, thư ký %s", "Session %s: chair %s, secretary %s"},

	// The minutes on paper (Decree 30/2020/NĐ-CP).
	{"paper.number", "Số: …/BB-%s", "No.: …/BB-%s"},
	{"paper.number.bare", "Số: …/BB", "No.: …/BB"},
	{"paper.dateline", "%s, ngày %s tháng %s năm %s", "%s, %s/%s/%s"},
	{"paper.dots", "……………", "……………"},
	{"paper.chair", "Chủ trì", "Chair"},
	{"paper.secretary", "Thư ký", "Secretary"},
	{"paper.invited", "Số người được mời", "Invited"},
	{"paper.absent", "Số người vắng mặt", "Absent"},
	{"paper.byunit", "1. Theo đơn vị", "1. By unit"},
	{"paper.bygroup", "2. Có mặt theo thành phần", "2. Present by group"},
	{"paper.col.invited", "Được mời", "Invited"},
	{"paper.col.present", "Có mặt", "Present"},
	{"paper.col.absent", "Vắng", "Absent"},
	{"paper.timeline", "Thời gian trình chiếu theo trang", "Time per slide"},

	// Formats and file names.
	{"paper.export.format", "định dạng %q không có; dùng --format md, csv, xlsx, pdf hoặc docx", "no format %q; use --format md, csv, xlsx, pdf or docx"},
	{"paper.export.badext", "-o %s: không có định dạng nào có đuôi %s; đặt tên tệp .md, .txt, .csv, .xlsx, .pdf hoặc .docx", "-o %s: no format has the extension %s; name the file .md, .txt, .csv, .xlsx, .pdf or .docx"},
	{"paper.export.tty", "tệp %s không in ra màn hình được; chỉ tệp cần ghi bằng -o TỆP.%[1]s", "a %s file cannot go to the terminal; name a file with -o FILE.%[1]s"},

	// The sign-in sheet.
	{"paper.sheet.title", "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ", "ATTENDANCE SIGN-IN SHEET"},
	{"paper.sheet.when", "Thời gian: %s · Địa điểm: %s", "Time: %s · Venue: %s"},
	{"paper.sheet.unit", "Đơn vị: %s", "Unit: %s"},
	{"paper.sheet.empty", "Danh sách chưa có ai; ghi thêm vào các dòng trống.", "No one is on the roster yet; write people in the blank rows."},
	{"paper.sheet.name", "Danh sách ký tên", "Sign-in sheet"},
	{"paper.col.sign", "Ký tên", "Signature"},
	{"cli.help.cmd.attendance.sheet", "in danh sách ký tên trước hội nghị (STT, họ tên, đơn vị, chức vụ, cột ký tên) ra tệp pdf hoặc xlsx", "print a sign-in sheet before the session (no., name, unit, position, a signature column) as pdf or xlsx"},
	{"cli.help.flag.sheet.unit", "chỉ những người của đơn vị này", "only the people of this unit"},
	{"cli.help.flag.sheet.format", "định dạng: pdf (mặc định) hoặc xlsx; đuôi của -o cũng chọn được", "format: pdf (default) or xlsx; -o's extension picks it too"},
	{"cli.help.flag.paper.output", "tệp cần ghi (- hoặc bỏ trống: ra màn hình, chỉ khi không phải màn hình)", "the file to write (- or none: standard output, unless it is a terminal)"},
	{"cli.sheet.format", "định dạng %q không có; dùng --format pdf hoặc --format xlsx", "no format %q; use --format pdf or --format xlsx"},
	{"cli.sheet.badext", "-o %s: danh sách ký tên ghi ra .pdf hoặc .xlsx, không ra %s; đổi đuôi tệp", "-o %s: a sign-in sheet is written as .pdf or .xlsx, not %s; change the file's extension"},
	{"cli.sheet.nounit", "không ai trong danh sách thuộc đơn vị %q; xem các đơn vị bằng: briefing unit list", "no one on the roster is in unit %q; see the units with: briefing unit list"},
	{"cli.sheet.done", "Đã ghi danh sách ký tên %s (%d người)", "Wrote the sign-in sheet %s (%d people)"},

	// The deck's handout.
	{"handout.slide", "Trang %d/%d", "Slide %d/%d"},
	{"handout.notes", "Ghi chú", "Notes"},
	{"handout.duration", "%d phút", "%d min"},
	{"cli.help.flag.deck.render.notes", "in kèm ghi chú của báo cáo viên sau mỗi trang", "print the presenter's notes after each slide"},
	{"cli.help.flag.deck.render.format", "định dạng: text (mặc định, ra màn hình) hoặc pdf (tài liệu phát tay, kèm ghi chú với --notes); đuôi của -o cũng chọn được", "format: text (default, to the terminal) or pdf (a handout, with the notes under --notes); -o's extension picks it too"},
	{"cli.deck.format", "định dạng %q không có; dùng --format text hoặc --format pdf", "no format %q; use --format text or --format pdf"},
	{"cli.deck.badext", "-o %s: tài liệu phát tay ghi ra .pdf hoặc .txt, không ra %s; đổi đuôi tệp", "-o %s: a handout is written as .pdf or .txt, not %s; change the file's extension"},
	{"cli.deck.done", "Đã ghi tài liệu phát tay %s (%d trang chiếu)", "Wrote the handout %s (%d slides)"},
}
