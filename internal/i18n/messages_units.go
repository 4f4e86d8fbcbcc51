package i18n

func init() { register(unitMessages) }

// unitMessages: the unit catalog (briefing unit ...) and the notes other
// commands give about a unit the catalog does not know.
var unitMessages = []message{
	// Kinds of unit.
	{"unit.kind.ward", "phường", "ward"},
	{"unit.kind.commune", "xã", "commune"},
	{"unit.kind.city_office", "phòng, ban chuyên môn", "city office"},
	{"unit.kind.school", "trường học", "school"},
	{"unit.kind.agency", "cơ quan", "agency"},
	{"unit.kind.mass_org", "tổ chức chính trị - xã hội", "mass organisation"},
	{"unit.kind.other", "khác", "other"},

	// Help.
	{"cli.help.cmd.unit", "danh mục đơn vị: phường, phòng ban, trường, cơ quan, đoàn thể và các cách viết khác của tên", "the unit catalog: wards, offices, schools, agencies, mass organisations, and other spellings of their names"},
	{"cli.help.cmd.unit.list", "các đơn vị trong danh mục, kèm loại, đơn vị cấp trên và cách viết khác", "the catalog's units, with kind, parent and other spellings"},
	{"cli.help.cmd.unit.add", "thêm một đơn vị vào danh mục", "add a unit to the catalog"},
	{"cli.help.cmd.unit.alias", "ghi nhận một cách viết khác của tên đơn vị (ví dụ \"Phường 2 (cũ)\" là \"Tân Sơn Hòa\"); hồ sơ cũ viết như vậy cũng được tính vào đơn vị đó", "record another spelling of a unit's name (e.g. \"Phường 2 (cũ)\" is \"Tân Sơn Hòa\"); records already written so count under that unit too"},
	{"cli.help.cmd.unit.merge", "gộp đơn vị FROM vào INTO: tên FROM thành cách viết khác của INTO, và người, phiên, câu hỏi ghi FROM trên máy này được chuyển sang INTO, trong một giao dịch", "merge unit FROM into INTO: FROM's name becomes a spelling of INTO, and the people, sessions and questions this device recorded under FROM move to INTO, in one transaction"},
	{"cli.help.flag.unit.unknown", "liệt kê các cách viết đơn vị trong hồ sơ mà danh mục chưa có, kèm số hồ sơ", "list the units as typed on records that the catalog does not know, with how many records use each"},
	{"cli.help.flag.unit.kind", "loại đơn vị: ward, commune, city_office, school, agency, mass_org hoặc other", "the unit's kind: ward, commune, city_office, school, agency, mass_org or other"},
	{"cli.help.flag.unit.parent", "đơn vị cấp trên (tên hoặc cách viết của một đơn vị trong danh mục)", "the parent unit (a name or spelling of a catalog unit)"},

	// Output.
	{"cli.unit.list.header", "ĐƠN VỊ\tLOẠI\tCẤP TRÊN\tCÁCH VIẾT KHÁC", "UNIT\tKIND\tPARENT\tOTHER SPELLINGS"},
	{"cli.unit.merged", "(đã gộp vào %s)", "(merged into %s)"},
	{"cli.unit.unknown.header", "CÁCH VIẾT\tSỐ HỒ SƠ", "AS TYPED\tRECORDS"},
	{"cli.unit.unknown.none", "mọi đơn vị ghi trong hồ sơ đều có trong danh mục", "every unit on the records is in the catalog"},
	{"cli.unit.unknown.hint", "thêm cách viết vào một đơn vị bằng: briefing unit alias \"CÁCH VIẾT\" \"ĐƠN VỊ\"", "add a spelling to a unit with: briefing unit alias \"AS TYPED\" \"UNIT\""},
	{"cli.unit.added", "đã thêm đơn vị %s (%s)", "added unit %s (%s)"},
	{"cli.unit.aliased", "\"%s\" giờ là %s", "\"%s\" now means %s"},
	{"cli.unit.alias.already", "\"%s\" đã là %s; không thay đổi gì", "\"%s\" already means %s; nothing changed"},
	{"cli.unit.mergedinto", "đã gộp %s vào %s; chuyển sang %s: %d người, %d phiên, %d câu hỏi", "merged %s into %s; moved to %s: %d people, %d sessions, %d questions"},

	// Errors.
	{"cli.unit.err.unknown", "danh mục không có đơn vị %q; xem briefing unit list, hoặc thêm bằng briefing unit add", "the catalog has no unit %q; see briefing unit list, or add it with briefing unit add"},
	{"cli.unit.err.exists", "danh mục đã có đơn vị này: %q là %s", "the catalog already has this unit: %q is %s"},
	{"cli.unit.err.isunit", "%q là một đơn vị trong danh mục (%s); để gộp nó vào đơn vị khác, dùng briefing unit merge", "%q is a unit of the catalog (%s); to fold it into another unit, use briefing unit merge"},
	{"cli.unit.err.same", "%q và đơn vị đích là cùng một đơn vị (%s); không có gì để gộp", "%q and the target are the same unit (%s); nothing to merge"},
	{"cli.unit.err.kind", "loại đơn vị %q không hợp lệ; dùng --kind với một trong: %s", "unknown unit kind %q; give --kind one of: %s"},
	{"cli.unit.err.empty", "tên hoặc cách viết đơn vị %q không có chữ cái hay chữ số nào", "the unit name or spelling %q has no letter or digit"},
	{"cli.unit.err.long", "tên hoặc cách viết đơn vị dài quá %d ký tự; hãy viết gọn lại", "the unit name or spelling is over %d characters; shorten it"},

	// Notes from other commands.
	{"cli.session.unknownunits", "* chưa có trong danh mục đơn vị; thêm cách viết này bằng: briefing unit alias \"CÁCH VIẾT\" \"ĐƠN VỊ\" (xem briefing unit list --unknown)", "* not in the unit catalog; add the spelling with: briefing unit alias \"AS TYPED\" \"UNIT\" (see briefing unit list --unknown)"},
	{"cli.unit.note.unknown", "lưu ý: đơn vị %q chưa có trong danh mục; vẫn ghi như đã nhập, thêm cách viết bằng briefing unit alias %q \"ĐƠN VỊ\"", "note: unit %q is not in the catalog; it is kept as typed; add the spelling with briefing unit alias %q \"UNIT\""},
	{"cli.roster.unknownunit", "lưu ý: đơn vị %q (%d dòng) chưa có trong danh mục; vẫn ghi như trong tệp, thêm cách viết bằng briefing unit alias %q \"ĐƠN VỊ\"", "note: unit %q (%d rows) is not in the catalog; it is kept as in the file; add the spelling with briefing unit alias %q \"UNIT\""},
}
