package main

// Helpers for the end-to-end tests: the program is built once, then run as a real process,
// either plainly (CLI tests) or in a real terminal under tmux (E2E tests). Every test has its
// own data directory and its own tmux server, so tests run in parallel and never touch the
// user's tmux or data.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"briefing/decks"
	"briefing/internal/deck"
)

// waitTimeout is how long a test waits for the screen to show something. The program answers
// in well under a second; the rest is slack for a loaded 2-core machine.
const waitTimeout = 5 * time.Second

var (
	binDir    string // removed after the tests
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "briefing-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// briefingBin builds the program once (only when a test needs it) and returns its path.
func briefingBin(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		name := "briefing"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		binPath = filepath.Join(binDir, name)
		// go test puts its own GOROOT/bin first on PATH. The tests run in cmd/briefing.
		cmd := exec.Command("go", "build", "-o", binPath, "./")
		// The binary users get: no cgo (it cross-builds so; on Linux cgo
		// would also load libc at every start).
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// cleanEnv is the test's environment without what would change the program's language, data
// directory or terminal: BRIEFING_LANG unset means Vietnamese, the default.
func cleanEnv(extra ...string) []string {
	drop := map[string]bool{"BRIEFING_LANG": true, "BRIEFING_DATA": true, "TMUX": true, "TMUX_PANE": true, "NO_COLOR": true}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// cliResult is what a plain run of the program gave.
type cliResult struct {
	stdout, stderr string
	code           int
}

func (r cliResult) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s\n--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// runCLI runs the program with args, stdin empty and stdout/stderr captured (pipes, not a
// terminal), and returns what it printed and its exit code.
func runCLI(t testing.TB, args ...string) cliResult {
	t.Helper()
	return runCLIWithInput(t, "", args...)
}

// runCLIWithInput is runCLI with stdin, for commands that read it (--text -).
func runCLIWithInput(t testing.TB, stdin string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, briefingBin(t), args...)
	cmd.Env = cleanEnv()
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.Exited():
		res.code = ee.ExitCode()
	default:
		t.Fatalf("briefing %s: %v\n%s", strings.Join(args, " "), err, res)
	}
	return res
}

// mustCLI runs the program and fails the test unless it exits 0.
func mustCLI(t testing.TB, args ...string) string {
	t.Helper()
	r := runCLI(t, args...)
	if r.code != 0 {
		t.Fatalf("briefing %s: %s", strings.Join(args, " "), r)
	}
	return r.stdout
}

// testDeck is the deck the E2E tests present, read from the same embedded files the binary
// carries, so slide counts, titles and pause steps follow the content.
type testDeck struct {
	id     string
	title  string
	titles []string // slide titles, 0-based
	steps  []int    // steps per slide (1 + pauses)
}

func (d testDeck) total() int { return len(d.titles) }

// findSlide is the 1-based number of the first slide whose title contains s.
func (d testDeck) findSlide(t testing.TB, s string) int {
	t.Helper()
	for i, title := range d.titles {
		if strings.Contains(title, s) {
			return i + 1
		}
	}
	t.Fatalf("deck %s has no slide titled %q; titles: %q", d.id, s, d.titles)
	return 0
}

func loadDeck(t testing.TB, id string) testDeck {
	t.Helper()
	for _, e := range deck.Library(decks.FS, "") {
		if e.Deck.Meta.ID != id {
			continue
		}
		if deck.HasErrors(e.Problems) {
			t.Fatalf("deck %s has errors: %v", id, e.Problems)
		}
		d := testDeck{id: id, title: e.Deck.Meta.Title}
		for i, s := range e.Deck.Slides {
			d.titles = append(d.titles, s.Title)
			d.steps = append(d.steps, e.Deck.StepCount(i))
		}
		return d
	}
	t.Fatalf("no embedded deck %s", id)
	return testDeck{}
}

// nq57 is the main deck of the tests.
func nq57(t testing.TB) testDeck { return loadDeck(t, "nq57-toan-van") }

// place is where the presenter is, as the user counts: slide 1-based, step 0-based.
type place struct{ slide, step int }

// next and prev are what the keys must do, as the design says: a pause step is revealed
// before the slide changes; going back from a slide's first step lands on the previous slide
// fully revealed, as PowerPoint does.
func (d testDeck) next(p place) place {
	switch {
	case p.step+1 < d.steps[p.slide-1]:
		return place{p.slide, p.step + 1}
	case p.slide < d.total():
		return place{p.slide + 1, 0}
	}
	return p
}

func (d testDeck) prev(p place) place {
	switch {
	case p.step > 0:
		return place{p.slide, p.step - 1}
	case p.slide > 1:
		return place{p.slide - 1, d.steps[p.slide-2] - 1}
	}
	return p
}

// jumped is where typing N enter lands, for a slide without pause steps. (Where it lands on
// a slide with steps is not settled: slides.Jump says fully revealed, the presenter shows
// the first step. The tests only jump to slides without steps.)
func (d testDeck) jumped(t testing.TB, n int) place {
	t.Helper()
	if d.steps[n-1] != 1 {
		t.Fatalf("test bug: jump to slide %d, which has %d steps", n, d.steps[n-1])
	}
	return place{n, 0}
}

// sessionInfo is the part of session list/show --json the tests read.
type sessionInfo struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	DeckID string     `json:"deck_id"`
	Slides int        `json:"slides"`
	Slide  int        `json:"slide"`
	Open   bool       `json:"open"`
	Ended  *time.Time `json:"ended_at"`
}

// ---- tmux ----

// needTmux skips the test when tmux is missing, except in CI, where that is a failure.
func needTmux(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux not installed, and CI requires the end-to-end tests: %v", err)
		}
		t.Skipf("tmux not installed: %v", err)
	}
	return path
}

var socketSeq atomic.Int64

// tmuxServer is one test's tmux server and data directory. Each window the test opens is its
// own tmux session on that server, so each has its own size.
type tmuxServer struct {
	t      *testing.T
	tmux   string
	socket string
	conf   string
	bin    string
	data   string // the program's --data
	tmp    string // the tmux config and exit-status files
}

// newTmux starts nothing yet: the server starts with the first window, and is killed (with
// every process in it) when the test ends.
func newTmux(t *testing.T) *tmuxServer {
	t.Helper()
	// Both directories are made before the cleanup that kills the server is registered, so
	// they are removed after it, when no program can write to them any more.
	tm := &tmuxServer{t: t, tmux: needTmux(t), bin: briefingBin(t), data: t.TempDir(), tmp: t.TempDir()}
	tm.socket = fmt.Sprintf("briefing-e2e-%d-%d", os.Getpid(), socketSeq.Add(1))
	// A config of our own: the user's ~/.tmux.conf must not change keys, sizes or shells.
	// remain-on-exit keeps a pane after its process ends, so a test can read the last screen
	// and tell a crash from a clean exit.
	tm.conf = filepath.Join(tm.tmp, "tmux.conf")
	conf := "set -g remain-on-exit on\nset -g status off\nset -g default-shell /bin/sh\nset -sg escape-time 0\nset -g history-limit 200\n"
	if err := os.WriteFile(tm.conf, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tm.kill)
	return tm
}

// run runs a tmux command on this test's server.
func (tm *tmuxServer) run(args ...string) (string, error) {
	full := append([]string{"-u", "-L", tm.socket, "-f", tm.conf}, args...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, tm.tmux, full...)
	cmd.Env = cleanEnv("LANG=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

func (tm *tmuxServer) must(args ...string) string {
	tm.t.Helper()
	out, err := tm.run(args...)
	if err != nil {
		tm.t.Fatal(err)
	}
	return out
}

// kill ends the server and waits until the programs it ran are gone, so that the data
// directory is not written to while it is removed.
func (tm *tmuxServer) kill() {
	out, err := tm.run("list-panes", "-a", "-F", "#{pane_pid} #{socket_path}")
	if err != nil {
		return // no server: no window was ever opened, or it is gone already
	}
	var pids []int
	var socket string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f, path, _ := strings.Cut(line, " ")
		socket = path
		if pid, err := strconv.Atoi(f); err == nil && pid > 0 {
			pids = append(pids, pid)
		}
	}
	tm.run("kill-server")
	if socket != "" {
		os.Remove(socket) // tmux leaves it behind
	}
	deadline := time.Now().Add(3 * time.Second)
	for _, pid := range pids {
		for !processGone(pid) {
			if time.Now().After(deadline) {
				if proc, err := os.FindProcess(pid); err == nil {
					proc.Kill() // only our own pane's process, by its id
				}
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// processGone reports whether pid has exited (a zombie counts as exited).
func processGone(pid int) bool {
	proc, err := os.FindProcess(pid)
	if err != nil || proc.Signal(syscall.Signal(0)) != nil {
		return true
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return runtime.GOOS == "linux"
	}
	// pid (comm) S ...: the state follows the last ')'.
	s := string(stat)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] == 'Z'
	}
	return false
}

// shellQuote quotes s for /bin/sh.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:@,+", r))
	}) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// pane is one window running the program.
type pane struct {
	tm       *tmuxServer
	t        *testing.T
	name     string
	w, h     int
	marks    int    // barriers so far
	exitFile string // where the wrapper shell writes the exit status, "" when started with exec
}

// start opens a window of w×h columns running "briefing --data D args...", with
// BRIEFING_LANG unset and TERM=xterm-256color. The program is started with exec, so the
// pane's process IS the program.
func (tm *tmuxServer) start(name string, w, h int, args ...string) *pane {
	tm.t.Helper()
	p := &pane{tm: tm, t: tm.t, name: name, w: w, h: h}
	tm.must("new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-s", name, "exec "+tm.commandLine(args))
	return p
}

// startWatched is start for a test that checks the exit status: a shell runs the program and
// writes its status to a file. (tmux's own #{pane_dead_status} is not reliable: a tmux built
// with libutempter can lose the SIGCHLD of a pane that exits as its terminal closes, and
// then never learns the status.)
func (tm *tmuxServer) startWatched(name string, w, h int, args ...string) *pane {
	tm.t.Helper()
	p := &pane{tm: tm, t: tm.t, name: name, w: w, h: h, exitFile: filepath.Join(tm.tmp, name+".exit")}
	cmd := tm.commandLine(args) + "; echo $? >" + shellQuote(p.exitFile+".tmp") + " && mv " +
		shellQuote(p.exitFile+".tmp") + " " + shellQuote(p.exitFile)
	tm.must("new-session", "-d", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), "-s", name, cmd)
	return p
}

func (tm *tmuxServer) commandLine(args []string) string {
	words := []string{"env", "-u", "BRIEFING_LANG", "-u", "BRIEFING_DATA", "TERM=xterm-256color",
		shellQuote(tm.bin), "--data", shellQuote(tm.data)}
	for _, a := range args {
		words = append(words, shellQuote(a))
	}
	return strings.Join(words, " ")
}

// sessions is session list --json on this test's data directory.
func (tm *tmuxServer) sessions() []sessionInfo {
	tm.t.Helper()
	var list []sessionInfo
	out := mustCLI(tm.t, "--data", tm.data, "session", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		tm.t.Fatalf("session list --json: %v\n%s", err, out)
	}
	return list
}

// startSession opens a session without the TUI (session start) and returns its id, so
// that "present" resumes it with no form.
func (tm *tmuxServer) startSession(deckID string) string {
	tm.t.Helper()
	id := strings.TrimSpace(mustCLI(tm.t, "--data", tm.data, "session", "start", deckID))
	if id == "" || strings.ContainsAny(id, " \n") {
		tm.t.Fatalf("session start printed %q, want one id", id)
	}
	return id
}

// waitSession polls session list --json until ok holds for the newest session.
func (tm *tmuxServer) waitSession(what string, ok func(sessionInfo) bool) sessionInfo {
	tm.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	var last []sessionInfo
	for {
		last = tm.sessions()
		if len(last) > 0 && ok(last[0]) {
			return last[0]
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("timed out after %v waiting for the session: %s; session list --json: %+v", waitTimeout, what, last)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// screen is what the pane shows now, one string line per row.
func (p *pane) screen() string {
	p.t.Helper()
	return p.tm.must("capture-pane", "-p", "-t", p.name)
}

// send presses keys, in tmux's names (Right, Enter, Escape, BSpace, Space, "q"...).
func (p *pane) send(keys ...string) {
	p.t.Helper()
	p.tm.must(append([]string{"send-keys", "-t", p.name}, keys...)...)
}

// typeText types text literally.
func (p *pane) typeText(s string) {
	p.t.Helper()
	p.tm.must("send-keys", "-t", p.name, "-l", s)
}

// format reads a tmux format of the pane, such as #{pane_pid}.
func (p *pane) format(f string) string {
	p.t.Helper()
	return strings.TrimSpace(p.tm.must("list-panes", "-t", p.name, "-F", f))
}

func (p *pane) pid() int {
	p.t.Helper()
	pid, err := strconv.Atoi(p.format("#{pane_pid}"))
	if err != nil || pid <= 0 {
		p.t.Fatalf("pane %s: no pid (%v)", p.name, err)
	}
	return pid
}

// dead reports whether the program has exited (its terminal is closed).
func (p *pane) dead() bool {
	p.t.Helper()
	return p.format("#{pane_dead}") == "1"
}

// waitExit waits until the program has exited. For a pane from startWatched it returns the
// exit status; otherwise "" (see startWatched).
func (p *pane) waitExit() string {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		if p.exitFile != "" {
			if b, err := os.ReadFile(p.exitFile); err == nil {
				return strings.TrimSpace(string(b))
			}
		} else if p.dead() {
			return ""
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("pane %s: the program did not exit within %v; screen:\n%s", p.name, waitTimeout, frame(p.screen()))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitUntil polls the screen every 50 ms until ok holds, and fails with the last screen. It is
// the one loop that waits for a frame: waitFor, waitGone, waitCounter and barrier are
// conditions on it. A test waits for what the screen shows, never for a wall-clock bound:
// latency is measured by benchmarks, as a loaded machine makes any bound here flaky.
func (p *pane) waitUntil(what string, timeout time.Duration, ok func(screen string) bool) string {
	p.t.Helper()
	deadline := time.Now().Add(timeout)
	for i := 1; ; i++ {
		s := p.screen()
		if ok(s) {
			return s
		}
		// A program that has exited will not draw the screen we wait for: fail at once.
		dead := i%5 == 0 && p.dead()
		if dead {
			if s = p.screen(); ok(s) {
				return s
			}
		}
		if dead || time.Now().After(deadline) {
			extra := ""
			if dead || p.dead() {
				extra = " (the program has exited)"
			}
			p.t.Fatalf("pane %s (%dx%d): gave up after %v waiting for %s%s; last screen:\n%s",
				p.name, p.w, p.h, time.Since(deadline.Add(-timeout)).Round(time.Millisecond), what, extra, frame(s))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFor waits until the screen contains substr.
func waitFor(t *testing.T, p *pane, substr string, timeout time.Duration) string {
	t.Helper()
	return p.waitUntil(fmt.Sprintf("%q", substr), timeout, func(s string) bool { return strings.Contains(s, substr) })
}

// waitGone waits until the screen no longer contains substr.
func (p *pane) waitGone(substr string) string {
	p.t.Helper()
	return p.waitUntil(fmt.Sprintf("%q to go away", substr), waitTimeout, func(s string) bool { return !strings.Contains(s, substr) })
}

// frame draws a screen with a border, so blank lines and trailing spaces show in a failure.
func frame(s string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("|" + l + "\n")
	}
	return b.String()
}

// statusLine is the presenter's status line: the screen's last row.
func statusLine(screen string) string {
	rows := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
	return rows[len(rows)-1]
}

// counterRe matches the slide counter "n/total", not as part of a longer number.
func counterRe(n, total int) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`(^|[^0-9])%d/%d([^0-9]|$)`, n, total))
}

// waitCounter waits until the presenter's status line shows slide n of total.
func (p *pane) waitCounter(n, total int) string {
	p.t.Helper()
	re := counterRe(n, total)
	return p.waitUntil(fmt.Sprintf("the status line to show %d/%d", n, total), waitTimeout,
		func(s string) bool { return re.MatchString(statusLine(s)) })
}

// barrier returns the screen once every key sent before it has been handled. It types a
// slide number (different at each call) without enter, waits until the status line echoes
// it, and takes it back with backspace. Keys are handled in order, so the screen it returns
// shows where the earlier keys led, even when they did not change the counter.
func (p *pane) barrier() string {
	p.t.Helper()
	p.marks++
	digits := strconv.Itoa(p.marks)
	p.typeText(digits)
	re := regexp.MustCompile(`: ` + digits + ` \(enter\)`)
	s := p.waitUntil(fmt.Sprintf("the jump prompt to echo %s", digits), waitTimeout,
		func(s string) bool { return re.MatchString(statusLine(s)) })
	p.send("BSpace")
	return s
}

// assertCounter checks, after a barrier, that the status line shows slide n of total.
func (p *pane) assertCounter(what string, n, total int) {
	p.t.Helper()
	s := p.barrier()
	if !counterRe(n, total).MatchString(statusLine(s)) {
		p.t.Fatalf("%s: want slide %d/%d on the status line; screen:\n%s", what, n, total, frame(s))
	}
}
