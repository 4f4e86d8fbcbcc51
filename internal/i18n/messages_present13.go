package i18n

func init() { register(present13Messages) }

// present13Messages: the presenter and follow windows (issue 13): the shared black screen,
// a pinned question the presenter takes down or pages through, the pace warnings and the
// session ended in another window.
var present13Messages = []message{
	{"follow.black", "■ MÀN HÌNH ĐANG TẮT (b: bật lại)", "■ SCREEN BLACK (b: back)"},
	{"follow.pace.left", "còn %d phút", "%d min left"},
	{"follow.pace.over", "quá giờ %d phút", "%d min over time"},
	{"follow.pace.overnow", "hết giờ", "time is up"},
	{"session.ended.elsewhere", "Phiên đã được kết thúc ở cửa sổ khác. Màn hình này tự đóng sau %d giây (phím bất kỳ: đóng ngay).", "The session was ended in another window. This screen closes in %d s (any key: now)."},
	{"key.unpin", "gỡ câu hỏi đang ghim", "take the pinned question down"},
	{"present.pin.keys", "p/esc: gỡ câu hỏi", "p/esc: take it down"},
	{"present.pin.page", "phần %d/%d · → xem tiếp", "part %d/%d · → more"},
	{"present.pin.blocks", "Câu hỏi đang che trang chiếu: p hoặc esc để gỡ, rồi → để sang trang", "A question covers the slide: p or esc takes it down, then → moves on"},
	{"present.unpin.failed", "không gỡ được câu hỏi: %v", "could not take the question down: %v"},
	{"present.black.failed", "không tắt/bật được màn hình: %v", "could not black out the screen: %v"},
}
