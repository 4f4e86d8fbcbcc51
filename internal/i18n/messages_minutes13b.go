package i18n

func init() { register(minutes13bMessages) }

// minutes13bMessages: the participants of the minutes add up (those
// present who were not invited are named as such).
var minutes13bMessages = []message{
	{"minutes13b.notinvited", "trong đó %d người không có trong danh sách mời", "of whom %d not on the invitation list"},
	{"minutes13b.col.notinvited", "Ngoài danh sách mời", "Not invited"},
}
