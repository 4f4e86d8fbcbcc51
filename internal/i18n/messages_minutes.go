package i18n

func init() { register(minutesMessages) }

// minutesMessages: the minutes (biên bản) of a session, in Markdown, CSV and
// XLSX. The Vietnamese follows the wording of a ward's administrative
// minutes; sheet names are at most 31 characters, none of []:*?/\.
var minutesMessages = []message{
	// The national header and title.
	{"minutes.nation", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"},
	{"minutes.motto", "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
	{"minutes.dateline", "Ngày %s tháng %s năm %s", "Date: %s/%s/%s"},
	{"minutes.title", "BIÊN BẢN", "MINUTES"},

	// Values that stand in for missing data; a time as "08:00 ngày 15/03/2025".
	{"minutes.datetime", "%s ngày %s", "%s, %s"},
	{"minutes.unknown", "không rõ", "unknown"},
	{"minutes.notgiven", "chưa ghi", "not given"},
	{"minutes.notset", "chưa xác định", "not set"},
	{"minutes.yes", "Có", "Yes"},

	// Durations.
	{"minutes.dur.min", "%d phút", "%d min"},
	{"minutes.dur.hour", "%d giờ", "%d h"},
	{"minutes.dur.hourmin", "%d giờ %d phút", "%d h %d min"},

	// I. Time, venue and form.
	{"minutes.sec.time", "I. Thời gian, địa điểm, hình thức", "I. Time, venue and form"},
	{"minutes.start", "Thời gian bắt đầu", "Started"},
	{"minutes.end", "Thời gian kết thúc", "Ended"},
	{"minutes.end.open", "chưa kết thúc", "not ended yet"},
	{"minutes.form", "Hình thức", "Form"},

	// II. Attendance.
	{"minutes.sec.people", "II. Thành phần", "II. Attendance"},
	{"minutes.rapporteur", "Báo cáo viên", "Rapporteur"},
	{"minutes.people", "%d người", "%d"},
	{"minutes.bygroup", "1. Theo thành phần", "1. By group"},
	{"minutes.byunit", "2. Theo đơn vị", "2. By unit"},

	// III. Content.
	{"minutes.sec.content", "III. Nội dung", "III. Content"},
	{"minutes.deck", "Tài liệu trình bày", "Deck"},
	{"minutes.deck.id", "Mã tài liệu", "Deck ID"},
	{"minutes.deck.version", "Phiên bản (mã nội dung)", "Version (content hash)"},
	{"minutes.slides", "Số trang", "Slides"},
	{"minutes.slides.shown", "Số trang đã trình chiếu", "Slides shown"},
	{"minutes.planned", "Thời lượng dự kiến", "Planned duration"},
	{"minutes.actual", "Thời lượng thực tế", "Actual duration"},
	{"minutes.presented", "Tổng thời gian trình chiếu", "Time on slides"},
	{"minutes.timeline", "Thời gian trình chiếu theo trang", "Time per slide"},
	{"minutes.timeline.none", "Không có dữ liệu trình chiếu.", "No slides were recorded."},
	{"minutes.col.slide", "Trang", "Slide"},
	{"minutes.col.title", "Tiêu đề", "Title"},
	{"minutes.col.views", "Số lần", "Views"},
	{"minutes.col.spent", "Thời lượng", "Time"},
	{"minutes.title.unknown", "(không rõ tiêu đề)", "(title unknown)"},

	// IV. Questions and answers.
	{"minutes.sec.questions", "IV. Câu hỏi và trả lời", "IV. Questions and answers"},
	{"minutes.questions.none", "Không có câu hỏi.", "No questions."},
	{"minutes.col.status", "Tình trạng", "Status"},
	{"minutes.col.count", "Số câu", "Questions"},
	{"minutes.forwarded.to", "Chuyển %s", "Forwarded to %s"},
	{"minutes.q.heading", "Câu %d", "Question %d"},
	{"minutes.q.slide", "Trang %d", "Slide %d"},
	{"minutes.q.slide.unknown", "Không rõ trang", "Slide unknown"},
	{"minutes.q.asker", "Người hỏi", "Asked by"},
	{"minutes.q.press", "(báo chí)", "(press)"},
	{"minutes.q.asked", "Thời điểm hỏi", "Asked at"},
	{"minutes.q.forwarded.at", "Thời điểm chuyển", "Forwarded at"},
	{"minutes.q.forward", "Hướng xử lý", "Action"},
	{"minutes.q.text", "Nội dung câu hỏi", "Question"},
	{"minutes.q.answer", "Trả lời", "Answer"},
	{"minutes.q.answered.by", "Người trả lời", "Answered by"},
	{"minutes.q.answered.at", "Thời điểm trả lời", "Answered at"},
	{"minutes.col.slidetitle", "Tiêu đề trang", "Slide title"},
	{"minutes.col.press", "Báo chí", "Press"},

	// The closing and the signatures.
	{"minutes.closing.ended", "Hội nghị kết thúc lúc %s.", "The meeting ended at %s."},
	{"minutes.closing.open", "Đến thời điểm lập biên bản, hội nghị chưa kết thúc.", "The meeting had not ended when these minutes were drawn up."},
	{"minutes.closing.made", "Biên bản được lập từ dữ liệu ghi nhận tại hội nghị (mã phiên: %s) để lưu hồ sơ và báo cáo cấp trên./.", "These minutes were drawn up from the data recorded at the meeting (session %s), for the records and for reporting upward."},
	{"minutes.closing.noid", "Biên bản được lập từ dữ liệu ghi nhận tại hội nghị để lưu hồ sơ và báo cáo cấp trên./.", "These minutes were drawn up from the data recorded at the meeting, for the records and for reporting upward."},
	{"minutes.sign.clerk", "THƯ KÝ", "SECRETARY"},
	{"minutes.sign.chair", "CHỦ TRÌ", "CHAIR"},
	{"minutes.sign.rapporteur", "BÁO CÁO VIÊN", "RAPPORTEUR"},
	{"minutes.sign.hint", "(Ký, ghi rõ họ tên)", "(Signature and full name)"},

	// The session sheet of the XLSX and CSV, and the parts of the CSV.
	{"minutes.sheet.info", "Thông tin chung", "Session"},
	{"minutes.sheet.slides", "Thời gian theo trang", "Time per slide"},
	{"minutes.sheet.questions", "Câu hỏi", "Questions"},
	{"minutes.info.title", "Tên hội nghị", "Title"},
	{"minutes.info.id", "Mã phiên", "Session ID"},
	{"minutes.info.questions", "Số câu hỏi", "Questions"},
	{"minutes.part.bygroup", "Tổng hợp theo thành phần", "Totals by group"},
	{"minutes.part.byunit", "Tổng hợp theo đơn vị", "Totals by unit"},
}
