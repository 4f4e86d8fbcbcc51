package main

// End-to-end tests of the follow window next to the presenter (issue 13): follow takes the
// presenter's keys and shows the black screen; ending the session in one window says so in
// the other before it closes.

import (
	"fmt"
	"strings"
	"testing"
)

// TestE2EFollowKeys: in follow at 80x24, 4 enter goes to slide 4, /nhiem vu searches (it
// moved the slides on h and space), b blacks out the presenter and follow says so, o and ?
// show the titles and the keys.
func TestE2EFollowKeys(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	present := tm.start("present", 100, 30, "present")
	present.waitCounter(1, total)
	follow := tm.start("follow", 80, 24, "follow")
	top := func(n int) func(string) bool {
		re := counterRe(n, total)
		return func(s string) bool { return re.MatchString(strings.SplitN(s, "\n", 2)[0]) }
	}
	follow.waitUntil("follow at 1/N", waitTimeout, top(1))
	follow.send("Right")
	follow.waitUntil("follow at 2/N", waitTimeout, top(2))

	follow.typeText("4")
	follow.send("Enter")
	follow.waitUntil("follow at 4/N after 4 enter", waitTimeout, top(4))
	present.waitCounter(4, total)
	tm.waitSession("slide 4", func(s sessionInfo) bool { return s.Slide == 4 })

	want := d.findSlide(t, "Nhóm giải pháp 1–2") // the first slide after 4 whose text has "nhiệm vụ"
	follow.typeText("/nhiem vu")
	waitFor(t, follow, "/ nhiem vu", waitTimeout)
	follow.send("Enter")
	follow.waitUntil(fmt.Sprintf("follow at %d/N after /nhiem vu", want), waitTimeout, top(want))
	present.waitCounter(want, total)

	follow.send("b")
	present.waitUntil("a black screen on the presenter", waitTimeout, func(s string) bool { return strings.TrimSpace(s) == "" })
	waitFor(t, follow, "MÀN HÌNH ĐANG TẮT", waitTimeout)
	follow.send("b")
	present.waitCounter(want, total)
	follow.waitGone("MÀN HÌNH ĐANG TẮT")
	present.send("b") // the presenter's b shows in follow too
	waitFor(t, follow, "MÀN HÌNH ĐANG TẮT", waitTimeout)
	present.send("b")
	follow.waitGone("MÀN HÌNH ĐANG TẮT")

	follow.send("o")
	waitFor(t, follow, "Mục lục", waitTimeout)
	follow.send("Escape")
	follow.waitGone("Mục lục")
	follow.send("?")
	s := waitFor(t, follow, "n tìm tiếp", waitTimeout) // on the ? screen only
	for _, k := range []string{"/ tìm", "o mục lục", "N enter đến trang N"} {
		if !strings.Contains(s, k) {
			t.Errorf("? in follow does not list %q:\n%s", k, frame(s))
		}
	}
	last := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if hint := last[len(last)-1]; strings.Contains(hint, "…") {
		t.Errorf("the key hint is cut at 80 columns: %q", hint)
	}
}

// TestE2EEndedElsewhere: q k on the presenter ends the session; follow says so, then closes.
func TestE2EEndedElsewhere(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	tm := newTmux(t)
	tm.startSession(d.id)
	present := tm.startWatched("present", 80, 24, "present")
	present.waitCounter(1, d.total())
	follow := tm.startWatched("follow", 160, 45, "follow")
	waitFor(t, follow, "Ghi chú", waitTimeout)

	present.send("q")
	waitFor(t, present, quitAskVI, waitTimeout)
	present.send("k")
	if status := present.waitExit(); status != "0" {
		t.Fatalf("present exit %q", status)
	}
	s := waitFor(t, follow, "Phiên đã được kết thúc ở cửa sổ khác", waitTimeout)
	if !strings.Contains(s, "tự đóng sau") {
		t.Errorf("follow does not say it closes:\n%s", frame(s))
	}
	if status := follow.waitExit(); status != "0" {
		t.Errorf("follow exit %q after the session ended, want 0", status)
	}
}
