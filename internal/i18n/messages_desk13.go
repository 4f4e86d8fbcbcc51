package i18n

func init() { register(desk13Messages) }

// desk13Messages: the desk's counters against who is expected, the ID
// number matched as it is typed, correcting a person, the walk-in's
// position; the start form's lists and home's sessions.
var desk13Messages = []message{
	// Present against expected (attendance.Expects): the header and the pane.
	{"desk13.present.of", "Có mặt %d/%d", "Present %d/%d"},
	{"desk13.byunit.of", "Đơn vị (có mặt/dự kiến):", "By unit (present/expected):"},
	// A unit's counter: present/expected, and how many of its expected have not come.
	{"desk13.unit.of", "%s: %d/%d", "%s: %d/%d"},
	{"desk13.unit.notyet", "còn %d", "(%d to come)"},

	// A 12-digit ID number typed in the search box, looked up as it is typed.
	{"desk13.id.looking", "Đang tìm người có CCCD …%s…", "Looking for ID card …%s…"},
	{"desk13.id.match", "Người có CCCD …%s — Enter để điểm danh", "Holder of ID card …%s — Enter checks in"},

	// Correcting a person from the desk (attendance.CorrectPerson).
	{"desk13.hkey.edit", "sửa", "edit"},
	{"desk13.hkey.saveedit", "lưu", "save"},
	{"desk13.edit.title", "Sửa thông tin: %s", "Correct: %s"},
	{"desk13.edit.saved", "✓ Đã sửa: %s%s", "✓ Corrected: %s%s"},
	{"desk13.person.otherdevice", "Người này do máy khác đăng ký; hãy sửa trên máy đó (thay đổi sẽ đồng bộ về đây)", "This person was registered on another device; correct them there (the change syncs here)"},
	{"desk13.walkin.position", "Chức vụ", "Position"},

	// The walk-in's duplicate warning, with why: %[3]s lists desk13.dup.*.
	{"desk13.walkin.duplicate", "Đã có %s%s trong danh sách (%s). Enter lần nữa để vẫn lưu người mới, esc để quay lại tìm", "%s%s is already on the roster (%s). Enter again to save a new person anyway, esc to go back"},
	{"desk13.dup.phone", "cùng số điện thoại …%s", "same phone …%s"},
	{"desk13.dup.in", "đã điểm danh lúc %s", "checked in at %s"},

	// Home: the recent sessions, opened and exported (minutes.Gather).
	{"desk13.hkey.sessions", "phiên đã qua", "past sessions"},
	{"desk13.hkey.decks", "về bài", "to decks"},
	{"desk13.hkey.show", "xem", "open"},
	{"desk13.hkey.export", "xuất biên bản", "export minutes"},
	{"desk13.hkey.scroll", "cuộn", "scroll"},
	{"desk13.hkey.back", "quay lại", "back"},
	{"desk13.home.minutes", "Biên bản: %s", "Minutes: %s"},
	{"desk13.home.lines", "dòng %d–%d / %d", "lines %d–%d of %d"},
	{"desk13.home.exported", "Đã ghi biên bản: %s (%d người dự, %d câu hỏi)", "Minutes written: %s (%d attendees, %d questions)"},
	{"desk13.home.export.failed", "Chưa ghi được biên bản: %v", "Could not write the minutes: %v"},

	// The start form on a device with no name yet (no first run on home).
	{"desk13.form.device", "Tên máy này", "This device"},
	{"desk13.form.device.placeholder", "đặt một lần, ví dụ: Laptop Phường 4", "set once, e.g. Laptop Ward 4"},
	{"desk13.form.device.unit", "Hãy chọn đơn vị tổ chức: tên máy được lưu cùng đơn vị của máy", "Choose the host unit: the device's name is saved with its unit"},

	// The list of the expected not yet come (ctrl+r), by unit.
	{"desk13.hkey.notyet", "chưa đến", "not yet come"},
	{"desk13.notyet.heading", "Chưa đến: %d trong %d người dự kiến, theo đơn vị — ctrl+r: vừa điểm danh", "Not yet come: %d of %d expected, by unit — ctrl+r: latest check-ins"},
}
