package i18n

func init() { register(personalMessages) }

// personalMessages: the citizen-ID hash keys kept beside the database.
var personalMessages = []message{
	{"cli.idkey.problem",
		"không đọc được khóa băm số CCCD: %v. Khóa nằm trong các tệp citizen-id-key.json và device-keys.json cạnh briefing.db, không nằm trong cơ sở dữ liệu: hãy chép lại tệp đó từ bản sao lưu cùng lúc với briefing.db; nếu đã mất hẳn, xóa citizen-id-key.json hỏng đi, chương trình sẽ tạo khóa mới và các thẻ đã lưu sẽ được nhận lại theo họ tên khi quét",
		"cannot read the citizen-ID hash key: %v. The key is in citizen-id-key.json and device-keys.json beside briefing.db, not in the database: copy that file back from the backup made with briefing.db; if it is lost for good, delete the damaged citizen-id-key.json, the program makes a new key, and the cards kept so far are matched by name again when scanned",
	},
}
