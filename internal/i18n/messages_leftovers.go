package i18n

func init() { register(leftoverMessages) }

// leftoverMessages: the last holes of issue 12 (deck ids a command can be given).
var leftoverMessages = []message{
	{"deck.frontmatter.id.form",
		"id %q không hợp lệ: id phải bắt đầu bằng chữ thường không dấu hoặc số và không được kết thúc bằng .md, để gõ được sau deck check, deck render và session start",
		"id %q is not valid: an id must begin with a lower-case ASCII letter or a digit and must not end in .md, so that deck check, deck render and session start can be given it"},
}
