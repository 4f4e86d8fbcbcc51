package i18n

func init() { register(scaleMessages) }

// scaleMessages: the desk searching the database while it loads a large roster.
var scaleMessages = map[string][2]string{
	"desk.loading.found": {"Đang tải danh sách… %d người khớp; Enter điểm danh được khi tải xong", "Loading the roster… %d people match; Enter checks in once it has loaded"},
	"desk.loading.broad": {"Đang tải danh sách… gõ thêm để tìm ngay", "Loading the roster… type more to search now"},
}
