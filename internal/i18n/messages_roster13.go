package i18n

func init() { register(roster13Messages) }

// roster13Messages: what a roster import lets through with a warning (a
// total row, two phones in a cell, a group written as the association's
// name, a row pasted twice, a name in capitals), and managing the roster
// (roster list, show, edit, remove, imports, import --undo).
var roster13Messages = map[string][2]string{
	// Import warnings, printed as FILE:LINE: message.
	"roster.footer": {
		"dòng tổng cộng %q không phải một người, đã bỏ qua",
		"the total row %q is not a person and was skipped"},
	"roster.row.same": {
		"dòng này giống hệt dòng %d, đã bỏ qua",
		"this row is the same as line %d and was skipped"},
	"roster.phone.more": {
		"ô điện thoại có nhiều số: giữ số %s, bỏ %q; mỗi người chỉ lưu một số",
		"the phone cell holds more than one number: %s was kept, %q left out; one number is kept per person"},
	"roster.group.alias": {
		"thành phần %[1]q được ghi nhận là %[2]q",
		"group %[1]q was read as %[3]q"},
	"roster.name.caps": {
		"họ tên viết hoa toàn bộ được ghi lại theo cách viết tên thông thường, như %q thành %q",
		"names in capitals are stored as names are written, such as %q as %q"},
	"roster.id.zero.csv": {
		"số CCCD có 11 chữ số: Excel đã bỏ số 0 đầu khi lưu CSV, đã tự thêm lại (từ dòng này trở đi). Lần sau hãy định dạng cột CCCD là Text (Văn bản) trước khi lưu",
		"11-digit ID numbers: Excel dropped the leading zero when it saved the CSV, and it was put back (from this line on). Next time format the ID column as Text before saving"},

	// Help.
	"cli.help.cmd.roster.list":           {"liệt kê những người trong danh sách (theo tên)", "list the people on the roster (by name)"},
	"cli.help.flag.roster.list.unit":     {"chỉ những người của đơn vị này", "only the people of this unit"},
	"cli.help.flag.roster.list.json":     {"in danh sách dạng JSON", "print the list as JSON"},
	"cli.help.cmd.roster.show":           {"xem đầy đủ một người theo mã (hoặc vài ký tự đầu của mã)", "show one person in full by id (or the start of the id)"},
	"cli.help.cmd.roster.edit":           {"sửa họ tên, đơn vị, thành phần, số điện thoại hoặc chức vụ của một người; --phone \"\" xoá số", "correct a person's name, unit, group, phone or position; --phone \"\" clears the number"},
	"cli.help.flag.roster.edit.name":     {"họ tên mới", "the new name"},
	"cli.help.flag.roster.edit.unit":     {"đơn vị mới", "the new unit"},
	"cli.help.flag.roster.edit.group":    {"thành phần mới (Cán bộ, Công chức, Hội viên/đoàn viên, Nhân dân...)", "the new group (Cán bộ, Công chức, Hội viên/đoàn viên, Nhân dân...)"},
	"cli.help.flag.roster.edit.phone":    {"số điện thoại mới", "the new phone number"},
	"cli.help.flag.roster.edit.position": {"chức vụ mới", "the new position"},
	"cli.help.cmd.roster.remove":         {"bỏ một người khỏi danh sách; các phiên người đó đã điểm danh vẫn giữ tên", "take a person off the roster; the sessions they were checked in to keep their name"},
	"cli.help.cmd.roster.imports":        {"liệt kê các lần nhập danh sách trên máy này: số, lúc nhập, tệp, số người", "list the roster imports on this device: number, time, file, counts"},
	"cli.help.flag.roster.imports.json":  {"in dạng JSON", "print as JSON"},
	"cli.help.flag.roster.undo":          {"hoàn tác lần nhập số N (xem briefing roster imports): bỏ những người lần đó thêm, trả lại những gì lần đó sửa", "undo import N (see briefing roster imports): take off the people it added, restore what it changed"},

	// Output.
	"cli.roster.import.number": {
		"Lần nhập số %[1]d; hoàn tác: briefing roster import --undo %[1]d",
		"Import number %[1]d; to undo it: briefing roster import --undo %[1]d"},
	"cli.roster.list.header":      {"MÃ\tHỌ TÊN\tĐƠN VỊ\tTHÀNH PHẦN\tCHỨC VỤ\tĐIỆN THOẠI", "ID\tNAME\tUNIT\tGROUP\tPOSITION\tPHONE"},
	"cli.roster.list.count":       {"%d người", "%d people"},
	"cli.roster.list.none":        {"Danh sách chưa có ai; nhập bằng: briefing roster import TỆP", "The roster is empty; import one with: briefing roster import FILE"},
	"cli.roster.list.none.unit":   {"Không có ai của đơn vị %q trong danh sách", "No one of unit %q is on the roster"},
	"cli.roster.show.id":          {"Mã", "ID"},
	"cli.roster.show.name":        {"Họ tên", "Name"},
	"cli.roster.show.unit":        {"Đơn vị", "Unit"},
	"cli.roster.show.position":    {"Chức vụ", "Position"},
	"cli.roster.show.group":       {"Thành phần", "Group"},
	"cli.roster.show.phone":       {"Điện thoại", "Phone"},
	"cli.roster.show.card":        {"CCCD", "Citizen ID"},
	"cli.roster.show.source":      {"Đăng ký", "Registered"},
	"cli.roster.show.sessions":    {"Số phiên đã điểm danh", "Sessions checked in to"},
	"cli.roster.show.otherdevice": {"trên máy khác", "on another device"},
	"cli.roster.source.roster":    {"nhập từ danh sách", "imported from a roster"},
	"cli.roster.source.walk_in":   {"đăng ký tại bàn", "registered at the desk"},
	"cli.roster.source.qr":        {"quét CCCD tại bàn", "ID card scanned at the desk"},
	"cli.roster.otherdevice": {
		"người mang mã %q được đăng ký trên máy khác; chỉ máy đó sửa hoặc bỏ được, thay đổi sẽ về đây khi đồng bộ",
		"the person with id %q was registered on another device; only that device can change or remove them, and the change reaches this one by sync"},
	"cli.roster.edit.nothing": {
		"không có gì để sửa; cho biết ít nhất một trong --name, --unit, --group, --phone, --position",
		"nothing to change; give at least one of --name, --unit, --group, --phone, --position"},
	"cli.roster.edited":       {"Đã sửa %s:", "Corrected %s:"},
	"cli.roster.removed":      {"Đã bỏ %s (%s) khỏi danh sách", "Took %s (%s) off the roster"},
	"cli.roster.removed.kept": {"Người này vẫn có tên trong %d phiên đã điểm danh", "They stay in the record of the %d sessions they were checked in to"},
	"cli.roster.imports.none": {"Chưa nhập danh sách nào trên máy này", "No roster was imported on this device"},
	"cli.roster.imports.header": {
		"SỐ\tLÚC NHẬP\tTỆP\tMỚI\tCẬP NHẬT\tKHÔNG ĐỔI\tTỪ CHỐI",
		"NO.\tIMPORTED\tFILE\tNEW\tUPDATED\tUNCHANGED\tREJECTED"},
	"cli.roster.imports.undone": {"đã hoàn tác lúc %s", "undone at %s"},
	"cli.roster.undo.notfound":  {"không có lần nhập số %d trên máy này; xem các lần nhập bằng: briefing roster imports", "there is no import number %d on this device; list the imports with: briefing roster imports"},
	"cli.roster.undo.args": {
		"--undo N hoàn tác một lần nhập đã có, không đọc tệp nào; bỏ %q, hoặc bỏ --undo để nhập tệp",
		"--undo N undoes an earlier import and reads no file; leave out %q, or leave out --undo to import the file"},
	"cli.roster.undo.already": {"lần nhập số %d đã được hoàn tác rồi", "import %d was undone already"},
	"cli.roster.undo.touched": {
		"không hoàn tác lần nhập số %d: %d người của lần đó đã được sửa, bỏ, nhập lại hoặc điểm danh sau đó, chưa thay đổi gì:",
		"import %d was not undone: %d of its people were corrected, removed, imported again or checked in since; nothing was changed:"},
	"cli.roster.undo.touched.hint": {
		"Sửa từng người bằng briefing roster edit MÃ, hoặc bỏ bằng briefing roster remove MÃ",
		"Correct each person with briefing roster edit ID, or take them off with briefing roster remove ID"},
	"cli.roster.undone": {
		"Đã hoàn tác lần nhập số %d (%s): bỏ %d người lần đó thêm, trả lại %d người lần đó sửa",
		"Undid import %d (%s): took off the %d people it added, restored the %d it changed"},
}
