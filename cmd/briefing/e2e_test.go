package main

// End-to-end tests: the real binary in a real terminal (tmux), driven by key presses and
// read back from the screen, and the command line run as a plain process. Helpers are in
// e2e_helpers_test.go. Run them with:
//
//	go test -race -run 'E2E|CLI' -count=1 ./cmd/briefing/

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// The Vietnamese strings the tests look for on screen (the default language).
const (
	formHeadingVI = "Bắt đầu phiên trình bày"
	formHeadingEN = "Start a briefing session"
	quitAskVI     = "Kết thúc phiên?"
	overviewVI    = "Mục lục"
	helpTitleVI   = "Phím tắt"
)

// TestE2EStartForm: present DECK --title shows the start form pre-filled; enter starts the
// session on slide 1 with the deck title on the status line.
func TestE2EStartForm(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	tm := newTmux(t)
	p := tm.start("a", 80, 24, "present", d.id, "--title", "Hội nghị thử")

	s := waitFor(t, p, formHeadingVI, waitTimeout)
	if !strings.Contains(s, "Hội nghị thử") {
		t.Fatalf("the form does not show the --title value; screen:\n%s", frame(s))
	}
	if list := tm.sessions(); len(list) != 0 {
		t.Fatalf("a session exists before the form was confirmed: %+v", list)
	}

	p.send("Enter")
	s = p.waitCounter(1, d.total())
	if strings.Contains(s, formHeadingVI) {
		t.Fatalf("the form is still on screen after enter:\n%s", frame(s))
	}
	if st := statusLine(s); !strings.Contains(st, d.title) {
		t.Fatalf("status line %q does not show the deck title %q", st, d.title)
	}
	got := tm.waitSession("an open session titled Hội nghị thử on slide 1", func(s sessionInfo) bool { return s.Open })
	if got.Title != "Hội nghị thử" || got.DeckID != d.id || got.Slide != 1 || got.Slides != d.total() {
		t.Fatalf("session list --json: %+v; want title Hội nghị thử, deck %s, slide 1 of %d", got, d.id, d.total())
	}
	if n := len(tm.sessions()); n != 1 {
		t.Fatalf("%d sessions after one start, want 1", n)
	}
}

// TestE2ENextPrev: right, space and l go forward, left back; a pause step is revealed
// before the slide changes, so it does not change the counter. The database records the
// slide on screen.
func TestE2ENextPrev(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	// The first slide with a pause step, after a slide without one (the walk jumps there),
	// and not the last.
	pause := 0
	for n := 2; n < total; n++ {
		if d.steps[n-1] > 1 && d.steps[n-2] == 1 {
			pause = n
			break
		}
	}
	if pause == 0 {
		t.Fatalf("deck %s needs a slide with <!-- pause --> after one without; steps: %v", d.id, d.steps)
	}

	tm := newTmux(t)
	id := tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)

	at := place{1, 0}
	press := func(key string) {
		t.Helper()
		before := at
		if key == "Left" {
			at = d.prev(at)
		} else {
			at = d.next(at)
		}
		p.send(key)
		p.assertCounter(fmt.Sprintf("%s from slide %d step %d", key, before.slide, before.step+1), at.slide, total)
	}

	press("Right")
	// Jump just before the slide with a pause, then walk through its steps both ways.
	p.typeText(strconv.Itoa(pause - 1))
	p.send("Enter")
	at = d.jumped(t, pause-1)
	p.assertCounter(fmt.Sprintf("jump to %d", pause-1), at.slide, total)
	press("Right") // the pause slide, first step
	for range d.steps[pause-1] - 1 {
		press("Space") // reveals a step: same counter
	}
	press("l") // the next slide
	press("Left")
	for range d.steps[pause-1] - 1 {
		press("Left") // hides a step: same counter
	}
	press("Left") // the slide before
	if at.slide != pause-1 {
		t.Fatalf("test walk ended on %d, want %d", at.slide, pause-1)
	}

	deadline := time.Now().Add(waitTimeout)
	for {
		var show sessionInfo
		out := mustCLI(t, "--data", tm.data, "session", "show", id, "--json")
		if err := json.Unmarshal([]byte(out), &show); err != nil {
			t.Fatalf("session show --json: %v\n%s", err, out)
		}
		if show.Slide == at.slide {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("session show records slide %d, the screen shows %d", show.Slide, at.slide)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestE2EJump: digits then enter go to that slide; a number out of range says so and stays.
func TestE2EJump(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)

	p.typeText("12")
	waitFor(t, p, "đến trang: 12 (enter)", waitTimeout)
	p.send("Enter")
	p.waitCounter(12, total)

	p.typeText("99")
	p.send("Enter")
	s := waitFor(t, p, "không có trang 99", waitTimeout)
	if !counterRe(12, total).MatchString(statusLine(s)) {
		t.Fatalf("after an out-of-range jump the counter moved; screen:\n%s", frame(s))
	}
	tm.waitSession("slide 12 recorded", func(s sessionInfo) bool { return s.Slide == 12 })
}

// TestE2ESearch: "/" and a query typed without diacritics finds the slide; a query no slide
// has says so.
func TestE2ESearch(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	k := d.findSlide(t, "Tầm nhìn")
	if k < 2 {
		t.Fatalf("the Tầm nhìn slide is slide %d; the test searches forward from the slide before it", k)
	}
	tm := newTmux(t)
	tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)

	// Search starts after the slide on screen: stand on the slide before.
	p.typeText(strconv.Itoa(k - 1))
	p.send("Enter")
	p.waitCounter(k-1, total)

	p.send("/")
	p.waitUntil("the search prompt", waitTimeout, func(s string) bool { return strings.HasPrefix(statusLine(s), " / ") })
	p.typeText("tam nhin")
	p.waitUntil("the query on the status line", waitTimeout, func(s string) bool { return strings.Contains(statusLine(s), "/ tam nhin") })
	p.send("Enter")
	s := p.waitCounter(k, total)
	if !strings.Contains(s, d.titles[k-1]) {
		t.Fatalf("search landed on %d/%d but the slide title %q is not on screen:\n%s", k, total, d.titles[k-1], frame(s))
	}

	p.send("/")
	p.waitUntil("the search prompt", waitTimeout, func(s string) bool { return strings.HasPrefix(statusLine(s), " / ") })
	p.typeText("zzqx khong co")
	p.send("Enter")
	s = waitFor(t, p, "không trang nào có", waitTimeout)
	if !counterRe(k, total).MatchString(statusLine(s)) {
		t.Fatalf("a search with no match moved the slide; screen:\n%s", frame(s))
	}
}

// TestE2EOverviewHelpBlack: o, ? and b open the overview, the help and a black screen, and
// each closes again.
func TestE2EOverviewHelpBlack(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)

	p.send("o")
	s := waitFor(t, p, overviewVI, waitTimeout)
	if !strings.Contains(s, d.titles[1]) {
		t.Fatalf("the overview does not list slide 2 %q:\n%s", d.titles[1], frame(s))
	}
	p.send("Down", "Down", "Enter") // choose slide 3
	p.waitCounter(3, total)
	p.waitGone(overviewVI)

	p.send("o")
	waitFor(t, p, overviewVI, waitTimeout)
	p.send("Escape")
	p.waitGone(overviewVI)
	p.waitCounter(3, total)

	p.send("?")
	waitFor(t, p, helpTitleVI, waitTimeout)
	p.send("Escape")
	p.waitGone(helpTitleVI)
	p.waitCounter(3, total)

	p.send("b")
	p.waitUntil("a black screen", waitTimeout, func(s string) bool { return strings.TrimSpace(s) == "" })
	p.send("b")
	s = p.waitCounter(3, total)
	if !strings.Contains(s, d.titles[2]) {
		t.Fatalf("after the black screen, slide 3 %q is not shown:\n%s", d.titles[2], frame(s))
	}
}

// TestE2EKillResume: a presenter killed with SIGKILL mid-talk loses nothing: present again
// resumes the open session on the same slide, with no form.
func TestE2EKillResume(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	id := tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)

	p.typeText("7")
	p.send("Enter")
	p.waitCounter(7, total)
	tm.waitSession("slide 7 recorded", func(s sessionInfo) bool { return s.Slide == 7 })

	pid := p.pid()
	if runtime.GOOS == "linux" {
		cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if !strings.Contains(string(cmdline), "briefing") {
			t.Fatalf("pane pid %d is not the program: %q", pid, cmdline)
		}
	}
	proc, err := os.FindProcess(pid)
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.waitExit()

	q := tm.start("b", 80, 24, "present")
	s := q.waitCounter(7, total)
	if strings.Contains(s, formHeadingVI) {
		t.Fatalf("present after a crash shows the start form instead of resuming:\n%s", frame(s))
	}
	list := tm.sessions()
	if len(list) != 1 || list[0].ID != id || !list[0].Open || list[0].Slide != 7 {
		t.Fatalf("after kill -9 and resume: %+v; want the one open session %s on slide 7", list, id)
	}
}

// TestE2EFollow: a follow window moves with the presenter, and moving in follow moves the
// presenter. How fast is measured by benchmarks, not here: under load a tmux round trip alone
// can take longer than the design's 250 ms.
func TestE2EFollow(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	a := tm.start("a", 80, 24, "present")
	a.waitCounter(1, total)
	b := tm.start("b", 120, 40, "follow")
	followCounter := func(n int) func(string) bool {
		re := counterRe(n, total)
		return func(s string) bool { return re.MatchString(strings.SplitN(s, "\n", 2)[0]) }
	}
	b.waitUntil("follow to show 1/N on its top line", waitTimeout, followCounter(1))

	at := d.next(place{1, 0})
	a.send("Right")
	b.waitUntil(fmt.Sprintf("follow to show %d/%d after Right in present", at.slide, total), waitTimeout, followCounter(at.slide))

	at = d.next(at)
	b.send("Right")
	a.waitCounter(at.slide, total)
	b.waitUntil(fmt.Sprintf("follow to show %d/%d", at.slide, total), waitTimeout, followCounter(at.slide))
}

// TestE2EQuitEnds: q then k ends the session; the program exits cleanly.
func TestE2EQuitEnds(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	tm := newTmux(t)
	id := tm.startSession(d.id)
	p := tm.startWatched("a", 80, 24, "present")
	p.waitCounter(1, d.total())

	p.send("q")
	waitFor(t, p, quitAskVI, waitTimeout)
	p.send("k")
	if status := p.waitExit(); status != "0" {
		t.Errorf("exit status %q after q k, want 0; screen:\n%s", status, frame(p.screen()))
	}
	list := tm.sessions()
	if len(list) != 1 || list[0].ID != id || list[0].Open || list[0].Ended == nil {
		t.Fatalf("after q k: %+v; want session %s ended", list, id)
	}
}

// TestE2EQuitKeepsOpen: esc backs out of the question; q then m leaves with the session open,
// and present resumes it.
func TestE2EQuitKeepsOpen(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	id := tm.startSession(d.id)
	p := tm.startWatched("a", 80, 24, "present")
	p.waitCounter(1, total)

	p.send("q")
	waitFor(t, p, quitAskVI, waitTimeout)
	p.send("Escape")
	p.waitGone(quitAskVI)
	p.send("Right")
	p.waitCounter(2, total)
	tm.waitSession("slide 2 recorded", func(s sessionInfo) bool { return s.Slide == 2 })

	p.send("q")
	waitFor(t, p, quitAskVI, waitTimeout)
	p.send("m")
	if status := p.waitExit(); status != "0" {
		t.Errorf("exit status %q after q m, want 0; screen:\n%s", status, frame(p.screen()))
	}
	list := tm.sessions()
	if len(list) != 1 || list[0].ID != id || !list[0].Open || list[0].Ended != nil {
		t.Fatalf("after q m: %+v; want session %s still open", list, id)
	}

	q := tm.start("b", 80, 24, "present")
	s := q.waitCounter(2, total)
	if strings.Contains(s, formHeadingVI) {
		t.Fatalf("present with an open session shows the form:\n%s", frame(s))
	}
}

// TestE2EEnglish: --lang en speaks English.
func TestE2EEnglish(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	tm := newTmux(t)
	p := tm.start("a", 80, 24, "--lang", "en", "present", d.id)
	s := waitFor(t, p, formHeadingEN, waitTimeout)
	if strings.Contains(s, formHeadingVI) {
		t.Fatalf("English form shows Vietnamese:\n%s", frame(s))
	}
	p.send("Enter")
	s = p.waitCounter(1, d.total())
	if st := statusLine(s); !strings.Contains(st, "? help") {
		t.Fatalf("English status line %q lacks \"? help\"", st)
	}
	p.send("q")
	waitFor(t, p, "End the session?", waitTimeout)
}

// TestE2EResize: the presenter survives a window made tiny then huge, and lays the status
// line out at each new width.
func TestE2EResize(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	p := tm.start("a", 80, 24, "present")
	p.waitCounter(1, total)
	pid := p.pid()

	for _, size := range [][2]int{{40, 12}, {200, 60}} {
		w, h := size[0], size[1]
		tm.must("resize-window", "-t", p.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h))
		p.w, p.h = w, h
		if got := p.format("#{pane_width}x#{pane_height}"); got != fmt.Sprintf("%dx%d", w, h) {
			t.Fatalf("tmux pane is %s after resize-window to %dx%d", got, w, h)
		}
		re := counterRe(1, total)
		s := p.waitUntil(fmt.Sprintf("the status line laid out at %dx%d", w, h), waitTimeout, func(s string) bool {
			if rows := strings.Count(s, "\n"); rows != h {
				return false
			}
			// The counter and clock end one column before the right edge.
			last := strings.TrimRight(statusLine(s), " ")
			return re.MatchString(last) && ansi.StringWidth(last) >= w-2
		})
		if p.dead() || p.pid() != pid {
			t.Fatalf("the program died at %dx%d:\n%s", w, h, frame(s))
		}
	}
	p.send("Right")
	p.waitCounter(2, total)
}

// ---- the command line, no terminal ----

// TestCLIDeckCheckUnknownKey: deck check names the file and line of an unknown front-matter
// key and exits 1.
func TestCLIDeckCheckUnknownKey(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bad.md")
	src := "---\nid: bad-deck\ntitle: Thử\ncolour: red\n---\n\n# Trang một\n\nNội dung.\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "deck", "check", path)
	if r.code != 1 {
		t.Fatalf("deck check with an unknown key: %s; want exit 1", r)
	}
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(path) + `:4: .*colour`)
	if !re.MatchString(r.stdout + r.stderr) {
		t.Fatalf("deck check output lacks %q:\n%s", path+":4: …colour…", r)
	}
}

// TestCLIDeckRenderPipe: deck render into a pipe is plain text that fits the width.
func TestCLIDeckRenderPipe(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	r := runCLI(t, "deck", "render", d.id, "--width", "40")
	if r.code != 0 {
		t.Fatalf("deck render: %s", r)
	}
	if strings.IndexByte(r.stdout, 0x1b) >= 0 {
		i := strings.IndexByte(r.stdout, 0x1b)
		t.Errorf("deck render into a pipe prints escape codes, e.g. %q", r.stdout[max(i-20, 0):min(i+20, len(r.stdout))])
	}
	for i, line := range strings.Split(r.stdout, "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Errorf("line %d is %d columns wide, want ≤ 40: %q", i+1, w, line)
		}
	}
	if !strings.Contains(r.stdout, fmt.Sprintf("%d/%d", d.total(), d.total())) {
		t.Errorf("deck render has no separator for the last slide %d/%d", d.total(), d.total())
	}
}

// TestCLIDeckListJSON: deck list --json is valid JSON listing the shipped decks.
func TestCLIDeckListJSON(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	var list []struct {
		ID     string `json:"id"`
		Slides int    `json:"slides"`
		Errors int    `json:"errors"`
	}
	out := mustCLI(t, "--data", t.TempDir(), "deck", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("deck list --json: %v\n%s", err, out)
	}
	if len(list) < 2 {
		t.Fatalf("deck list --json has %d decks, want 2 or more:\n%s", len(list), out)
	}
	found := false
	for _, e := range list {
		if e.ID == d.id {
			found = true
			if e.Slides != d.total() || e.Errors != 0 {
				t.Errorf("deck %s: %d slides, %d errors; want %d, 0", e.ID, e.Slides, e.Errors, d.total())
			}
		}
	}
	if !found {
		t.Errorf("deck list --json lacks %s:\n%s", d.id, out)
	}
}

// TestCLIPresentUnknownDeck: present with a deck that does not exist exits 1 and names the
// decks that do.
func TestCLIPresentUnknownDeck(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	var list []struct {
		ID string `json:"id"`
	}
	out := mustCLI(t, "--data", data, "deck", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--data", data, "present", "no-such-deck")
	if r.code != 1 {
		t.Fatalf("present no-such-deck: %s; want exit 1", r)
	}
	msg := r.stdout + r.stderr
	if !strings.Contains(msg, "no-such-deck") {
		t.Errorf("the message does not name the missing deck:\n%s", r)
	}
	for _, e := range list {
		if !strings.Contains(msg, e.ID) {
			t.Errorf("the message does not name the existing deck %s:\n%s", e.ID, r)
		}
	}
}

// TestCLISessionStartTwice: session start prints the new id; a second one is refused while
// the first is open.
func TestCLISessionStartTwice(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	r := runCLI(t, "--data", data, "session", "start")
	id := strings.TrimSpace(r.stdout)
	if r.code != 0 || id == "" || strings.ContainsAny(id, " \n") {
		t.Fatalf("session start: %s; want exit 0 and one id", r)
	}
	r2 := runCLI(t, "--data", data, "session", "start")
	if r2.code != 1 {
		t.Fatalf("second session start: %s; want exit 1", r2)
	}
	if !strings.Contains(r2.stderr, id) {
		t.Errorf("the refusal does not name the open session %s:\n%s", id, r2)
	}
	var list []sessionInfo
	out := mustCLI(t, "--data", data, "session", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != id || !list[0].Open {
		t.Fatalf("session list after start, start: %+v; want the one open session %s", list, id)
	}
}
