package i18n

func init() { register(removed13Messages) }

// removed13Messages: a check-in of a person taken off the roster.
var removed13Messages = []message{
	{"attendance.removed", "Người này đã bị bỏ khỏi danh sách (roster remove hoặc hoàn tác lần nhập); không điểm danh. Nếu đúng là người này đến, hãy đăng ký khách mới",
		"This person was taken off the roster (roster remove, or an import undone); not checked in. If they did come, register them as a walk-in"},
}
