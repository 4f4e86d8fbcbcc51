package i18n

func init() { register(questionMessages) }

// questionMessages: words every face that shows a question uses (the desk,
// the audience screen, the CLI, the minutes).
var questionMessages = []message{
	{"question.anonymous", "Ẩn danh", "Anonymous"},
	{"question.press", "Báo chí", "Press"},

	// The questions service's refusals (questions.Message), for the desk and the CLI.
	{"questions.err.empty.text", "Nội dung câu hỏi đang trống; hãy ghi câu hỏi của người dự", "The question text is empty; write down what was asked"},
	{"questions.err.empty.answer", "Nội dung trả lời đang trống; hãy ghi câu trả lời", "The answer text is empty; write down the answer"},
	{"questions.err.too_long.text", "Câu hỏi dài %s ký tự, vượt giới hạn %s ký tự; không có gì được ghi. Hãy rút gọn, hoặc tách thành nhiều câu hỏi", "The question is %s characters long, over the limit of %s; nothing was recorded. Shorten it, or split it into several questions"},
	{"questions.err.too_long.answer", "Câu trả lời dài %s ký tự, vượt giới hạn %s ký tự; không có gì được ghi. Hãy rút gọn, hoặc tách thành nhiều lần trả lời", "The answer is %s characters long, over the limit of %s; nothing was recorded. Shorten it, or split it into several answers"},
	{"questions.err.slide", "Không có trang %d: bộ trình chiếu của phiên này có trang 1 đến %d", "No slide %d: this session's deck has slides 1 to %d"},
	{"questions.err.to", "Không có nơi chuyển này; chọn Phòng Văn hóa, Khoa học và Thông tin quận hoặc người phát ngôn", "No such destination; choose the district office or the spokesperson"},
	{"questions.err.ended", "Phiên này đã kết thúc, không còn màn hình khán giả để ghim câu hỏi", "This session has ended; there is no audience screen to pin to"},
}
