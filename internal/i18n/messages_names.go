package i18n

func init() { register(nameMessages) }

// nameMessages: what is wrong with the characters of a person's name
// (roster.CheckName), for a walk-in (attendance.FieldError, shown by the
// desk and the CLI as "walkin.field."+Field with the field's Value) and for
// a roster row (printed as FILE:LINE: message).
var nameMessages = []message{
	// %q is the character.
	{"walkin.field.name.chars",
		"Họ và tên có ký tự %q, tên người không có ký tự này (máy quét thẻ có thể đã đọc sai chữ có dấu); hãy sửa lại họ và tên cho đúng",
		"The name has the character %q, which no name has (a card scanner may have garbled an accented letter); correct the name"},
	// %q is the name as typed.
	{"walkin.field.name.noletter",
		"Họ và tên %q không có chữ cái nào; hãy nhập họ và tên của người đến dự (số điện thoại ghi ở mục Điện thoại)",
		"The name %q has no letter; type the person's full name (a phone number goes in the Phone field)"},
	{"walkin.field.name.digits",
		"Họ và tên %q có nhiều chữ số hơn chữ cái, không giống tên người; hãy nhập họ và tên (số điện thoại ghi ở mục Điện thoại)",
		"The name %q has more digits than letters, which no name has; type the full name (a phone number goes in the Phone field)"},

	// Roster rows. The name is not repeated: a shifted column may have put a
	// citizen-ID number there.
	{"roster.row.name.chars",
		"họ tên có ký tự %q, tên người không có ký tự này (gõ nhầm, hoặc sai bảng mã); sửa lại họ tên trên dòng này",
		"the name has the character %q, which no name has (a typing slip, or the wrong encoding); correct the name on this line"},
	{"roster.row.name.noletter",
		"họ tên không có chữ cái nào (chỉ có số hoặc ký hiệu); điền họ tên, hoặc kiểm tra xem các cột có bị lệch không",
		"the name has no letter (only digits or symbols); fill in the name, or check that the columns are not shifted"},
	{"roster.row.name.digits",
		"họ tên có nhiều chữ số hơn chữ cái, không giống tên người; sửa lại họ tên, hoặc kiểm tra xem các cột có bị lệch không",
		"the name has more digits than letters, which no name has; correct it, or check that the columns are not shifted"},
}
