package i18n

func init() { register(cliFilesMessages) }

// cliFilesMessages: the command line's files, folders and settings (--data, --lang,
// roster import's file and summary, session export's -o and --format), and the session
// commands' own wording.
var cliFilesMessages = []message{
	// --lang and $BRIEFING_LANG.
	{"cli.lang.bad", "ngôn ngữ không hỗ trợ: %q; dùng --lang vi hoặc --lang en", "unsupported language: %q; use --lang vi or --lang en"},
	{"cli.lang.env", "cảnh báo: BRIEFING_LANG=%q không phải ngôn ngữ hỗ trợ (vi hoặc en); dùng tiếng Việt", "warning: BRIEFING_LANG=%q is not a supported language (vi or en); using Vietnamese"},

	// The data directory.
	{"cli.data.env.empty", "BRIEFING_DATA chỉ có khoảng trắng; ghi đường dẫn thư mục dữ liệu, hoặc bỏ biến này để dùng thư mục mặc định", "BRIEFING_DATA is only spaces; set it to the data folder's path, or unset it to use the default folder"},
	{"cli.data.empty", "--data được ghi nhưng để trống; ghi đường dẫn thư mục dữ liệu, hoặc bỏ hẳn --data để dùng thư mục mặc định", "--data is given but empty; give the data directory's path, or leave --data out to use the default one"},
	{"cli.data.file", "thư mục dữ liệu %s là một tệp, không phải thư mục; chọn thư mục khác bằng --data THƯ_MỤC", "the data directory %s is a file, not a folder; choose another with --data DIR"},
	{"cli.data.parent", "không tạo được thư mục dữ liệu %s vì %s là một tệp, không phải thư mục; chọn thư mục khác bằng --data THƯ_MỤC", "cannot create the data directory %s: %s is a file, not a folder; choose another with --data DIR"},
	{"cli.data.denied", "không có quyền ghi vào thư mục dữ liệu %s; kiểm tra quyền của thư mục, hoặc chọn thư mục khác bằng --data THƯ_MỤC", "no permission to write in the data directory %s; check the folder's permissions, or choose another with --data DIR"},

	// A file to read (roster import).
	{"cli.file.notfound", "không có tệp %s; kiểm tra lại đường dẫn và tên tệp", "%s does not exist; check the path and the file name"},
	{"cli.file.denied", "không có quyền đọc tệp %s; kiểm tra quyền của tệp (ví dụ: chmod u+r %[1]s) hoặc chép tệp sang chỗ khác", "no permission to read %s; check the file's permissions (for example: chmod u+r %[1]s) or copy it elsewhere"},
	{"cli.file.isdir", "%s là một thư mục, không phải tệp; ghi đường dẫn của tệp danh sách (.csv hoặc .xlsx)", "%s is a folder, not a file; give the path of the roster file (.csv or .xlsx)"},
	{"cli.file.notregular", "%s không phải một tệp (là thư mục, ống dẫn hay thiết bị); ghi đường dẫn của tệp", "%s is not a file (a folder, a pipe or a device); give the path of a file"},
	{"cli.export.own", "%s là tệp của chính chương trình (cơ sở dữ liệu hoặc khóa): không ghi đè; chọn tên tệp khác", "%s is one of the program's own files (its database or keys): not overwritten; choose another file name"},
	{"cli.file.open", "không mở được tệp %s: %v", "cannot open %s: %v"},

	// roster import: what happened, or would have.
	{"cli.roster.done", "Đã nhập %s — Mới: %d, cập nhật: %d, không đổi: %d", "Imported %s — new: %d, updated: %d, unchanged: %d"},
	{"cli.roster.done.skipped", "Đã nhập %s — Mới: %d, cập nhật: %d, không đổi: %d; bỏ qua %d dòng bị từ chối", "Imported %s — new: %d, updated: %d, unchanged: %d; skipped %d rejected rows"},
	{"cli.roster.would", "Chạy thử, chưa ghi gì — %s sẽ nhập mới: %d, sẽ cập nhật: %d, không đổi: %d, bị từ chối: %d", "Dry run, nothing written — %s would add %d new, update %d, leave %d unchanged, reject %d"},
	{"cli.roster.would.rejected", "%s sẽ nhập mới: %d, sẽ cập nhật: %d, không đổi: %d, bị từ chối: %d — chưa nhập gì; sửa các dòng trên rồi nhập lại, hoặc dùng --skip-invalid để chỉ nhập các dòng hợp lệ",
		"%s would add %d new, update %d, leave %d unchanged, reject %d — nothing was imported; fix the rows above and import again, or use --skip-invalid to import only the valid rows"},
	{"cli.roster.empty", "%s không có dòng dữ liệu nào dưới dòng tiêu đề; không có gì để nhập", "%s has no data rows under its header; nothing to import"},
	{"cli.roster.novalid", "%s không có dòng hợp lệ nào (%d dòng bị từ chối); chưa nhập gì. Sửa các dòng trên rồi nhập lại", "%s has no valid row (%d rejected); nothing was imported. Fix the rows above and import again"},

	// session export -o and --format.
	{"cli.export.ext", "-o %s có đuôi của định dạng %s nhưng --format là %s; dùng --format %[2]s, hoặc đổi đuôi tệp thành .%[3]s", "-o %s has the extension of the %s format but --format is %s; use --format %[2]s, or name the file .%[3]s"},
	{"cli.export.isdir", "-o %s là một thư mục; hãy ghi tên tệp, ví dụ: -o %s", "-o %s is a folder; give a file name, for example: -o %s"},
	{"cli.export.nodir", "không ghi được %s: thư mục %s không tồn tại; tạo thư mục trước hoặc chọn thư mục khác", "cannot write %s: the folder %s does not exist; create it first or choose another folder"},
	{"cli.export.parentfile", "không ghi được %s: %s là một tệp, không phải thư mục; chọn thư mục khác", "cannot write %s: %s is a file, not a folder; choose another folder"},
	{"cli.export.denied", "không ghi được %s: không có quyền ghi vào thư mục %s; chọn thư mục khác hoặc kiểm tra quyền của thư mục", "cannot write %s: no permission to write in the folder %s; choose another folder or check its permissions"},
	{"cli.export.failed", "không ghi được %s: %v; tệp cũ (nếu có) vẫn giữ nguyên", "cannot write %s: %v; any existing file is left as it was"},

	// Sessions: one word, "phiên", as in the rest of the interface.
	{"cli.session.list.header", "ID\tBẮT ĐẦU\tTRẠNG THÁI\tTÊN PHIÊN\tBỘ TRÌNH CHIẾU\tTRANG", "ID\tSTARTED\tSTATE\tTITLE\tDECK\tSLIDE"},
	{"cli.session.field.title", "Tên phiên", "Title"},
	{"cli.session.bygroup", "Theo thành phần:", "By group:"},
	{"cli.session.byunit", "Theo đơn vị:", "By unit:"},
	{"cli.end.none", "thiết bị này không có phiên nào đang mở, không có gì để kết thúc; xem các phiên: briefing session list", "this device has no open session, so there is nothing to end; see the sessions: briefing session list"},
}
