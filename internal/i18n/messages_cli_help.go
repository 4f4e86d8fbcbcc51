package i18n

func init() { register(cliHelpMessages) }

// cliHelpMessages: the command-line help (briefing --help, briefing CMD --help) and the
// mistakes cobra reports on the command line. Command and flag names, placeholders (FILE,
// DECK, REF, K) and file formats stay as typed.
var cliHelpMessages = []message{
	// Cobra's own words in the usage template, the help command and the -h flag.
	{"cli.help.tmpl.usage", "Cách dùng:", "Usage:"},
	{"cli.help.tmpl.aliases", "Tên khác:", "Aliases:"},
	{"cli.help.tmpl.examples", "Ví dụ:", "Examples:"},
	{"cli.help.tmpl.commands", "Các lệnh:", "Available Commands:"},
	{"cli.help.tmpl.flags", "Tuỳ chọn:", "Flags:"},
	{"cli.help.tmpl.global", "Tuỳ chọn chung:", "Global Flags:"},
	{"cli.help.tmpl.topics", "Chủ đề hướng dẫn khác:", "Additional help topics:"},
	{"cli.help.tmpl.command", "[lệnh]", "[command]"},
	{"cli.help.tmpl.flagsword", "[tuỳ chọn]", "[flags]"},
	{"cli.help.tmpl.default", "(mặc định ", "(default "},
	{"cli.help.tmpl.more", "Xem hướng dẫn của từng lệnh: %s [lệnh] --help", "Use \"%s [command] --help\" for more information about a command."},
	{"cli.help.help.use", "help [lệnh]", "help [command]"},
	{"cli.help.help.short", "xem hướng dẫn của một lệnh bất kỳ", "Help about any command"},
	{"cli.help.help.long", "Hiện hướng dẫn cho bất kỳ lệnh nào của chương trình.\nGõ briefing help rồi tên lệnh để xem đầy đủ, ví dụ: briefing help roster import",
		"Help provides help for any command in the application.\nSimply type briefing help [path to command] for full details."},
	{"cli.help.flag.help", "xem hướng dẫn của lệnh %s", "help for %s"},

	// Mistakes on the command line, reported before any command runs.
	{"cli.help.err.see", "%s; xem: %s --help", "%s; see: %s --help"},
	{"cli.help.err.command", "không có lệnh %q trong %s", "unknown command %q for %q"},
	{"cli.help.err.suggest", "Có phải ý bạn là: %s?", "Did you mean this? %s"},
	{"cli.help.err.flag", "không có tuỳ chọn %s", "unknown flag: %s"},
	{"cli.help.err.shorthand", "không có tuỳ chọn -%s (trong -%s)", "unknown shorthand flag: '%s' in -%s"},
	{"cli.help.err.value", "tuỳ chọn %s cần một giá trị", "flag needs an argument: %s"},
	{"cli.help.err.repeated", "%s được ghi hai lần; ghi một lần thôi", "%s is given twice; give it once"},
	{"cli.help.err.topic", "không có lệnh %q; xem: briefing --help", "no command %q; see: briefing --help"},
	{"cli.help.err.invalid", "giá trị %q không dùng được cho tuỳ chọn %s: cần %s", "invalid argument %q for %s: want %s"},
	{"cli.help.err.type.int", "một số nguyên", "a whole number"},
	{"cli.help.err.type.bool", "true hoặc false", "true or false"},
	{"cli.help.err.syntax", "tuỳ chọn viết sai: %s", "bad flag syntax: %s"},
	{"cli.help.err.args.none", "%s không nhận tham số nào, nhận được %q", "%s takes no arguments, received %q"},
	{"cli.help.err.args.exact", "%s cần đúng %d tham số (%s), nhận được %d", "%s accepts %d arg(s) (%s), received %d"},
	{"cli.help.err.args.max", "%s nhận tối đa %d tham số (%s), nhận được %d", "%s accepts at most %d arg(s) (%s), received %d"},
	{"cli.help.err.args.min", "%s cần ít nhất %d tham số (%s), nhận được %d", "%s requires at least %d arg(s) (%s), only received %d"},

	// Flags every command takes.
	{"cli.help.flag.data", "thư mục dữ liệu (mặc định: $BRIEFING_DATA hoặc thư mục dữ liệu của người dùng)", "data directory (default $BRIEFING_DATA or the user's data directory)"},
	{"cli.help.flag.lang", "ngôn ngữ giao diện: vi (mặc định) hoặc en; cũng đặt được bằng $BRIEFING_LANG", "interface language: vi (default) or en; also $BRIEFING_LANG"},
	{"cli.help.flag.theme", "màu giao diện: auto, dark (nền tối), light (nền sáng) hoặc high-contrast (tương phản cao)", "colours: auto, dark, light or high-contrast"},

	// Flags several commands share.
	{"cli.help.flag.json", "in ra dạng JSON", "print JSON"},
	{"cli.help.flag.session", "mã phiên (mặc định: phiên đang mở trên máy này)", "session id (default: this device's open session)"},
	{"cli.help.flag.session.ref", "phiên dùng để đếm số thứ tự REF (mặc định: phiên đang mở trên máy này)", "the session REF numbers count in (default: this device's open session)"},
	{"cli.help.flag.title", "tên phiên", "session title"},
	{"cli.help.flag.unit", "đơn vị tổ chức", "host unit"},
	{"cli.help.flag.venue", "địa điểm", "venue"},
	{"cli.help.flag.form", "hình thức (ví dụ: Hội nghị trực tiếp)", "form of briefing (such as In-person conference)"},
	{"cli.help.flag.rapporteur", "họ tên báo cáo viên", "rapporteur's name"},

	// briefing and its commands, as the lists of commands show them.
	{"cli.help.cmd.briefing", "Trình chiếu và ghi nhận các phiên tuyên truyền Nghị quyết 57-NQ/TW", "Present and record briefings on Resolution 57-NQ/TW"},
	{"cli.help.cmd.present", "bắt đầu (hoặc tiếp tục) một phiên và trình chiếu toàn màn hình", "start (or resume) a session and show the slides full screen"},
	{"cli.help.cmd.follow", "màn hình báo cáo viên của phiên đang mở trên máy này: ghi chú, trang tiếp theo, thời gian", "presenter view of this device's open session: notes, next slide, timers"},
	{"cli.help.cmd.desk", "bàn đăng ký của thư ký: điểm danh đại biểu, khách mới, quét CCCD", "the clerk's desk: check attendees in, walk-ins, ID card scans"},
	{"cli.help.cmd.checkin", "điểm danh một người không cần màn hình tương tác (--query, --person, --qr hoặc --walk-in)", "check a person in without the TUI (--query, --person, --qr or --walk-in)"},
	{"cli.help.cmd.attendance", "những người đã điểm danh", "who is checked in"},
	{"cli.help.cmd.deck", "kiểm tra, liệt kê và in các bộ trình chiếu", "check, list and render decks"},
	{"cli.help.cmd.session", "bắt đầu, liệt kê, xem và kết thúc phiên", "start, list, show and end sessions"},
	{"cli.help.cmd.roster", "danh sách người được mời dự", "the roster of people who may attend"},
	{"cli.help.cmd.question", "câu hỏi của đại biểu: ghi, liệt kê, xem, sửa, trả lời, chuyển, ghim lên màn hình", "audience questions: add, list, show, edit, answer, forward, pin"},

	// briefing deck ...
	{"cli.help.cmd.deck.check", "kiểm tra bộ trình chiếu; mỗi lỗi in thành PATH:LINE: nội dung; mã thoát 1 nếu có lỗi", "validate decks; every problem as PATH:LINE: message; exit 1 on errors"},
	{"cli.help.cmd.deck.list", "các bộ trình chiếu có sẵn trong chương trình và trong thư mục dữ liệu, kèm phiên bản", "decks in the binary and in the data directory, with versions"},
	{"cli.help.cmd.deck.render", "in các trang đã dàn trang ra đầu ra chuẩn (làm tài liệu phát tay, kiểm thử)", "print rendered slides to stdout (handouts, tests)"},
	{"cli.help.flag.deck.render.width", "số cột (mặc định: theo cửa sổ dòng lệnh, hoặc 80)", "columns (default: the terminal's, or 80)"},
	{"cli.help.flag.deck.render.slide", "chỉ in trang K (đếm từ 1)", "only slide K (1-based)"},

	// briefing desk, checkin, attendance ...
	{"cli.help.flag.checkin.query", "tìm người theo họ tên, đơn vị hoặc các số cuối của số điện thoại", "find the person by name, unit or phone digits"},
	{"cli.help.flag.checkin.person", "mã của người đó (hoặc vài ký tự đầu, đủ để không trùng); kèm --qr: người giữ thẻ vừa quét", "the person's id (or a unique prefix); with --qr: the holder of the scanned card"},
	{"cli.help.flag.checkin.qr", "nội dung mã QR trên thẻ căn cước công dân", "a citizen-ID card's QR payload"},
	{"cli.help.flag.checkin.walkin", "đăng ký người không có trong danh sách (kèm --name)", "register someone not on the roster (with --name)"},
	{"cli.help.flag.checkin.name", "khách mới: họ và tên", "walk-in: full name"},
	{"cli.help.flag.checkin.unit", "khách mới: đơn vị; kèm --query: chỉ tìm trong đơn vị này", "walk-in: unit; with --query: search only this unit"},
	{"cli.help.flag.checkin.group", "khách mới: thành phần (Cán bộ, Công chức, Viên chức, Người lao động, Hội viên/đoàn viên, Nhân dân, Doanh nghiệp, Khác)", "walk-in: group (Cadre, Civil servant, Public employee, Worker, Association member, Resident, Business, Other)"},
	{"cli.help.flag.checkin.phone", "khách mới: số điện thoại", "walk-in: phone"},
	{"cli.help.cmd.attendance.list", "những người đã điểm danh trong một phiên, theo thứ tự điểm danh", "the people checked in to a session, in check-in order"},
	{"cli.help.cmd.session.start", "bắt đầu một phiên không cần màn hình tương tác; in ra mã phiên", "start a session without the TUI; prints its id"},
	{"cli.help.cmd.session.list", "các phiên trên máy này, mới nhất trước", "sessions of this device, newest first"},
	{"cli.help.cmd.session.show", "xem một phiên, kèm thời gian trình bày từng trang", "one session, with the time spent on each slide"},
	{"cli.help.cmd.session.end", "kết thúc một phiên (mặc định: phiên đang mở trên máy này)", "end a session (default: this device's open one)"},
	{"cli.help.cmd.session.export", "xuất biên bản của một phiên ra tệp md, csv, xlsx, pdf (in và ký) hoặc docx (sửa trong Word)", "write a session's minutes (biên bản) as md, csv, xlsx, pdf (to print and sign) or docx (to edit in Word)"},
	{"cli.help.flag.export.format", "md, csv, xlsx, pdf hoặc docx (mặc định: theo đuôi của tệp -o, nếu không thì md)", "md, csv, xlsx, pdf or docx (default: the one -o's extension names, else md)"},
	{"cli.help.flag.export.output", "tệp cần ghi (mặc định: đầu ra chuẩn)", "file to write (default: standard output)"},
	{"cli.help.cmd.roster.import", "nhập danh sách từ tệp CSV hoặc XLSX: kiểm tra mọi dòng trước, rồi nhập tất cả hoặc không nhập dòng nào", "import a roster from CSV or XLSX: every row is checked, then all of it is imported or none"},
	{"cli.help.flag.roster.unit", "đơn vị cho những dòng không ghi đơn vị", "unit for rows that have none"},
	{"cli.help.flag.roster.dryrun", "chỉ kiểm tra và đếm, không ghi gì", "check and count, write nothing"},
	{"cli.help.flag.roster.skip", "vẫn nhập các dòng hợp lệ dù có dòng không hợp lệ", "import the valid rows even if some are invalid"},
	{"cli.help.flag.roster.json", "in kết quả tóm tắt dạng JSON", "print the summary as JSON"},
	{"cli.help.cmd.session.export.long",
		"Ghi toàn bộ phiên: tên phiên, đơn vị tổ chức, địa điểm, hình thức, báo cáo viên, bộ trình chiếu\n" +
			"và phiên bản, giờ bắt đầu và kết thúc, thời gian từng trang, danh sách điểm danh kèm tổng số\n" +
			"theo thành phần và đơn vị, và mọi câu hỏi kèm trang, trạng thái và câu trả lời.\n" +
			"--lang en cho tiêu đề tiếng Anh.",
		"Writes the whole session: title, host unit, venue, form, rapporteur, deck and version,\n" +
			"start and end, time per slide, attendance with totals by group and unit, and every\n" +
			"question with its slide, status and answer. --lang en gives English headings."},

	// briefing question ...
	{"cli.help.cmd.question.add", "ghi một câu hỏi của đại biểu vào trang đang chiếu (hoặc trang --slide K); in ra số thứ tự câu hỏi", "record an audience question against the slide on screen (or --slide K); prints its number"},
	{"cli.help.cmd.question.list", "các câu hỏi của một phiên theo thứ tự hỏi, kèm số lượng theo trạng thái", "a session's questions in the order asked, with counts by status"},
	{"cli.help.cmd.question.show", "xem một câu hỏi với mọi phiên bản của nó; REF là số thứ tự trong phiên hoặc vài ký tự đầu của mã", "one question with every version of it; REF is its number in the session or an id prefix"},
	{"cli.help.cmd.question.edit", "sửa một câu hỏi; chỉ thay đổi những tuỳ chọn được ghi, bản cũ vẫn lưu trong lịch sử", "correct a question; only the flags given change, and the old version stays in the history"},
	{"cli.help.cmd.question.answer", "ghi câu trả lời: trả lời tại chỗ (người trả lời mặc định là báo cáo viên), hoặc trả lời sau cho câu hỏi đã chuyển", "record an answer: on the spot (--by defaults to the rapporteur), or later to a forwarded question"},
	{"cli.help.cmd.question.forward", "chuyển câu hỏi lên cấp trên; câu trả lời ghi sau bằng lệnh answer", "send a question up; its answer is recorded later with answer"},
	{"cli.help.cmd.question.pin", "hiện câu hỏi cỡ lớn trên màn hình khán giả, thay cho trang đang chiếu, đến khi unpin", "show a question large on the audience screen, in place of the slide, until unpin"},
	{"cli.help.cmd.question.unpin", "gỡ câu hỏi đang ghim khỏi màn hình khán giả", "take the pinned question off the audience screen"},
	{"cli.help.flag.question.asker", "họ tên người hỏi, nếu người hỏi muốn ghi tên", "the asker's name, when they want it on the question"},
	{"cli.help.flag.question.askerunit", "đơn vị của người hỏi (kèm --asker)", "the asker's unit (with --asker)"},
	{"cli.help.flag.question.anonymous", "không ghi tên người hỏi (mặc định khi ghi câu hỏi mới)", "no name on the question (the default for add)"},
	{"cli.help.flag.question.text", "nội dung câu hỏi; - để đọc từ đầu vào chuẩn", "what was asked; - reads it from stdin"},
	{"cli.help.flag.question.slide", "trang mà câu hỏi nói đến, đếm từ 1 (mặc định: trang đang chiếu trên màn hình báo cáo viên)", "the slide it is about, 1-based (default: the slide on the presenter's screen)"},
	{"cli.help.flag.question.press", "câu hỏi của phóng viên (chuyển bằng --to spokesperson)", "asked by a journalist (forward it with --to spokesperson)"},
	{"cli.help.flag.question.status", "chỉ trạng thái này: open (chưa trả lời), answered (đã trả lời), forwarded (đã chuyển) hoặc answered_later (đã trả lời sau)", "only this status: open, answered, forwarded or answered_later"},
	{"cli.help.flag.question.onslide", "chỉ các câu hỏi về trang này, đếm từ 1", "only questions about this slide, 1-based"},
	{"cli.help.flag.question.query", "chỉ các câu hỏi có chứa đoạn chữ này (gõ không dấu cũng được)", "only questions containing this text (accents optional)"},
	{"cli.help.flag.question.listjson", "in ra dạng JSON: mọi trường của mọi câu hỏi", "print JSON: every field of every question"},
	{"cli.help.flag.question.showjson", "in ra dạng JSON, kèm các phiên bản", "print JSON, with the versions"},
	{"cli.help.flag.question.edittext", "nội dung đã sửa; - để đọc từ đầu vào chuẩn", "the corrected text; - reads it from stdin"},
	{"cli.help.flag.question.editslide", "trang mà câu hỏi nói đến, đếm từ 1", "the slide it is about, 1-based"},
	{"cli.help.flag.question.editpress", "câu hỏi của báo chí", "asked by the press"},
	{"cli.help.flag.question.answer", "nội dung trả lời; - để đọc từ đầu vào chuẩn", "the answer; - reads it from stdin"},
	{"cli.help.flag.question.by", "người trả lời (mặc định khi trả lời tại chỗ: báo cáo viên của phiên)", "who answered (default for an answer on the spot: the session's rapporteur)"},
	{"cli.help.flag.question.to", "district (Quận) hoặc spokesperson (người phát ngôn); mặc định: người phát ngôn cho câu hỏi của báo chí, Quận cho câu hỏi khác", "district or spokesperson; by default the spokesperson for a press question, the district for any other"},
}
