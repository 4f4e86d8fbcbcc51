package i18n

func init() { register(rosterMessages) }

// rosterMessages: reading attendee rosters (CSV, XLSX), printed as
// FILE:LINE: message, and reading citizen-ID (CCCD) QR codes. Messages say
// what to do in Excel, the program wards use; Excel's menu names are given
// in English, as most installations show them.
var rosterMessages = map[string][2]string{
	// The file as a whole.
	"roster.file.ext": {
		"không đọc được tệp có đuôi %q; chỉ nhận .csv hoặc .txt (văn bản CSV) và .xlsx (Excel)",
		"cannot read a file ending in %q; use .csv or .txt (CSV text) or .xlsx (Excel)"},
	"roster.file.open": {"không mở được tệp: %s", "cannot open the file: %s"},
	"roster.file.dir":  {"đây là thư mục, không phải tệp danh sách", "this is a folder, not a roster file"},
	"roster.file.read": {"lỗi khi đọc tệp: %s", "error reading the file: %s"},
	"roster.file.empty": {
		"tệp rỗng; hãy kiểm tra lại tệp đơn vị gửi",
		"the file is empty; check the file the unit sent"},
	"roster.file.xls": {
		"đây là tệp Excel 97-2003 (.xls) hoặc tệp Excel có đặt mật khẩu, chương trình không đọc được; mở bằng Excel (bỏ mật khẩu nếu có), chọn File > Save As, kiểu \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới",
		"this is an Excel 97-2003 file (.xls) or a password-protected workbook, which cannot be read; open it in Excel (remove the password if any), choose File > Save As, type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\", and import the new file"},
	"roster.file.ods": {
		"đây là bảng tính LibreOffice (.ods); trong LibreOffice chọn File > Save As, kiểu \"Excel 2007-365 (.xlsx)\" hoặc \"Text CSV (.csv)\" với bảng mã Unicode (UTF-8), rồi nhập tệp mới",
		"this is a LibreOffice spreadsheet (.ods); in LibreOffice choose File > Save As, type \"Excel 2007-365 (.xlsx)\" or \"Text CSV (.csv)\" with the Unicode (UTF-8) character set, and import the new file"},
	"roster.file.zipascsv": {
		"tệp có đuôi %s nhưng thực ra là bảng tính Excel (.xlsx) hoặc tệp nén; đổi đuôi tệp thành .xlsx, hoặc mở bằng Excel, chọn File > Save As, kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"the file ends in %s but is really an Excel workbook (.xlsx) or a zip archive; rename it to .xlsx, or open it in Excel and choose File > Save As, type \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.textasxlsx": {
		"tệp có đuôi .xlsx nhưng thực ra là văn bản (CSV); đổi đuôi tệp thành .csv rồi nhập lại",
		"the file ends in .xlsx but is really text (CSV); rename it to .csv and import it again"},
	"roster.file.pdf": {
		"đây là tệp PDF, không lấy được danh sách từ PDF; hãy đề nghị đơn vị gửi tệp Excel (.xlsx) hoặc CSV UTF-8",
		"this is a PDF, from which no roster can be read; ask the unit for the Excel file (.xlsx) or a CSV UTF-8 file"},
	"roster.file.markup": {
		"đây là trang HTML/XML (thường do phần mềm khác xuất ra với đuôi .xls); mở bằng Excel, chọn File > Save As, kiểu \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"this is an HTML/XML page (often exported by other software under an .xls name); open it in Excel and choose File > Save As, type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.binary": {
		"tệp không phải văn bản CSV (có dữ liệu nhị phân); mở bằng Excel, chọn File > Save As, kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\" hoặc \"Excel Workbook (*.xlsx)\"",
		"the file is not CSV text (it holds binary data); open it in Excel and choose File > Save As, type \"CSV UTF-8 (Comma delimited) (*.csv)\" or \"Excel Workbook (*.xlsx)\""},
	"roster.file.badxlsx": {
		"không đọc được bảng tính Excel (%s); mở bằng Excel và lưu lại (File > Save As) dạng .xlsx hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"cannot read the Excel workbook (%s); open it in Excel and save it again (File > Save As) as .xlsx or \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.damaged": {
		"bảng tính Excel bị hỏng, không đọc trọn được (%s), nên không nhập dòng nào từ tệp này. Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (File > Save As, kiểu \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\") và nhập tệp mới; nếu không mở được, đề nghị đơn vị gửi lại tệp",
		"the Excel workbook is damaged and cannot be read whole (%s), so no row of it is taken. Open it in Excel or LibreOffice and save it again (File > Save As, type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\"), then import the new file; if it does not open, ask the unit to send it again"},
	"roster.file.damaged.sheet": {
		"bảng tính Excel bị hỏng: trang %q chỉ đọc trọn được đến dòng %d, từ dòng này trở đi bị cắt cụt hoặc lỗi (%s), nên không nhập dòng nào từ tệp này. Mở tệp bằng Excel hoặc LibreOffice, kiểm tra các dòng cuối, lưu lại (File > Save As, kiểu \"Excel Workbook (*.xlsx)\" hoặc \"CSV UTF-8 (Comma delimited) (*.csv)\") và nhập tệp mới; nếu thiếu dòng, đề nghị đơn vị gửi lại tệp",
		"the Excel workbook is damaged: sheet %q reads whole only up to row %d, and from this row on it is cut off or broken (%s), so no row of it is taken. Open it in Excel or LibreOffice, check the last rows, save it again (File > Save As, type \"Excel Workbook (*.xlsx)\" or \"CSV UTF-8 (Comma delimited) (*.csv)\") and import the new file; if rows are missing, ask the unit to send it again"},
	"roster.file.notutf8": {
		"tệp không phải văn bản UTF-8 và không đọc được theo bảng mã Windows-1258; mở bằng Excel, chọn File > Save As, kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"the file is not UTF-8 text and does not read as Windows-1258 either; open it in Excel and choose File > Save As, type \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.legacy": {
		"tệp không phải UTF-8: có vẻ được gõ bằng bảng mã cũ %s. Hãy chuyển sang Unicode bằng Unikey: Công cụ chuyển mã (Ctrl+Shift+F6), nguồn %[1]s, đích Unicode; hoặc mở bằng Excel và lưu dạng \"CSV UTF-8 (Comma delimited) (*.csv)\" sau khi chuyển mã",
		"not UTF-8: it looks like the legacy Vietnamese encoding %s. Convert it to Unicode with Unikey's converter (Ctrl+Shift+F6), source %[1]s, destination Unicode; then save it from Excel as \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.legacyfont": {
		"chữ trong tệp được gõ bằng phông chữ của bảng mã cũ %s (ví dụ \"Nguyeãn\" thay cho \"Nguyễn\"); trong Excel chọn vùng dữ liệu, sao chép, dùng Unikey: Công cụ chuyển mã (Ctrl+Shift+F6), nguồn %[1]s, đích Unicode, chuyển mã clipboard, dán lại rồi lưu dạng \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"the text was typed in a font for the legacy encoding %s (\"Nguyeãn\" for \"Nguyễn\"); in Excel copy the data, convert the clipboard with Unikey's converter (Ctrl+Shift+F6), source %[1]s, destination Unicode, paste it back and save as \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.file.noheader": {
		"không tìm thấy dòng tiêu đề trong 10 dòng đầu: cần một dòng có cột \"Họ và tên\" (các cột khác, không bắt buộc: Đơn vị, Chức vụ, Thành phần, Số điện thoại, Số CCCD)",
		"no header row in the first 10 rows: one row must have a \"Họ và tên\" (name) column (the others are optional: Đơn vị / unit, Chức vụ / position, Thành phần / group, Số điện thoại / phone, Số CCCD / id)"},
	"roster.file.noheader.xlsx": {
		"không trang tính nào có dòng tiêu đề trong 10 dòng đầu: cần một dòng có cột \"Họ và tên\" (các cột khác, không bắt buộc: Đơn vị, Chức vụ, Thành phần, Số điện thoại, Số CCCD)",
		"no sheet has a header row in its first 10 rows: one row must have a \"Họ và tên\" (name) column (the others are optional: Đơn vị / unit, Chức vụ / position, Thành phần / group, Số điện thoại / phone, Số CCCD / id)"},
	"roster.file.noname": {
		"dòng tiêu đề thiếu cột họ tên; thêm (hoặc đổi tên) một cột thành \"Họ và tên\"",
		"the header row has no name column; add (or rename) a column \"Họ và tên\" (or \"name\")"},
	"roster.file.duplicate": {
		"hai cột %q và %q cùng một loại thông tin; xoá hoặc đổi tên một cột",
		"the columns %q and %q hold the same information; delete or rename one of them"},
	"roster.file.toolong": {
		"từ khoảng dòng này có một ô mở dấu ngoặc kép (\") mà không đóng, nên phần còn lại của tệp bị gộp vào một ô; sửa dấu ngoặc kép rồi nhập lại",
		"from about this line a cell opens a double quote (\") and never closes it, so the rest of the file runs into one cell; fix the quote and import again"},
	"roster.file.linelong": {
		"dòng này quá dài: một dòng CSV được dài tối đa %d byte (khoảng một triệu chữ không dấu), có lẽ một ô bị dán nhầm cả một văn bản dài; mở tệp bằng Excel, rút ngắn hoặc xoá ô quá dài trên dòng này, lưu lại rồi nhập lại",
		"this line is too long: a CSV line may be at most %d bytes (about a million unaccented letters), so a cell probably holds a long pasted text; open the file in Excel, shorten or clear the long cell on this line, save it and import again"},

	// Warnings.
	"roster.column.ignored": {"cột %q không dùng đến, đã bỏ qua", "column %q is not used and was ignored"},
	"roster.nfc": {
		"chữ chưa ở dạng Unicode dựng sẵn (NFC); đã tự chuẩn hoá khi đọc",
		"text is not in Unicode NFC; it was normalised on reading"},
	"roster.encoding.1258": {
		"tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258 (kiểu \"CSV (Comma delimited)\" của Excel) và chuyển sang Unicode. Hãy kiểm tra tên có dấu; lần sau nên lưu kiểu \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"the file is not UTF-8; it was read as Windows-1258 (Excel's \"CSV (Comma delimited)\") and converted to Unicode. Check the accented names; next time save as \"CSV UTF-8 (Comma delimited) (*.csv)\""},
	"roster.encoding.utf16": {
		"tệp ở dạng \"Unicode Text\" (UTF-16) của Excel; đã chuyển sang UTF-8 khi đọc",
		"the file is Excel's \"Unicode Text\" (UTF-16); it was converted to UTF-8 on reading"},
	"roster.xlsx.sheet": {
		"trang tính đầu không có dòng tiêu đề; đọc trang %q",
		"the first sheet has no header row; reading sheet %q"},
	"roster.id.zero": {
		"cột CCCD lưu dạng số nên Excel đã bỏ số 0 đầu; đã tự thêm lại cho các số 11 chữ số. Lần sau hãy định dạng cột CCCD là Text (Văn bản) trước khi nhập",
		"the ID column holds numbers, so Excel dropped the leading zero; it was put back on the 11-digit numbers. Next time format the ID column as Text before typing"},

	// Rows.
	"roster.row.noname": {"thiếu họ tên; điền họ tên hoặc xoá dòng", "the name is empty; fill it in or delete the row"},
	"roster.row.unitlong": {
		"đơn vị dài %d ký tự, quá %d; ghi ngắn lại, hoặc kiểm tra xem các cột có bị lệch không",
		"the unit is %d characters long, more than %d; shorten it, or check that the columns are not shifted"},
	"roster.row.positionlong": {
		"chức vụ dài %d ký tự, quá %d; ghi ngắn lại, hoặc kiểm tra xem các cột có bị lệch không",
		"the position is %d characters long, more than %d; shorten it, or check that the columns are not shifted"},
	"roster.row.namelong": {
		"họ tên dài %d ký tự, quá %d; kiểm tra xem các cột có bị lệch không",
		"the name is %d characters long, more than %d; check that the columns are not shifted"},
	"roster.row.group": {
		"thành phần %q không rõ; dùng một trong: %s (hoặc để trống)",
		"unknown group %q; use one of the Vietnamese names: %s (or leave it empty)"},
	"roster.row.phone": {
		"số điện thoại %q không hợp lệ: cần 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09 (di động) hoặc 11 chữ số bắt đầu bằng 02 (cố định); mỗi ô chỉ ghi một số",
		"phone number %q is not valid: it needs 10 digits starting 03, 05, 07, 08, 09 (mobile) or 11 digits starting 02 (landline); one number per cell"},
	"roster.row.phone.sci": {
		"số điện thoại %q đã bị Excel đổi sang dạng số mũ và mất chữ số; định dạng cột là Text (Văn bản), nhập lại số đầy đủ",
		"phone number %q was turned into scientific notation by Excel and lost digits; format the column as Text and type the full number again"},
	"roster.row.id.sci": {
		"số CCCD đã bị Excel đổi sang dạng số mũ (như 7,9E+10) và mất chữ số; định dạng cột CCCD là Text (Văn bản), nhập lại đủ 12 chữ số",
		"the ID number was turned into scientific notation by Excel (like 7.9E+10) and lost digits; format the ID column as Text and type all 12 digits again"},
	"roster.row.id.chars": {
		"số CCCD chỉ được gồm chữ số (12 chữ số)",
		"the ID number must be digits only (12 digits)"},
	"roster.row.id.eleven": {
		"số CCCD chỉ có 11 chữ số, có lẽ Excel đã bỏ số 0 đầu; định dạng cột CCCD là Text (Văn bản), nhập lại đủ 12 chữ số",
		"the ID number has only 11 digits, probably because Excel dropped the leading zero; format the ID column as Text and type all 12 digits again"},
	"roster.row.id.length": {
		"số CCCD phải có đúng 12 chữ số, ở đây có %d",
		"the ID number must have exactly 12 digits, this one has %d"},
	"roster.row.quote": {
		"dấu ngoặc kép (\") đặt sai chỗ trên dòng này; một ô có dấu ngoặc kép phải được bao cả ô trong ngoặc kép và viết \"\" cho mỗi dấu bên trong (Excel tự làm khi lưu CSV)",
		"misplaced double quote (\") on this line; a cell with a quote must be wholly in quotes, with \"\" for each quote inside (Excel does this when it saves CSV)"},
	"roster.row.cells": {
		"dòng có %d ô nhưng tiêu đề chỉ có %d cột — có thể một ô chứa dấu phẩy mà không nằm trong ngoặc kép, nên các ô sau bị lệch cột; đặt ô đó trong ngoặc kép (\"Phường 4, Tân Bình\") hoặc bỏ dấu phẩy (Excel tự thêm ngoặc kép khi lưu CSV)",
		"the row has %d cells but the header has %d columns — a cell may contain a comma without quotes, which shifts the cells after it; put that cell in double quotes (\"Phường 4, Tân Bình\") or remove the comma (Excel adds the quotes when it saves CSV)"},
	"roster.row.cells.semicolon": {
		"dòng có %d ô nhưng tiêu đề chỉ có %d cột — có thể một ô chứa dấu chấm phẩy (;) mà không nằm trong ngoặc kép, nên các ô sau bị lệch cột; đặt ô đó trong ngoặc kép hoặc bỏ dấu chấm phẩy (Excel tự thêm ngoặc kép khi lưu CSV)",
		"the row has %d cells but the header has %d columns — a cell may contain a semicolon (;) without quotes, which shifts the cells after it; put that cell in double quotes or remove the semicolon (Excel adds the quotes when it saves CSV)"},
	"roster.row.cells.tab": {
		"dòng có %d ô nhưng tiêu đề chỉ có %d cột — có thể một ô chứa ký tự tab mà không nằm trong ngoặc kép, nên các ô sau bị lệch cột; xoá ký tự tab trong ô đó",
		"the row has %d cells but the header has %d columns — a cell may contain a tab without quotes, which shifts the cells after it; remove the tab from that cell"},
	"roster.xlsx.extra": {
		"có ô được điền ở cột không có tiêu đề (dòng này dùng %d cột, tiêu đề có %d); các ô đó được bỏ qua — đặt tiêu đề cho cột nếu cần nhập",
		"cells are filled in columns without a header (this row uses %d columns, the header has %d); they are ignored — give the column a header if it should be imported"},
	"roster.row.encoding": {
		"dòng này có ký tự không đọc được (sai bảng mã); sửa lại chữ trên dòng, lưu tệp dạng \"CSV UTF-8 (Comma delimited) (*.csv)\"",
		"this line has characters that cannot be read (wrong encoding); fix the text and save the file as \"CSV UTF-8 (Comma delimited) (*.csv)\""},

	// Citizen-ID QR codes.
	"cccd.nonumber": {
		"không đọc được số CCCD 12 chữ số; quét lại mã QR ở mặt trước thẻ hoặc nhập số bằng tay",
		"no 12-digit citizen-ID number could be read; scan the QR code on the front of the card again or type the number"},
	"cccd.invalid": {
		"số CCCD đọc được không hợp lệ: ba chữ số đầu phải là mã tỉnh từ 001 đến 096; quét lại hoặc nhập số bằng tay",
		"the citizen-ID number read is not valid: its first three digits must be a province code from 001 to 096; scan again or type the number"},
}
