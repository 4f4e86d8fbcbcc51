package i18n

func init() { register(follow13bMessages) }

// follow13bMessages: the parts of a long pinned question, on the presenter and follow
// (issue 13).
var follow13bMessages = []message{
	// The last part of a long pinned question: nothing more follows.
	{"follow13b.pin.page.last", "phần %d/%d · ← xem lại", "part %d/%d · ← back"},
}
