package i18n

func init() { register(dbMessages) }

// dbMessages: what the device's database file says when it cannot be used as
// it is (damaged, not a database, held by another process, disk full, not
// writable), each with what to do.
var dbMessages = []message{
	{"cli.db.damaged",
		"Cơ sở dữ liệu %s bị hỏng: SQLite kiểm tra thấy trang dữ liệu lỗi, nên không có gì được ghi hay báo là xong. briefing không sửa được tệp này. Đóng mọi cửa sổ briefing, rồi chép bản sao lưu gần nhất của %s đè lên tệp đó (giữ lại tệp hỏng để nhờ kỹ thuật xem).",
		"The database %s is damaged: SQLite's check found broken pages, so nothing was written or reported done. briefing cannot repair it. Close every briefing window, then copy your latest backup of %s over it (keep the damaged file for a technician).",
	},
	{"cli.db.empty",
		"Tệp dữ liệu %s trống (0 byte), không phải cơ sở dữ liệu của briefing: không mở, không tạo mới (sẽ mất mã thiết bị và việc đồng bộ). Chép bản sao lưu của tệp đó về chỗ cũ; chỉ khi muốn máy này bắt đầu lại như máy mới (mã thiết bị mới, phải ghi danh lại) thì mới xoá tệp rỗng đó.",
		"The data file %s is empty (0 bytes), not a briefing database: not opened, not started anew (the device id and its sync would be lost). Copy your backup of it back; delete the empty file only to start this laptop over as a new device (a new device id, enrolled again).",
	},
	{"cli.db.notsqlite",
		"Tệp %s không phải cơ sở dữ liệu của briefing (không phải tệp SQLite; có thể đã bị chép đè hoặc nhầm tệp): không mở, không ghi gì. Chép bản sao lưu của tệp đó về chỗ cũ, hoặc chọn thư mục dữ liệu khác bằng --data THƯ_MỤC.",
		"The file %s is not a briefing database (not an SQLite file; overwritten, or the wrong file): not opened, nothing written. Copy your backup of it back, or choose another data directory with --data DIR.",
	},
	{"cli.db.notregular",
		"%s không phải một tệp thông thường (là thư mục hoặc thiết bị), nên không dùng làm cơ sở dữ liệu được; đổi tên nó đi, hoặc chọn thư mục dữ liệu khác bằng --data THƯ_MỤC.",
		"%s is not a regular file (a folder or a device), so it cannot be the database; rename it, or choose another data directory with --data DIR.",
	},
	{"cli.db.walonly",
		"Không thấy tệp dữ liệu %s nhưng vẫn còn tệp nhật ký %s-wal của nó: cơ sở dữ liệu đã bị xoá hoặc chuyển đi. Không tạo cơ sở dữ liệu mới. Đặt tệp %s về chỗ cũ (hoặc chép bản sao lưu về), rồi chạy lại.",
		"The data file %s is missing but its log %s-wal is still there: the database was deleted or moved. No new database is started. Put %s back (or copy your backup back), then run again.",
	},
	{"cli.db.waiting",
		"Một tiến trình briefing khác đang ghi vào %s; đang chờ…",
		"Another briefing process is writing to %s; waiting…",
	},
	{"cli.db.busy",
		"Một tiến trình briefing khác (%s) vẫn đang ghi vào %s nên lệnh này đã thôi chờ; không có gì được ghi. Đợi việc đó xong (nhập danh sách, đồng bộ…) hoặc đóng cửa sổ đó, rồi chạy lại lệnh.",
		"Another briefing process (%s) is still writing to %s, so this command stopped waiting; nothing was written. Wait for it to finish (an import, a sync…) or close that window, then run the command again.",
	},
	{"cli.db.busy.unknown", "không rõ tiến trình nào", "which one is not known"},
	{"cli.db.busy.pid", "tiến trình %d: %s", "process %d: %s"},
	{"cli.db.full",
		"Ổ đĩa chứa %s đã đầy nên không ghi được; không có gì được ghi. Giải phóng chỗ trống trên ổ đó rồi chạy lại, hoặc chuyển thư mục dữ liệu sang ổ khác và dùng --data THƯ_MỤC.",
		"The disk holding %s is full, so nothing could be written; nothing was saved. Free some space on that disk and run again, or move the data directory to another disk and use --data DIR.",
	},
	{"cli.db.readonly",
		"Không ghi được vào %s: tệp hoặc thư mục dữ liệu %s chỉ cho đọc (hoặc ổ đĩa chỉ đọc); không có gì được ghi. Cấp quyền ghi cho thư mục đó, hoặc chọn thư mục ghi được bằng --data THƯ_MỤC.",
		"Cannot write to %s: the file or the data directory %s is read-only (or the disk is); nothing was written. Give that folder write permission, or choose a writable one with --data DIR.",
	},
	{"cli.db.cantopen",
		"Không mở hay tạo được cơ sở dữ liệu %s: thư mục dữ liệu %s không cho ghi, không tồn tại hoặc ổ đĩa đầy. Kiểm tra quyền ghi và chỗ trống của thư mục đó, hoặc chọn thư mục khác bằng --data THƯ_MỤC.",
		"Cannot open or create the database %s: the data directory %s is not writable, does not exist, or its disk is full. Check that folder's permissions and free space, or choose another with --data DIR.",
	},

	// The desk's line when a check-in could not be written (short: one line at 80 columns).
	{"desk.db.busy", "Chưa ghi được: một chương trình briefing khác đang ghi. Chờ vài giây rồi Enter lại", "Not saved: another briefing program is writing. Wait a few seconds, press Enter again"},
	{"desk.db.full", "Chưa ghi được: ổ đĩa đã đầy. Giải phóng chỗ trống rồi Enter lại", "Not saved: the disk is full. Free some space and press Enter again"},
	{"desk.db.readonly", "Chưa ghi được: thư mục dữ liệu không cho ghi. Báo người phụ trách máy", "Not saved: the data folder cannot be written. Tell whoever looks after this laptop"},
	{"desk.db.damaged", "Chưa ghi được: tệp dữ liệu bị hỏng. Dừng lại, khôi phục từ bản sao lưu", "Not saved: the database file is damaged. Stop and restore it from its backup"},
}
