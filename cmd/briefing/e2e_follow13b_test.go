package main

// End-to-end test of follow under a pinned question (issue 13): → on follow does not move
// the slide unseen behind the question, a slide number still does, and p on follow takes
// the question down for the presenter too.

import (
	"strings"
	"testing"
)

// TestE2EFollowUnderPin: the desk pins a question (question pin); → on follow says how to
// take it down and the slide stays (it went 4/27 → 5/27 silently); 6 enter moves it; p on
// follow takes the question down from the audience screen.
func TestE2EFollowUnderPin(t *testing.T) {
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
	follow.typeText("4")
	follow.send("Enter")
	follow.waitUntil("follow at 4/N", waitTimeout, top(4))
	present.waitCounter(4, total)

	const q = "Người dân lớn tuổi được hỗ trợ dùng dịch vụ công trực tuyến thế nào?"
	mustCLI(t, "--data", tm.data, "question", "add", "--text", q)
	mustCLI(t, "--data", tm.data, "question", "pin", "1")
	waitFor(t, present, q, waitTimeout)
	waitFor(t, follow, q, waitTimeout)

	follow.send("Right")
	s := waitFor(t, follow, "Câu hỏi đang che trang chiếu", waitTimeout)
	if !top(4)(s) {
		t.Fatalf("→ under the pin moved follow:\n%s", frame(s))
	}
	tm.waitSession("still slide 4", func(s sessionInfo) bool { return s.Slide == 4 })
	present.waitCounter(4, total)

	follow.typeText("6")
	follow.send("Enter")
	follow.waitUntil("follow at 6/N", waitTimeout, top(6))
	tm.waitSession("slide 6", func(s sessionInfo) bool { return s.Slide == 6 })

	follow.send("p")
	follow.waitGone(q)
	present.waitGone(q)
	present.waitCounter(6, total)
	if r := runCLI(t, "--data", tm.data, "question", "list", "--json"); r.code != 0 || strings.Contains(r.stdout, `"pinned": true`) {
		t.Errorf("question list after p on follow: %s", r)
	}
	follow.send("Right")
	follow.waitUntil("follow at 7/N", waitTimeout, top(7))
	present.waitCounter(7, total)
}
