package i18n

func init() { register(reportMessages) }

// reportMessages: the attendance exports (CSV and XLSX): column headers,
// sheet names (at most 31 characters, none of []:*?/\), the title block and
// the totals tables.
var reportMessages = []message{
	{"report.col.no", "STT", "No."},
	{"report.col.name", "Họ và tên", "Full name"},
	{"report.col.unit", "Đơn vị", "Unit"},
	{"report.col.position", "Chức vụ", "Position"},
	{"report.col.group", "Thành phần", "Group"},
	{"report.col.time", "Thời gian", "Time"},
	{"report.col.method", "Hình thức", "Registered by"},

	{"report.sheet.attendance", "Điểm danh", "Attendance"},
	{"report.sheet.totals", "Tổng hợp", "Totals"},

	{"report.title.none", "Danh sách người tham dự", "Attendance list"},
	{"report.info.unit", "Đơn vị chủ trì", "Host unit"},
	{"report.info.venue", "Địa điểm", "Venue"},
	{"report.info.time", "Thời gian", "Time"},
	{"report.info.present", "Số người tham dự", "Present"},
	{"report.period.day", "%s – %s, ngày %s", "%s – %s, %s"},
	{"report.period.span", "%s – %s", "%s – %s"},
	{"report.period.open", "từ %s (chưa kết thúc)", "from %s (not ended)"},

	{"report.unit.none", "Chưa ghi đơn vị", "No unit given"},
	{"report.unit.unknown", "%s (chưa có trong danh mục)", "%s (not in the unit list)"},
	{"report.totals.count", "Số người", "People"},
	{"report.totals.total", "Tổng cộng", "Total"},
}
