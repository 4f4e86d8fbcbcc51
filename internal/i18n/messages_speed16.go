package i18n

func init() { register(speed16Messages) }

// speed16Messages: what issue 16's faster start can show (a write before the database's
// check has ended, on a damaged file).
var speed16Messages = []message{
	{"present.save.damaged", "cơ sở dữ liệu bị hỏng: vị trí trang không lưu được", "the database is damaged: the slide position cannot be saved"},
}
