package i18n

func init() { register(walkinMessages) }

// walkinMessages: the walk-in form's lines under its fields.
var walkinMessages = []message{
	{"walkin.unit.unknown", "Chưa có trong danh mục đơn vị — vẫn lưu như đã gõ", "Not in the unit catalog — saved as typed"},
}
