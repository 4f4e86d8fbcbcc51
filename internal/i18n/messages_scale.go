package i18n

func init() { register(scaleMessages) }

// scaleMessages: the desk searching the database while it loads a large roster.
var scaleMessages = []message{
	{"desk.loading.found", "Đang tải danh sách… %d người khớp", "Loading the roster… %d people match"},
	{"cli.checkin.several.broad", "  … và ít nhất %d người nữa; thu hẹp tìm kiếm, ví dụ thêm đơn vị (--unit ĐƠN_VỊ) hoặc gõ đầy đủ họ tên", "  … and at least %d more; narrow the search, for example with the unit (--unit UNIT) or the full name"},
	{"cli.checkin.query.nothing", "%s không có chữ hay số nào để tìm", "%s has no letter or digit to search by"},
	{"field.label.query", "Nội dung tìm", "The search"},
	{"desk.loading.broad", "Đang tải danh sách… rất nhiều người khớp, gõ thêm để thu hẹp", "Loading the roster… very many people match, type more to narrow"},
}
