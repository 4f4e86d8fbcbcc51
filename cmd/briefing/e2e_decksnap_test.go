package main

// End-to-end tests of the deck a session keeps in the database: resume, follow and export
// after the deck's file is gone, and present OTHER while a session is open.

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// talkDeck is a deck a rapporteur wrote, presented from a path outside the data directory.
const talkDeck = `---
id: bai-noi-chuyen
title: Bài nói chuyện ở Phường 4
duration: 20
---

# Mở đầu

Nghị quyết 57-NQ/TW

???
Chào hỏi

---

# Khoa học và công nghệ

- Đột phá phát triển

---

# Chuyển đổi số ở phường

- Dịch vụ công trực tuyến

???
Ghi chú trang ba

---

# Kết luận
`

// kill9 kills the pane's program as a crash or a power cut would, and waits until it is gone.
func (p *pane) kill9() {
	p.t.Helper()
	proc, err := os.FindProcess(p.pid())
	if err != nil {
		p.t.Fatal(err)
	}
	if err := proc.Signal(syscall.SIGKILL); err != nil {
		p.t.Fatal(err)
	}
	p.waitExit()
}

// TestE2EResumeAfterTheDeckFileIsGone: a deck presented from a path, the presenter killed
// and the file deleted (a USB stick pulled out): the same present command resumes on the same slide, follow
// shows it with its notes, and show and export name its slides.
func TestE2EResumeAfterTheDeckFileIsGone(t *testing.T) {
	t.Parallel()
	const total = 4
	path := filepath.Join(t.TempDir(), "bai-noi-chuyen.md")
	if err := os.WriteFile(path, []byte(talkDeck), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := newTmux(t)
	a := tm.start("a", 80, 24, "present", path, "--title", "Phiên ở Phường 4")
	waitFor(t, a, formHeadingVI, waitTimeout)
	a.send("Enter")
	a.waitCounter(1, total)
	a.typeText("3")
	a.send("Enter")
	a.waitCounter(3, total)
	s := tm.waitSession("slide 3 recorded", func(s sessionInfo) bool { return s.Open && s.Slide == 3 })

	a.kill9()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}

	// The same command again: the path is gone, the session keeps its deck.
	b := tm.start("b", 80, 24, "present", path)
	screen := b.waitCounter(3, total)
	if !strings.Contains(screen, "Chuyển đổi số ở phường") {
		t.Fatalf("present %s after the crash does not show slide 3 of the deck:\n%s", path, frame(screen))
	}

	f := tm.start("f", 120, 40, "follow")
	screen = f.waitUntil("follow on slide 3 with its notes", waitTimeout, func(s string) bool {
		return counterRe(3, total).MatchString(strings.SplitN(s, "\n", 2)[0]) && strings.Contains(s, "Ghi chú trang ba")
	})
	if !strings.Contains(screen, "Kết luận") {
		t.Errorf("follow does not show the next slide's title:\n%s", frame(screen))
	}

	show := mustCLI(t, "--data", tm.data, "session", "show", s.ID)
	if !strings.Contains(show, "Chuyển đổi số ở phường") {
		t.Errorf("session show does not name the slides of the deck:\n%s", show)
	}
	out := filepath.Join(t.TempDir(), "bien-ban.md")
	mustCLI(t, "--data", tm.data, "session", "export", s.ID, "-o", out)
	minutes, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Phiên ở Phường 4", "Bài nói chuyện ở Phường 4", "Mở đầu", "Chuyển đổi số ở phường"} {
		if !strings.Contains(string(minutes), want) {
			t.Errorf("the minutes do not contain %q:\n%s", want, minutes)
		}
	}
}

// TestE2EPresentOtherWhileOpen: present with another deck while a session is open asks
// first (naming the open session) instead of showing it; r resumes it. The CLI refuses
// session start of another deck the same way, and present of a deck that cannot be found
// names the open session too.
func TestE2EPresentOtherWhileOpen(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	other := loadDeck(t, "chuyen-doi-so-nguoi-dan")
	tm := newTmux(t)
	id := tm.startSession(d.id)

	a := tm.start("a", 100, 30, "present", other.id)
	screen := waitFor(t, a, "Thiết bị đang có phiên mở", waitTimeout)
	for _, want := range []string{"Nghị quyết 57-NQ/TW", "trang 1/", other.id, "r  tiếp tục", "e  kết thúc", "esc  thôi"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("the choice does not show %q:\n%s", want, frame(screen))
		}
	}
	a.send("r")
	a.waitCounter(1, d.total())
	if list := tm.sessions(); len(list) != 1 || list[0].ID != id || !list[0].Open {
		t.Fatalf("after r: %+v; want the one open session %s", list, id)
	}

	// The open session's own deck resumes at once, as before.
	b := tm.start("b", 80, 24, "present", d.id)
	b.waitCounter(1, d.total())

	r := runCLI(t, "--data", tm.data, "session", "start", other.id)
	if r.code == 0 {
		t.Fatalf("session start %s with a session open: %s; want an error", other.id, r)
	}
	for _, want := range []string{id, d.id, "trang 1/", "briefing present", "briefing session end"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("session start's refusal does not name %q:\n%s", want, r)
		}
	}

	// A deck name that is not in the library names the open session; a path
	// that is gone resumes it (TestE2EResumeAfterTheDeckFileIsGone).
	r = runCLI(t, "--data", tm.data, "present", "khong-co")
	if r.code != 1 || !strings.Contains(r.stderr, id) || !strings.Contains(r.stderr, "briefing present") {
		t.Errorf("present of a missing deck with a session open: %s; want exit 1 naming the open session", r)
	}
}
