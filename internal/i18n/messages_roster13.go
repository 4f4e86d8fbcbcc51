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
}
