package i18n

func init() { register(walkinMessages) }

// walkinMessages: the walk-in form's hint, with the keys that take a
// suggestion. Short enough for the form's box on the wide layout's
// narrowest (110 columns: 69 inside the box).
var walkinMessages = map[string][2]string{
	"walkin.hint.suggest": {"enter lưu, điểm danh · → nhận gợi ý · tab nhận, sang ô sau · esc huỷ", "enter save, check in · → complete · tab complete, next · esc cancel"},
}
