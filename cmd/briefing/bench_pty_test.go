//go:build linux

package main

// BenchmarkPresenterPTY measures the presenter as its user meets it: the real binary in a
// pseudo-terminal of 120x40, the terminal's queries answered, timed by a marker word on each
// slide. It reports what the Go benchmarks cannot see (process start, package
// initialisation, the renderer's frame pacing, the whole heap, the polls of an idle window):
//
//	first-frame-ms  start of the process -> the first slide's marker on the terminal,
//	                the median of startRuns starts (one start is noisy on a shared machine)
//	empty-go-ms     start -> end of a Go program that does nothing (testdata/emptyprog),
//	                the median of startRuns: the host's own start cost at that moment,
//	                against which to read first-frame-ms (it moved by 20 % in an hour)
//	key-ms          median of key (→) -> the next slide's marker, over keyPresses presses
//	key-p90-ms      the 90th percentile of the same
//	peak-MB         the process's peak resident memory (VmHWM)
//	anon-MB         its private memory at the end (RssAnon: heap, stacks); the rest of
//	                VmHWM is the binary's clean pages, shared and reclaimable
//	idle-cpu-%      the process's CPU time over idleWindow with nothing pressed
//
// for generated Vietnamese decks of 200 and 2,000 slides, both in the data directory. Linux
// only (/proc). Run it once with
//
//	go test -run '^$' -bench BenchmarkPresenterPTY -benchtime 1x ./cmd/briefing/
//
// One start's peak memory moves by about 0.4 MB with the garbage collector's timing. To
// compare two builds on it, -pty.quick measures only the first frame, the keys and the peak
// after them (one start, no idle window: about 2 s), and -benchtime 10x averages ten:
//
//	go test -run '^$' -bench 'BenchmarkPresenterPTY/slides=200$' -benchtime 10x ./cmd/briefing/ -pty.quick

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"briefing/internal/deck"
	"briefing/internal/session"
	"briefing/internal/store"

	"github.com/creack/pty"
)

var ptyQuick = flag.Bool("pty.quick", false, "BenchmarkPresenterPTY: one start, no idle window (peak memory over many runs)")

const (
	ptyCols, ptyRows = 120, 40
	keyPresses       = 40
	startRuns        = 7
	idleSettle       = 2 * time.Second
	idleWindow       = 15 * time.Second
)

// markers are written on slides in turn (slide i carries markers[i%3]): no two have the same
// letter at the same place, and none repeats a letter, so a renderer that writes only the
// cells that changed still writes a slide's marker whole.
var markers = [3]string{"QUAXEMIT", "ZEVOKIRA", "XIBUDOLE"}

// benchDeck is a Vietnamese deck of n slides, each with its marker.
func benchDeck(id string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\nid: %s\ntitle: Bộ đo %d trang\nversion: \"1\"\nlang: vi\nduration: 45\n---\n", id, n)
	for i := range n {
		if i > 0 {
			b.WriteString("\n---\n")
		}
		fmt.Fprintf(&b, "\n## Trang %d: Đột phá phát triển khoa học, công nghệ\n\n%s\n\n", i+1, markers[i%3])
		b.WriteString("- Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu\n")
		b.WriteString("- Người dân và doanh nghiệp là trung tâm, là chủ thể\n")
		b.WriteString("- Kinh tế số đạt tối thiểu **30% GDP** vào năm 2030\n\n")
		b.WriteString("> Thực hiện nghiêm túc, quyết liệt, đồng bộ các nhiệm vụ, giải pháp.\n\n")
		b.WriteString("???\nGhi chú cho báo cáo viên: đọc chậm, nhấn mạnh các con số.\n")
	}
	return []byte(b.String())
}

func BenchmarkPresenterPTY(b *testing.B) {
	if testing.Short() {
		b.Skip("about 25 s: .ci/run runs it once on its own, without -short")
	}
	bin := briefingBin(b)
	empty := buildEmptyProg(b)
	decks := map[int][]byte{200: benchDeck("do200", 200), 2000: benchDeck("do2000", 2000)}
	for _, n := range []int{200, 2000} {
		b.Run(fmt.Sprintf("slides=%d", n), func(b *testing.B) {
			var first, median, p90, peak, anon, idle []float64
			for b.Loop() {
				dir := b.TempDir()
				if err := os.MkdirAll(filepath.Join(dir, "decks"), 0o755); err != nil {
					b.Fatal(err)
				}
				for k, src := range decks {
					if err := os.WriteFile(filepath.Join(dir, "decks", fmt.Sprintf("do%d.md", k)), src, 0o644); err != nil {
						b.Fatal(err)
					}
				}
				startBenchSession(b, dir, decks[n])
				r := runPresenter(b, bin, dir, n)
				first, median, p90 = append(first, r.first), append(median, r.keyMedian), append(p90, r.keyP90)
				peak, anon, idle = append(peak, r.peakMB), append(anon, r.anonMB), append(idle, r.idleCPU)
			}
			b.ReportMetric(mean(first), "first-frame-ms")
			b.ReportMetric(emptyStart(b, empty), "empty-go-ms")
			b.ReportMetric(mean(median), "key-ms")
			b.ReportMetric(mean(p90), "key-p90-ms")
			b.ReportMetric(mean(peak), "peak-MB")
			b.ReportMetric(mean(anon), "anon-MB")
			if !*ptyQuick {
				b.ReportMetric(mean(idle), "idle-cpu-%")
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

// buildEmptyProg builds testdata/emptyprog, a Go program that does nothing, as the
// presenter is built (no cgo).
func buildEmptyProg(b *testing.B) string {
	out := filepath.Join(b.TempDir(), "emptyprog")
	cmd := exec.Command("go", "build", "-o", out, "./testdata/emptyprog")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build emptyprog: %v\n%s", err, msg)
	}
	return out
}

// emptyStart is the median time of startRuns starts of the empty program to its end: what
// starting any Go program costs on this host at this moment. The first frame moves with it
// (a busy host made it 20 % slower), and it says how to read a first frame.
func emptyStart(b *testing.B, empty string) float64 {
	var runs []float64
	for range startRuns {
		at := time.Now()
		if err := exec.Command(empty).Run(); err != nil {
			b.Fatal(err)
		}
		runs = append(runs, ms(time.Since(at)))
	}
	slices.Sort(runs)
	return runs[len(runs)/2]
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

// startBenchSession opens a session of src through the session service, as a deck that came
// from the hub would be: deck.MaxSlides (500) keeps `session start` from taking a 2,000-slide
// file, while the presenter shows whatever deck a session stored.
func startBenchSession(b *testing.B, dir string, src []byte) {
	d, _ := deck.Parse("do.md", src)
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ref := session.DeckRef{ID: d.Meta.ID, Version: d.Version, Title: d.Meta.Title, Slides: len(d.Slides),
		DurationMin: d.Meta.Duration, Source: string(src)}
	if _, err := session.New(st, nil).Start(context.Background(), ref, session.Info{Title: "Đo tốc độ"}); err != nil {
		b.Fatal(err)
	}
}

type ptyResult struct {
	first, keyMedian, keyP90, peakMB, anonMB, idleCPU float64
}

// runPresenter runs `briefing present` in a pseudo-terminal on the open session of an
// n-slide deck and measures it.
func runPresenter(b *testing.B, bin, dir string, n int) ptyResult {
	starts := startRuns
	if *ptyQuick {
		starts = 1
	}
	var firsts []float64
	for range starts - 1 {
		firsts = append(firsts, firstFrame(b, bin, dir))
	}
	r := measurePresenter(b, bin, dir, n)
	firsts = append(firsts, r.first)
	slices.Sort(firsts)
	r.first = firsts[len(firsts)/2]
	return r
}

// presenter is `briefing present` started in a pseudo-terminal, shown its first slide.
type presenter struct {
	cmd   *exec.Cmd
	tty   *os.File
	term  *fakeTerm
	first float64 // ms from the start to the first slide on the terminal
}

func startPresenter(b *testing.B, bin, dir string) *presenter {
	cmd := exec.Command(bin, "--data", dir, "present")
	cmd.Env = append(cleanEnv(), "TERM=xterm-256color", "COLORTERM=truecolor")
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: ptyCols, Rows: ptyRows})
	if err != nil {
		b.Fatal(err)
	}
	p := &presenter{cmd: cmd, tty: tty, term: newFakeTerm(tty)}
	go p.term.read()
	if _, err := p.term.waitFor(markers[0], 0, 10*time.Second); err != nil {
		p.stop()
		b.Fatalf("first slide: %v\n%s", err, p.term.tail())
	}
	p.first = ms(time.Since(start))
	return p
}

func (p *presenter) stop() {
	_ = p.cmd.Process.Kill()
	_ = p.cmd.Wait()
	p.tty.Close()
}

// firstFrame starts the presenter, waits for its first slide and ends it.
func firstFrame(b *testing.B, bin, dir string) float64 {
	p := startPresenter(b, bin, dir)
	p.stop()
	return p.first
}

// measurePresenter is one start measured whole: first frame, keys, memory, idle.
func measurePresenter(b *testing.B, bin, dir string, n int) ptyResult {
	p := startPresenter(b, bin, dir)
	defer p.stop()
	cmd, tty, term := p.cmd, p.tty, p.term
	r := ptyResult{first: p.first}

	var lat []float64
	for i := range min(keyPresses, n-1) {
		// An uneven pause between presses, as a hand gives, so that presses do not fall in
		// step with a renderer's frame ticks.
		time.Sleep(time.Duration(20+(i*7)%23) * time.Millisecond)
		from := term.len()
		at := time.Now()
		if _, err := tty.Write([]byte("\x1b[C")); err != nil {
			b.Fatal(err)
		}
		if _, err := term.waitFor(markers[(i+1)%3], from, 10*time.Second); err != nil {
			b.Fatalf("slide %d: %v\n%s", i+2, err, term.tail())
		}
		lat = append(lat, ms(time.Since(at)))
	}
	slices.Sort(lat)
	r.keyMedian = lat[len(lat)/2]
	r.keyP90 = lat[len(lat)*9/10]

	if *ptyQuick {
		time.Sleep(300 * time.Millisecond) // the last slide's neighbours rendered
		r.peakMB = procStatusMB(b, cmd.Process.Pid, "VmHWM:")
		r.anonMB = procStatusMB(b, cmd.Process.Pid, "RssAnon:")
		return r
	}
	time.Sleep(idleSettle)
	cpu0 := procCPU(b, cmd.Process.Pid)
	t0 := time.Now()
	time.Sleep(idleWindow)
	cpu1 := procCPU(b, cmd.Process.Pid)
	r.idleCPU = 100 * (cpu1 - cpu0).Seconds() / time.Since(t0).Seconds()
	r.peakMB = procStatusMB(b, cmd.Process.Pid, "VmHWM:")
	r.anonMB = procStatusMB(b, cmd.Process.Pid, "RssAnon:")
	return r
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// procCPU is the user and system time a process has used (/proc/PID/stat, in clock ticks of
// 1/100 s on Linux).
func procCPU(b *testing.B, pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatal(err)
	}
	// The command name (field 2) may hold spaces: count fields after its closing paren.
	f := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// procStatusMB is a memory figure of /proc/PID/status (VmHWM, RssAnon) in MB.
func procStatusMB(b *testing.B, pid int, field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	b.Fatal("no " + field)
	return 0
}

// fakeTerm reads what the program writes to its terminal, keeps the text with escape
// sequences taken out (a marker is found in it whatever colours or cursor moves surround
// it) and answers the queries a terminal answers.
type fakeTerm struct {
	tty *os.File

	mu    sync.Mutex
	text  []byte
	grown chan struct{} // closed and replaced when text grows
	done  bool

	// the escape sequence being read
	state int // 0 text, 1 after ESC, 2 CSI, 3 OSC/DCS string, 4 ESC in a string
	seq   []byte
}

func newFakeTerm(tty *os.File) *fakeTerm { return &fakeTerm{tty: tty, grown: make(chan struct{})} }

func (t *fakeTerm) read() {
	buf := make([]byte, 64<<10)
	for {
		n, err := t.tty.Read(buf)
		t.mu.Lock()
		for _, c := range buf[:n] {
			t.feed(c)
		}
		close(t.grown)
		t.grown = make(chan struct{})
		if err != nil {
			t.done = true
		}
		t.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// feed takes one byte; called with mu held.
func (t *fakeTerm) feed(c byte) {
	switch t.state {
	case 0:
		if c == 0x1b {
			t.state, t.seq = 1, t.seq[:0]
		} else if c >= 0x20 || c == '\n' {
			t.text = append(t.text, c)
		}
	case 1:
		switch c {
		case '[':
			t.state = 2
		case ']', 'P', '_', '^', 'X':
			t.state = 3
			t.seq = append(t.seq, c)
		default:
			t.state = 0
		}
	case 2:
		t.seq = append(t.seq, c)
		if c >= 0x40 && c <= 0x7e {
			t.answerCSI(string(t.seq))
			t.state = 0
		}
	case 3:
		switch c {
		case 0x07:
			t.answerString(string(t.seq))
			t.state = 0
		case 0x1b:
			t.state = 4
		default:
			t.seq = append(t.seq, c)
		}
	case 4:
		if c == '\\' {
			t.answerString(string(t.seq))
			t.state = 0
		} else {
			t.seq = append(t.seq, 0x1b, c)
			t.state = 3
		}
	}
}

func (t *fakeTerm) reply(s string) { go t.tty.Write([]byte(s)) }

// answerCSI answers a terminal query sent as CSI seq.
func (t *fakeTerm) answerCSI(seq string) {
	switch {
	case seq == "c" || seq == "0c": // primary device attributes
		t.reply("\x1b[?62;22c")
	case seq == ">c" || seq == ">0c":
		t.reply("\x1b[>1;10;0c")
	case seq == "6n" || seq == "?6n": // cursor position
		t.reply("\x1b[1;1R")
	case seq == "?u": // kitty keyboard flags
		t.reply("\x1b[?0u")
	case seq == ">q" || seq == ">0q": // XTVERSION
		t.reply("\x1bP>|bench-pty(1)\x1b\\")
	case strings.HasSuffix(seq, "$p") && strings.HasPrefix(seq, "?"): // DECRQM
		t.reply("\x1b[" + strings.TrimSuffix(seq, "$p") + ";2$y")
	case seq == "14t":
		t.reply(fmt.Sprintf("\x1b[4;%d;%dt", ptyRows*16, ptyCols*8))
	case seq == "16t":
		t.reply("\x1b[6;16;8t")
	case seq == "18t":
		t.reply(fmt.Sprintf("\x1b[8;%d;%dt", ptyRows, ptyCols))
	}
}

// answerString answers an OSC query (colours).
func (t *fakeTerm) answerString(seq string) {
	switch seq {
	case "]10;?":
		t.reply("\x1b]10;rgb:d0d0/d0d0/d0d0\x1b\\")
	case "]11;?":
		t.reply("\x1b]11;rgb:1c1c/1c1c/1c1c\x1b\\")
	case "]12;?":
		t.reply("\x1b]12;rgb:d0d0/d0d0/d0d0\x1b\\")
	}
}

func (t *fakeTerm) len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.text)
}

// waitFor waits until s shows in the text after offset from; it returns where.
func (t *fakeTerm) waitFor(s string, from int, timeout time.Duration) (int, error) {
	deadline := time.After(timeout)
	for {
		t.mu.Lock()
		if i := bytes.Index(t.text[min(from, len(t.text)):], []byte(s)); i >= 0 {
			t.mu.Unlock()
			return from + i, nil
		}
		grown, done := t.grown, t.done
		t.mu.Unlock()
		if done {
			return 0, fmt.Errorf("the program ended before showing %q", s)
		}
		select {
		case <-grown:
		case <-deadline:
			return 0, fmt.Errorf("%q not shown in %v", s, timeout)
		}
	}
}

func (t *fakeTerm) tail() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.text[max(len(t.text)-2000, 0):])
}
