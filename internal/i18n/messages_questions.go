package i18n

func init() { register(questionMessages) }

// questionMessages: words every face that shows a question uses (the desk,
// the audience screen, the CLI, the minutes).
var questionMessages = map[string][2]string{
	"question.anonymous": {"Ẩn danh", "Anonymous"},
	"question.press":     {"Báo chí", "Press"},
}
