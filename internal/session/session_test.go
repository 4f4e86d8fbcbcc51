package session

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"briefing/internal/store"
)

var nq57 = DeckRef{ID: "nq57-tong-quan", Version: "sha256-0123abcd", Title: "Nghị quyết 57", Slides: 10, DurationMin: 45}

var info = Info{Title: "Tuyên truyền NQ57", Unit: "Phường 3", Venue: "Hội trường UBND", Form: "trực tiếp", Rapporteur: "Nguyễn Văn A"}

// clock is an injected clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func openStore(t testing.TB, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newService(t testing.TB) (*Service, *store.Store, *clock) {
	t.Helper()
	st := openStore(t, t.TempDir())
	c := newClock()
	return New(st, c.now), st, c
}

func start(t testing.TB, s *Service) Session {
	t.Helper()
	session, err := s.Start(context.Background(), nq57, info)
	if err != nil {
		t.Fatal(err)
	}
	return session
}

func goTo(t testing.TB, s *Service, id string, slide, step int) {
	t.Helper()
	if err := s.GoTo(context.Background(), id, slide, step); err != nil {
		t.Fatal(err)
	}
}

func TestStartCurrentGoToEnd(t *testing.T) {
	ctx := context.Background()
	s, _, clk := newService(t)
	t0 := clk.now()

	if cur, err := s.Current(ctx); err != nil || cur != nil {
		t.Fatalf("Current before start = %v, %v", cur, err)
	}
	started := start(t, s)
	if started.Deck != nq57 || started.Info != info || !started.StartedAt.Equal(t0) ||
		started.EndedAt != nil || started.Slide != 0 || started.Step != 0 || !started.PositionAt.Equal(t0) {
		t.Errorf("started = %+v", started)
	}
	cur, err := s.Current(ctx)
	if err != nil || cur == nil || cur.ID != started.ID {
		t.Fatalf("Current = %+v, %v", cur, err)
	}

	clk.advance(30 * time.Second)
	goTo(t, s, started.ID, 4, 1)
	pos, err := s.Position(ctx, started.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Position{Slide: 4, Step: 1, At: t0.Add(30 * time.Second)}); !pos.At.Equal(want.At) ||
		pos.Slide != want.Slide || pos.Step != want.Step || pos.Ended {
		t.Errorf("Position = %+v, want %+v", pos, want)
	}

	clk.advance(time.Minute)
	if err := s.End(ctx, started.ID); err != nil {
		t.Fatal(err)
	}
	if pos, _ := s.Position(ctx, started.ID); !pos.Ended || pos.Slide != 4 {
		t.Errorf("Position after End = %+v", pos)
	}
	if cur, err := s.Current(ctx); err != nil || cur != nil {
		t.Errorf("Current after End = %+v, %v", cur, err)
	}
	ended, err := s.Get(ctx, started.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ended.EndedAt == nil || !ended.EndedAt.Equal(t0.Add(90*time.Second)) {
		t.Errorf("EndedAt = %v", ended.EndedAt)
	}
	if err := s.End(ctx, started.ID); !errors.Is(err, ErrEnded) {
		t.Errorf("second End: %v", err)
	}
}

func TestStartWhileOpenCarriesTheOpenSession(t *testing.T) {
	s, _, _ := newService(t)
	open := start(t, s)
	_, err := s.Start(context.Background(), nq57, Info{Title: "another"})
	if !errors.Is(err, ErrOpenSession) {
		t.Fatalf("err = %v", err)
	}
	var openErr *OpenSessionError
	if !errors.As(err, &openErr) || openErr.Session.ID != open.ID {
		t.Errorf("err = %#v", err)
	}
}

func TestStartValidatesAndDefaultsTitle(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	for _, d := range []DeckRef{{Version: "v", Slides: 1}, {ID: "d", Slides: 1}, {ID: "d", Version: "v"}} {
		if _, err := s.Start(ctx, d, info); !errors.Is(err, ErrInvalid) {
			t.Errorf("Start(%+v): %v", d, err)
		}
	}
	started, err := s.Start(ctx, nq57, Info{Unit: " Phường 3 "})
	if err != nil {
		t.Fatal(err)
	}
	if started.Info.Title != nq57.Title || started.Info.Unit != "Phường 3" {
		t.Errorf("info = %+v", started.Info)
	}
}

func TestGoToRules(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	id := start(t, s).ID
	for _, bad := range [][2]int{{-1, 0}, {nq57.Slides, 0}, {1, -1}} {
		if err := s.GoTo(ctx, id, bad[0], bad[1]); !errors.Is(err, ErrInvalid) {
			t.Errorf("GoTo(%v): %v", bad, err)
		}
	}
	if err := s.GoTo(ctx, "0000", 1, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("GoTo unknown: %v", err)
	}
	goTo(t, s, id, nq57.Slides-1, 0)
	if err := s.End(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.GoTo(ctx, id, 1, 0); !errors.Is(err, ErrEnded) {
		t.Errorf("GoTo on ended session: %v", err)
	}
}

func TestTimeline(t *testing.T) {
	ctx := context.Background()
	s, _, clk := newService(t)
	id := start(t, s).ID
	for _, move := range []struct {
		after       time.Duration
		slide, step int
	}{
		{10 * time.Second, 1, 0},
		{5 * time.Second, 1, 1},  // a step: same slide, same visit
		{20 * time.Second, 1, 1}, // no move: not a view
		{0, 0, 0},                // back to the title
		{3 * time.Second, 2, 0},
	} {
		clk.advance(move.after)
		goTo(t, s, id, move.slide, move.step)
	}
	clk.advance(7 * time.Second)

	open, err := s.Timeline(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []SlideTime{{0, 2, 13 * time.Second}, {1, 1, 25 * time.Second}, {2, 1, 7 * time.Second}}
	if fmt.Sprint(open) != fmt.Sprint(want) {
		t.Errorf("open timeline = %v, want %v", open, want)
	}

	if err := s.End(ctx, id); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour) // after the end, time no longer counts
	ended, err := s.Timeline(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ended) != fmt.Sprint(want) {
		t.Errorf("ended timeline = %v, want %v", ended, want)
	}
}

func TestGetByPrefixAndList(t *testing.T) {
	ctx := context.Background()
	s, _, clk := newService(t)
	first := start(t, s)
	if err := s.End(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	clk.advance(time.Hour)
	second := start(t, s)

	got, err := s.Get(ctx, strings.ToUpper(second.ID))
	if err != nil || got.ID != second.ID {
		t.Errorf("Get(full id) = %v, %v", got.ID, err)
	}
	// UUIDv7: both ids begin with nearly the same timestamp, so a short prefix
	// is shared and the random tail tells them apart.
	common := 0
	for common < len(first.ID) && first.ID[common] == second.ID[common] {
		common++
	}
	if common >= MinPrefix {
		if _, err := s.Get(ctx, second.ID[:common]); !errors.Is(err, ErrAmbiguous) {
			t.Errorf("Get(shared prefix %q): %v", second.ID[:common], err)
		}
	}
	unique := second.ID[:max(common+1, MinPrefix)]
	if got, err := s.Get(ctx, unique); err != nil || got.ID != second.ID {
		t.Errorf("Get(%q) = %v, %v", unique, got.ID, err)
	}
	if _, err := s.Get(ctx, "ffffffff"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(unknown): %v", err)
	}
	if _, err := s.Get(ctx, second.ID[:MinPrefix-1]); !errors.Is(err, ErrInvalid) {
		t.Errorf("Get(short prefix): %v", err)
	}

	list, err := s.List(ctx, 0)
	if err != nil || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID {
		t.Errorf("List = %v, %v", list, err)
	}
	if list, _ := s.List(ctx, 1); len(list) != 1 || list[0].ID != second.ID {
		t.Errorf("List(1) = %v", list)
	}
}

func TestDeviceProfileAndUnits(t *testing.T) {
	ctx := context.Background()
	s, st, _ := newService(t)
	d, err := s.Device(ctx)
	if err != nil || d.ID != st.DeviceID() || d.Name != "" {
		t.Fatalf("Device = %+v, %v", d, err)
	}
	if err := s.SetDevice(ctx, "  ", "Phường 1"); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetDevice without name: %v", err)
	}
	if err := s.SetDevice(ctx, "Máy chiếu 1", "Phường 7"); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Device(ctx); d.Name != "Máy chiếu 1" || d.Unit != "Phường 7" {
		t.Errorf("Device = %+v", d)
	}

	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := 1; i <= 15; i++ {
		want = append(want, fmt.Sprintf("Phường %d", i))
	}
	want = append(want, "Phòng Văn hóa, Khoa học và Thông tin", "Văn phòng Ủy ban nhân dân quận",
		"Ban Tuyên giáo và Dân vận Quận ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam quận Tân Bình", "Khác")
	if strings.Join(units, "|") != strings.Join(want, "|") {
		t.Errorf("Units = %q", units)
	}
}

// Each syncable write is one change: Start with a new deck writes the deck,
// the session and its first view; a move writes the session and a view; a
// non-move writes nothing; End writes the session.
func TestEveryWriteLogsOneChange(t *testing.T) {
	ctx := context.Background()
	s, st, _ := newService(t)
	count := func() int {
		changes, err := st.Changes(ctx, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(changes)
	}
	steps := []struct {
		name string
		do   func(id string) string
		want int
	}{
		{"start, new deck", func(string) string { return start(t, s).ID }, 3},
		{"move", func(id string) string { goTo(t, s, id, 2, 0); return id }, 2},
		{"no move", func(id string) string { goTo(t, s, id, 2, 0); return id }, 0},
		{"end", func(id string) string { s.End(ctx, id); return id }, 1},
		{"start, known deck", func(string) string { return start(t, s).ID }, 2},
	}
	id := ""
	for _, step := range steps {
		before := count()
		id = step.do(id)
		if got := count() - before; got != step.want {
			t.Errorf("%s: %d changes, want %d", step.name, got, step.want)
		}
	}

	changes, _ := st.Changes(ctx, 0, 0)
	for i, c := range changes {
		var payload map[string]any
		if err := json.Unmarshal(c.Payload, &payload); err != nil {
			t.Fatalf("change %d: %v", c.Seq, err)
		}
		if c.Seq != int64(i+1) || payload["id"] != c.RecordID || payload["hlc"] != c.HLC ||
			payload["origin"] != st.DeviceID() {
			t.Errorf("change %+v, payload %s", c, c.Payload)
		}
	}
	// The latest change of the session is the session as stored.
	last := changes[len(changes)-3] // the end of the first session
	var logged store.Session
	json.Unmarshal(last.Payload, &logged)
	stored, _ := st.Session(ctx, last.RecordID)
	if last.Entity != store.EntitySession || fmt.Sprint(logged) != fmt.Sprint(stored) {
		t.Errorf("logged %+v\nstored %+v", logged, stored)
	}
}

func TestResumeAfterCloseWithoutEnd(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := New(st, nil)
	id := start(t, s).ID
	goTo(t, s, id, 6, 2)
	st.Close()

	cur, err := New(openStore(t, dir), nil).Current(ctx)
	if err != nil || cur == nil || cur.ID != id || cur.Slide != 6 || cur.Step != 2 {
		t.Errorf("Current after reopen = %+v, %v", cur, err)
	}
}

// The presenting process is killed (kill -9 on Unix) right after a slide
// change; the next process resumes on that slide.
func TestResumeAfterKill(t *testing.T) {
	if dir := os.Getenv("SESSION_TEST_PRESENT_DIR"); dir != "" {
		presentUntilKilled(dir)
		return
	}
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^TestResumeAfterKill$")
	child.Env = append(os.Environ(), "SESSION_TEST_PRESENT_DIR="+dir)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	child.Stderr = os.Stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	child.Process.Kill()
	child.Wait()
	if err != nil || !strings.HasPrefix(line, "presenting ") {
		t.Fatalf("child said %q, %v", line, err)
	}
	id := strings.TrimSpace(strings.TrimPrefix(line, "presenting "))

	cur, err := New(openStore(t, dir), nil).Current(context.Background())
	if err != nil || cur == nil || cur.ID != id || cur.Slide != 5 || cur.Step != 2 {
		t.Errorf("Current after kill = %+v, %v", cur, err)
	}
}

func presentUntilKilled(dir string) {
	ctx := context.Background()
	st, err := store.Open(dir)
	if err != nil {
		fmt.Println("error", err)
		return
	}
	s := New(st, nil)
	started, err := s.Start(ctx, nq57, info)
	for slide := 1; slide <= 5 && err == nil; slide++ {
		err = s.GoTo(ctx, started.ID, slide, 0)
	}
	if err == nil {
		err = s.GoTo(ctx, started.ID, 5, 2)
	}
	if err != nil {
		fmt.Println("error", err)
		return
	}
	fmt.Println("presenting", started.ID)
	time.Sleep(time.Minute) // until killed
}

// A slide change in one process is seen by the other's next poll.
func TestPositionSeenByAnotherProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	presenter, follower := New(openStore(t, dir), nil), New(openStore(t, dir), nil)
	id := start(t, presenter).ID
	if _, err := follower.Position(ctx, id); err != nil { // a poll before the move
		t.Fatal(err)
	}
	goTo(t, presenter, id, 3, 0)
	if pos, err := follower.Position(ctx, id); err != nil || pos.Slide != 3 {
		t.Errorf("follower sees %+v, %v", pos, err)
	}
	goTo(t, follower, id, 4, 0) // the follower drives too
	if pos, err := presenter.Position(ctx, id); err != nil || pos.Slide != 4 {
		t.Errorf("presenter sees %+v, %v", pos, err)
	}
}

// Two stores on one file behave like two processes: presenter and follower
// both drive the session, start and end it, while a third goroutine polls.
func TestTwoProcessesWriteConcurrently(t *testing.T) {
	if testing.Short() {
		t.Skip("runs for a second")
	}
	ctx := context.Background()
	dir := t.TempDir()
	a, b := openStore(t, dir), openStore(t, dir)
	services := []*Service{New(a, nil), New(b, nil)}
	deadline := time.Now().Add(time.Second)

	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	writes := make([]int, 4)
	slowest := make([]time.Duration, 4)
	for g := range writes {
		s := services[g%2]
		rng := rand.New(rand.NewPCG(uint64(g), 57))
		wg.Go(func() {
			for time.Now().Before(deadline) {
				began := time.Now()
				if err := randomWrite(ctx, s, rng); err != nil {
					fail(fmt.Errorf("writer %d: %w", g, err))
					return
				}
				writes[g]++
				slowest[g] = max(slowest[g], time.Since(began))
				// Far faster than people, but a pause: writers that never
				// pause keep the lock within one process and starve the other.
				time.Sleep(5 * time.Millisecond)
			}
		})
	}
	polls := 0
	wg.Go(func() {
		for time.Now().Before(deadline) {
			cur, err := services[1].Current(ctx)
			if err == nil && cur != nil {
				_, err = services[1].Position(ctx, cur.ID)
			}
			if err != nil && !errors.Is(err, ErrNotFound) {
				fail(fmt.Errorf("poller: %w", err))
				return
			}
			polls++
			time.Sleep(10 * time.Millisecond)
		}
	})
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}

	changes, err := a.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("writes per goroutine %v, slowest %v, %d polls, %d changes", writes, slowest, polls, len(changes))
	for i, c := range changes {
		if c.Seq != int64(i+1) {
			t.Fatalf("change %d has seq %d", i+1, c.Seq)
		}
		if i > 0 && c.HLC <= changes[i-1].HLC {
			t.Fatalf("seq %d hlc %s not after %s", c.Seq, c.HLC, changes[i-1].HLC)
		}
		if !json.Valid(c.Payload) {
			t.Fatalf("seq %d payload %s", c.Seq, c.Payload)
		}
	}
	sessions, _ := services[0].List(ctx, 0)
	open := 0
	for _, s := range sessions {
		if s.EndedAt == nil {
			open++
		}
	}
	if open > 1 || len(changes) < 10 {
		t.Errorf("%d open sessions of %d, %d changes", open, len(sessions), len(changes))
	}
}

// randomWrite does what a user of either window might: start a session if
// none is open, otherwise mostly move, sometimes end. Losing a race to the
// other process is fine; any other error is not.
func randomWrite(ctx context.Context, s *Service, rng *rand.Rand) error {
	cur, err := s.Current(ctx)
	if err != nil {
		return err
	}
	if cur == nil {
		_, err = s.Start(ctx, nq57, info)
		if errors.Is(err, ErrOpenSession) {
			return nil
		}
		return err
	}
	if rng.IntN(20) == 0 {
		err = s.End(ctx, cur.ID)
	} else {
		err = s.GoTo(ctx, cur.ID, rng.IntN(nq57.Slides), rng.IntN(3))
	}
	if errors.Is(err, ErrEnded) {
		return nil
	}
	return err
}
