package i18n

func init() { register(attendanceMessages) }

// attendanceMessages: attendee groups (the plan's categories) and how a
// person was checked in. Group and method codes are stored; these are labels.
var attendanceMessages = []message{
	{"group.can_bo", "Cán bộ", "Cadre"},
	{"group.cong_chuc", "Công chức", "Civil servant"},
	{"group.vien_chuc", "Viên chức", "Public employee"},
	{"group.nguoi_lao_dong", "Người lao động", "Worker"},
	{"group.hoi_vien", "Hội viên/đoàn viên", "Association member"},
	{"group.nhan_dan", "Nhân dân", "Resident"},
	{"group.doanh_nghiep", "Doanh nghiệp", "Business"},
	{"group.khac", "Khác", "Other"},
	{"group.none", "Chưa phân loại", "Not given"},

	{"method.roster", "Danh sách", "Roster"},
	{"method.walk_in", "Đăng ký tại chỗ", "Walk-in"},
	{"method.qr", "Quét CCCD", "ID card scan"},

	// Question statuses and destinations (Lang.QuestionStatus, Lang.Destination):
	// one wording for the desk, the CLI and the minutes.
	{"label.status.open", "Chưa trả lời", "Not answered"},
	{"label.status.answered", "Đã trả lời", "Answered"},
	{"label.status.forwarded", "Đã chuyển", "Forwarded"},
	{"label.status.answered_later", "Đã trả lời sau", "Answered later"},
	{"label.status.none", "Không rõ", "Unknown"},
	{"label.to.district", "Phòng Văn hóa, Khoa học và Thông tin quận", "the district Office of Culture, Science and Information"},
	{"label.to.spokesperson", "người phát ngôn", "the spokesperson"},
}

func init() { register(importMessages) }

var importMessages = []message{
	{"import.ambiguous", "có nhiều người tên %s ở đơn vị này; hãy thêm số điện thoại hoặc CCCD để biết là ai",
		"several people named %s in this unit; add the phone or the citizen ID to say which one"},
	{"import.duplicate", "trùng với dòng %d (cùng số CCCD, hoặc cùng họ tên, đơn vị và số điện thoại); hãy xoá một dòng, hoặc thêm CCCD hay số điện thoại để phân biệt hai người",
		"repeats line %d (same citizen ID, or same name, unit and phone); delete one of the lines, or add an ID or phone to tell the two people apart"},
}
