package i18n

func init() { register(textMessages) }

// textMessages: the fields of package field and their length limits.
var textMessages = []message{
	// %s: the field's label, its length, its limit.
	{"field.too_long", "%s dài %s ký tự, quá giới hạn %s ký tự; không có gì được ghi. Hãy ghi ngắn lại", "%s is %s characters long, over the limit of %s; nothing was recorded. Shorten it"},

	{"field.label.name", "Họ và tên", "The name"},
	{"field.label.unit", "Đơn vị", "The unit"},
	{"field.label.position", "Chức vụ", "The position"},
	{"field.label.title", "Tên phiên", "The session's title"},
	{"field.label.venue", "Địa điểm", "The venue"},
	{"field.label.form", "Hình thức", "The form"},
	{"field.label.rapporteur", "Báo cáo viên", "The rapporteur"},
	{"field.label.asker", "Tên người hỏi", "The asker's name"},
	{"field.label.asker_unit", "Đơn vị người hỏi", "The asker's unit"},
	{"field.label.question", "Câu hỏi", "The question"},
	{"field.label.answer", "Câu trả lời", "The answer"},
	{"field.label.answered_by", "Người trả lời", "The person who answered"},
	{"field.label.device", "Tên máy", "The device's name"},
}
