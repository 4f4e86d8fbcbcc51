package i18n

func init() {
	register(cliQuestionMessages)
	register(questionScreenMessages)
}

// cliQuestionMessages: the "briefing question" commands.
var cliQuestionMessages = []message{
	// Statuses and destinations, as lists and answers name them.
	{"cli.question.press", "báo chí", "press"},
	{"cli.question.pinned.mark", "đang ghim", "pinned"},

	// What each command did, in one line.
	{"cli.question.added", "Đã ghi câu hỏi số %d (trang %d)", "Recorded question %d (slide %d)"},
	{"cli.question.edited", "Đã sửa câu hỏi số %d (phiên bản %d; bản cũ vẫn lưu trong lịch sử)", "Edited question %d (version %d; the earlier one stays in the history)"},
	{"cli.question.answered", "Đã ghi câu trả lời cho câu hỏi số %d: %s, người trả lời %s", "Recorded the answer to question %d: %s, by %s"},
	{"cli.question.answered.noby", "Đã ghi câu trả lời cho câu hỏi số %d: %s", "Recorded the answer to question %d: %s"},
	{"cli.question.forwarded.sync", "Đã chuyển câu hỏi số %d đến %s; câu trả lời sẽ về máy này khi đồng bộ (briefing sync) hoặc qua gói USB của quận (briefing bundle import).", "Forwarded question %d to %s; the answer comes to this laptop when it syncs (briefing sync) or in the district's USB bundle (briefing bundle import)."},
	{"cli.question.forwarded", "Đã chuyển câu hỏi số %d đến %s; khi có trả lời, ghi bằng: briefing question answer %d --text ...", "Forwarded question %d to %s; when the answer comes, record it with: briefing question answer %d --text ..."},
	{"cli.question.pinned", "Đã ghim câu hỏi số %d lên màn hình khán giả; gỡ xuống bằng: briefing question unpin", "Pinned question %d on the audience screen; take it down with: briefing question unpin"},
	{"cli.question.unpinned", "Đã gỡ câu hỏi khỏi màn hình khán giả; màn hình trở lại trang đang chiếu", "The question is off the audience screen; it shows the slide again"},
	{"cli.question.unpinned.none", "Không có câu hỏi nào đang hiện trên màn hình khán giả", "No question was on the audience screen"},
	{"cli.question.list.header", "SỐ|TRANG|TRẠNG THÁI|NGƯỜI HỎI|NỘI DUNG", "NO.|SLIDE|STATUS|ASKER|QUESTION"},
	{"cli.question.list.counts", "Tổng %d câu hỏi: %d chưa trả lời, %d đã trả lời, %d đã chuyển, %d đã trả lời sau", "Total %d: %d open, %d answered, %d forwarded, %d answered later"},
	{"cli.question.list.filtered", " (lọc từ %d câu hỏi của phiên)", " (filtered from the session's %d)"},
	{"cli.question.list.none", "Phiên này chưa có câu hỏi nào", "No questions in this session yet"},
	{"cli.question.list.nomatch", "Không có câu hỏi nào khớp bộ lọc (phiên có %d câu hỏi)", "No question matches the filter (the session has %d)"},
	{"cli.question.show.title", "Câu hỏi số %d · trang %d · %s", "Question %d · slide %d · %s"},
	{"cli.question.show.id", "Mã", "Id"},
	{"cli.question.show.session", "Phiên", "Session"},
	{"cli.question.show.asker", "Người hỏi", "Asker"},
	{"cli.question.show.asked", "Hỏi lúc", "Asked"},
	{"cli.question.show.text", "Nội dung", "Question"},
	{"cli.question.show.answer", "Trả lời", "Answer"},
	{"cli.question.show.answeredby", "Người trả lời", "Answered by"},
	{"cli.question.show.answeredat", "Trả lời lúc", "Answered"},
	{"cli.question.show.forwarded", "Đã chuyển đến", "Forwarded to"},
	{"cli.question.show.pinned", "Đang hiện trên màn hình khán giả (gỡ bằng: briefing question unpin)", "On the audience screen (take it down with: briefing question unpin)"},
	{"cli.question.show.history", "Lịch sử (%d phiên bản, cũ nhất trước):", "History (%d versions, oldest first):"},
	{"cli.question.show.version", "phiên bản %d · %s · trang %d · %s · %s", "version %d · %s · slide %d · %s · %s"},

	// Usage: exit 2.
	{"cli.question.ref.usage", "cần đúng một câu hỏi: số thứ tự trong phiên (ví dụ 3) hoặc ít nhất 6 ký tự đầu của mã; ví dụ: %s 3", "give exactly one question: its number in the session (such as 3) or at least 6 characters of its id; for example: %s 3"},
	{"cli.question.noargs", "%s không nhận tham số %q; xem: %[1]s --help", "%s takes no argument %q; see: %[1]s --help"},
	{"cli.question.text.missing", "thiếu nội dung: thêm --text \"...\", hoặc --text - để đọc từ stdin", "the text is missing: add --text \"...\", or --text - to read it from stdin"},
	{"cli.question.asker.both", "--asker và --anonymous không đi cùng nhau: chọn một", "--asker and --anonymous cannot go together: choose one"},
	{"cli.question.unit.noname", "--asker-unit cần đi kèm tên người hỏi (--asker): câu hỏi ẩn danh không ghi đơn vị", "--asker-unit needs the asker's name (--asker): an anonymous question records no unit"},
	{"cli.question.status.bad", "trạng thái %q không có; dùng một trong: open, answered, forwarded, answered_later", "no status %q; use one of: open, answered, forwarded, answered_later"},
	{"cli.question.to.bad", "nơi chuyển %q không có; dùng --to district (quận) hoặc --to spokesperson (người phát ngôn)", "no destination %q; use --to district or --to spokesperson"},
	{"cli.question.edit.nothing", "không có gì để sửa: thêm --text, --slide, --asker, --asker-unit, --anonymous hoặc --press", "nothing to change: give --text, --slide, --asker, --asker-unit, --anonymous or --press"},
	{"cli.question.flag", "%v; xem: %s --help", "%v; see: %s --help"},
	{"cli.question.slide.bad", "--slide %d không hợp lệ: trang đánh số từ 1", "--slide %d is not valid: slides are numbered from 1"},

	// Errors: exit 1.
	{"cli.question.stdin.huge", "văn bản đọc từ stdin dài hơn %s byte, vượt xa giới hạn %s ký tự; không có gì được ghi", "the text read from stdin is over %s bytes, far over the limit of %s characters; nothing was recorded"},
	{"cli.question.stdin.read", "không đọc được stdin: %v", "cannot read stdin: %v"},
	{"cli.question.notutf8", "nội dung không phải văn bản UTF-8; hãy lưu tệp lại dạng UTF-8 rồi thử lại", "the text is not UTF-8; save the file as UTF-8 and try again"},
	{"cli.question.notutf8.legacy", "nội dung không phải UTF-8 mà có vẻ là bảng mã cũ %s; hãy chuyển sang Unicode (ví dụ bằng Unikey, Ctrl+Shift+F6) rồi thử lại", "the text is not UTF-8 but looks like the legacy encoding %s; convert it to Unicode (for example with Unikey, Ctrl+Shift+F6) and try again"},
	{"cli.question.notfound", "phiên này không có câu hỏi số %d; xem danh sách: briefing question list", "this session has no question %d; see: briefing question list"},
	{"cli.question.notfound.id", "không có câu hỏi nào có mã bắt đầu bằng %q; xem danh sách: briefing question list --json", "no question id starts with %q; see: briefing question list --json"},
	{"cli.question.ambiguous", "nhiều câu hỏi có mã bắt đầu bằng %q; hãy gõ thêm ký tự của mã, hoặc dùng số thứ tự câu hỏi", "several question ids start with %q; type more of the id, or use the question's number"},
	{"cli.question.ref.nosession", "số câu hỏi được đánh trong từng phiên, nhưng máy này không có phiên nào đang mở; thêm --session ID, hoặc dùng mã câu hỏi", "question numbers count within a session, and this device has no open session; add --session ID, or use the question's id"},
}

// questionScreenMessages: questions on the audience screen and in follow.
var questionScreenMessages = []message{
	{"present.pin.title", "Câu hỏi số %d · trang %d", "Question %d · slide %d"},
	{"follow.questions", "Câu hỏi: %d chưa trả lời / %d", "Questions: %d open / %d"},
	{"follow.questions.none", "Câu hỏi: chưa có", "Questions: none yet"},
	{"follow.questions.last", "Mới nhất #%d (trang %d): %s", "Latest #%d (slide %d): %s"},
	{"follow.questions.pin", "◆ Đang ghim #%d", "◆ Pinned #%d"},
}
