package sync_test

// TestModelSync: several devices, each a real device store (a SQLite file),
// enrolled at one real hub (its SQLite store, served on loopback), do random
// sessions, check-ins, questions and question edits, and sync in random
// order, some at once, while the transport replays pushes (the same request
// twice or three times, in parallel) and drops replies after the hub
// committed. The district answers forwarded questions at the hub. At the
// end the hub and every device must equal a reference the test keeps
// without sync.
//
// The seed is printed; run one again with
//
//	go test ./internal/sync -run TestModelSync -args -model.seed=N
//
// or BRIEFING_MODEL_SEED=N. Without -short the run is larger.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/hub"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
	"briefing/internal/textvi"
)

var modelSeed = flag.Uint64("model.seed", 0, "seed of TestModelSync (0: from the clock, or BRIEFING_MODEL_SEED)")

// flakyHub stands between the devices and the hub: it replays some pushes
// (the same signed request again, in parallel) and drops some replies
// after the hub has committed (the connection closes before the answer).
type flakyHub struct {
	h          http.Handler
	mu         gosync.Mutex
	rng        *rand.Rand
	replayed   atomic.Int64
	dropped    atomic.Int64
	replayOdds float64
	dropOdds   float64
}

func (f *flakyHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != "POST" || r.URL.Path != "/v1/push" {
		f.h.ServeHTTP(w, r)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), 400)
		return
	}
	f.mu.Lock()
	extra := 0
	if f.rng.Float64() < f.replayOdds {
		extra = 1 + f.rng.IntN(2)
	}
	drop := f.rng.Float64() < f.dropOdds
	f.mu.Unlock()
	var wg gosync.WaitGroup
	for range extra {
		f.replayed.Add(1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.h.ServeHTTP(httptest.NewRecorder(), clone(r, body))
		}()
	}
	if drop {
		f.dropped.Add(1)
		f.h.ServeHTTP(httptest.NewRecorder(), clone(r, body))
		wg.Wait()
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	f.h.ServeHTTP(w, clone(r, body))
	wg.Wait()
}

func clone(r *http.Request, body []byte) *http.Request {
	c := r.Clone(r.Context())
	c.Body = io.NopCloser(strings.NewReader(string(body)))
	c.ContentLength = int64(len(body))
	return c
}

// mDevice is one simulated laptop.
type mDevice struct {
	name, unit string
	dir        string
	st         *store.Store
	sess       *session.Service
	att        *attendance.Service
	qs         *questions.Service
	syncer     *bsync.Syncer
	open       string            // its open session
	sessions   []string          // sessions it can check in to: its own and shared ones
	people     map[string]string // name -> its person record
	checkedIn  map[[2]string]bool
	asked      []string // its questions
}

// qWrite is one state a question was given, by its device or the hub.
type qWrite struct {
	hlc, text, status, answer string
}

func (w qWrite) String() string { return w.status + "|" + w.text + "|" + w.answer }

type mQuestion struct {
	asker  *mDevice
	writes []qWrite
}

// model is the reference: what happened, kept without sync.
type model struct {
	sessions   map[string]string          // session -> its unit
	present    map[string]map[string]bool // session -> the names checked in (one person, however many devices)
	persons    int
	checkIns   int
	questions  map[string]*mQuestion
	hubAnswers map[string]bool // the ids of the hub's answer versions
}

var modelNames = []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Huỳnh Thị Giang",
	"Phan Văn Hải", "Vũ Thị Hạnh", "Võ Văn Hùng", "Đặng Thị Lan", "Bùi Văn Long", "Đỗ Thị Mai", "Hồ Văn Nam", "Ngô Thị Nga"}

func modelRNGSeed(t *testing.T) uint64 {
	seed := *modelSeed
	if v := os.Getenv("BRIEFING_MODEL_SEED"); seed == 0 && v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("BRIEFING_MODEL_SEED=%q: %v", v, err)
		}
		seed = n
	}
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (run again with -args -model.seed=%d)", seed, seed)
	return seed
}

func TestModelSync(t *testing.T) {
	devices, steps := 3, 120
	if !testing.Short() {
		devices, steps = 6, 600
	}
	seed := modelRNGSeed(t)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	ctx := context.Background()

	hubDB := filepath.Join(t.TempDir(), "hub.db")
	hst, err := hub.OpenSQLite(hubDB)
	if err != nil {
		t.Fatal(err)
	}
	flaky := &flakyHub{h: (&hub.Server{Store: hst}).Handler(), rng: rand.New(rand.NewPCG(seed+1, seed)), replayOdds: 0.3, dropOdds: 0.15}
	srv := httptest.NewServer(flaky)
	t.Cleanup(func() { srv.Close(); hst.Close() })
	hubRead := openRead(t, hubDB)

	units := []struct{ name, id string }{
		{"Phường 4", "01941f29-7c00-7000-8000-000000000004"},
		{"Phường 7", "01941f29-7c00-7000-8000-000000000007"},
	}
	var devs []*mDevice
	for i := range devices {
		u := units[i%len(units)]
		devs = append(devs, newModelDevice(t, ctx, hst, srv.URL, fmt.Sprintf("máy %d", i+1), u.name, u.id))
	}
	m := &model{sessions: map[string]string{}, present: map[string]map[string]bool{}, questions: map[string]*mQuestion{},
		hubAnswers: map[string]bool{}}

	deck := session.DeckRef{ID: "nq57-toan-van", Version: "model-v1", Title: "Nghị quyết 57", Slides: 12, DurationMin: 45}
	syncSome := func(list []*mDevice) {
		var wg gosync.WaitGroup
		errs := make([]error, len(list))
		for i, d := range list {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = d.syncer.Run(ctx)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("seed %d: sync of %s: %v", seed, list[i].name, err)
			}
		}
	}

	for step := range steps {
		d := devs[rng.IntN(len(devs))]
		switch op := rng.IntN(100); {
		case op < 8 || d.open == "": // a session, shared with another laptop of its unit
			if d.open != "" {
				if err := d.sess.End(ctx, d.open); err != nil {
					t.Fatal(err)
				}
				d.sessions = slices.DeleteFunc(d.sessions, func(id string) bool { return id == d.open })
			}
			s, err := d.sess.Start(ctx, deck, session.Info{Title: fmt.Sprintf("Buổi %d", step), Unit: d.unit, Venue: "Hội trường", Form: "Hội nghị trực tiếp"})
			if err != nil {
				t.Fatalf("step %d: start: %v", step, err)
			}
			d.open = s.ID
			d.sessions = append(d.sessions, s.ID)
			m.sessions[s.ID] = d.unit
			m.present[s.ID] = map[string]bool{}
			for _, o := range devs {
				if o != d && o.unit == d.unit && rng.IntN(3) > 0 {
					shareSession(t, d, o, s.ID)
				}
			}
		case op < 45: // a check-in, by name: the person's record on this laptop, or a new walk-in
			sid := d.sessions[rng.IntN(len(d.sessions))]
			name := modelNames[rng.IntN(len(modelNames))]
			if pid, ok := d.people[name]; ok {
				c, err := d.att.CheckIn(ctx, sid, pid, attendance.Method("roster"), false)
				if err != nil {
					t.Fatalf("step %d: check-in: %v", step, err)
				}
				if !d.checkedIn[[2]string{sid, pid}] {
					d.checkedIn[[2]string{sid, pid}] = true
					m.checkIns++
				} else if !c.Already {
					t.Fatalf("step %d: a second check-in of one person on one laptop was not 'already'", step)
				}
			} else {
				c, err := d.att.RegisterWalkIn(ctx, sid, attendance.NewPerson{Name: name, Unit: d.unit, Group: "Nhân dân"})
				if err != nil {
					t.Fatalf("step %d: walk-in: %v", step, err)
				}
				d.people[name] = c.Person.ID
				d.checkedIn[[2]string{sid, c.Person.ID}] = true
				m.persons++
				m.checkIns++
			}
			m.present[sid][textvi.Fold(name)] = true
		case op < 60: // a question on its open session
			q, err := d.qs.Add(ctx, d.open, questions.Draft{Text: fmt.Sprintf("Câu hỏi %d của %s?", step, d.name), Slide: rng.IntN(deck.Slides)})
			if err != nil {
				t.Fatalf("step %d: question: %v", step, err)
			}
			d.asked = append(d.asked, q.ID)
			m.questions[q.ID] = &mQuestion{asker: d, writes: []qWrite{stateOf(t, d, q.ID)}}
		case op < 78: // an edit of one of its questions
			if len(d.asked) == 0 {
				continue
			}
			id := d.asked[rng.IntN(len(d.asked))]
			var err error
			switch rng.IntN(5) {
			case 0:
				_, err = d.qs.Edit(ctx, id, questions.Draft{Text: fmt.Sprintf("Câu hỏi sửa ở bước %d?", step), Slide: 1})
			case 1, 2:
				_, err = d.qs.Forward(ctx, id, "")
			case 3:
				_, err = d.qs.Answer(ctx, id, fmt.Sprintf("Trả lời tại chỗ ở bước %d.", step), "")
			case 4:
				_, err = d.qs.Reopen(ctx, id)
			}
			if err != nil {
				t.Fatalf("step %d: edit: %v", step, err)
			}
			q := m.questions[id]
			q.writes = append(q.writes, stateOf(t, d, id))
		case op < 88: // sync: one to three laptops at once
			list := slices.Clone(devs)
			rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
			syncSome(list[:1+rng.IntN(min(3, len(list)))])
		default: // the district answers a forwarded question, or answers one again
			hubAnswer(t, ctx, rng, hst, hubRead, m, step)
		}
	}
	// Everything up, the last answers, everything down.
	syncSome(devs)
	for range 3 {
		hubAnswer(t, ctx, rng, hst, hubRead, m, steps)
	}
	syncSome(devs)
	syncSome(devs) // a sync with nothing new changes nothing
	t.Logf("%d sessions, %d people, %d check-ins, %d questions, %d district answers; %d pushes replayed, %d replies dropped",
		len(m.sessions), m.persons, m.checkIns, len(m.questions), len(m.hubAnswers), flaky.replayed.Load(), flaky.dropped.Load())

	checkModel(t, ctx, seed, m, devs, hst, hubRead)
}

func newModelDevice(t *testing.T, ctx context.Context, hst hub.Store, url, name, unitName, unitID string) *mDevice {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	code, err := hub.NewCode(ctx, hst, unitID, name, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	retry := bsync.Retry{Tries: 10, Base: time.Millisecond, Max: 5 * time.Millisecond, MaxRetryAfter: time.Second}
	en := &bsync.Enroller{Store: st, Dir: dir, Retry: retry}
	if _, err := en.Enroll(ctx, bsync.Endpoint{URL: url}, code, name); err != nil {
		t.Fatal(err)
	}
	keys, ok, err := bsync.LoadKeys(dir)
	if err != nil || !ok {
		t.Fatalf("keys: %v %v", ok, err)
	}
	priv, err := keys.Private()
	if err != nil {
		t.Fatal(err)
	}
	c, err := bsync.NewClient(bsync.Endpoint{URL: url}, st.DeviceID(), priv)
	if err != nil {
		t.Fatal(err)
	}
	c.Retry = retry
	return &mDevice{name: name, unit: unitName, dir: dir, st: st,
		sess: session.New(st, nil), att: attendance.New(st, nil), qs: questions.New(st, nil),
		syncer: &bsync.Syncer{Store: st, Client: c, PullLimit: 7},
		people: map[string]string{}, checkedIn: map[[2]string]bool{}}
}

// openRead opens a database file for reading beside its store.
func openRead(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// shareSession puts from's session (and its deck row) in to's database, as
// a second desk at the same venue has it, without logging it: to checks
// people in to it, the session itself is from's record.
func shareSession(t *testing.T, from, to *mDevice, id string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(to.dir, store.FileName)+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	// Its copies of from's earlier sessions end (a device has one open).
	rows, err := db.Query(`SELECT id FROM session WHERE origin = ? AND ended_at IS NULL`, from.st.DeviceID())
	if err != nil {
		t.Fatal(err)
	}
	var ended []string
	for rows.Next() {
		var old string
		rows.Scan(&old)
		ended = append(ended, old)
	}
	rows.Close()
	to.sessions = slices.DeleteFunc(to.sessions, func(s string) bool { return slices.Contains(ended, s) })
	for _, q := range []string{
		`UPDATE session SET ended_at = started_at + 1 WHERE origin = '` + from.st.DeviceID() + `' AND ended_at IS NULL`,
		`ATTACH DATABASE '` + filepath.Join(from.dir, store.FileName) + `' AS src`,
		`INSERT OR IGNORE INTO deck SELECT * FROM src.deck WHERE (deck_id, version) IN (SELECT deck_id, deck_version FROM src.session WHERE id = '` + id + `')`,
		`INSERT INTO session SELECT * FROM src.session WHERE id = '` + id + `'`,
		`DETACH DATABASE src`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("share session: %s: %v", q, err)
		}
	}
	to.sessions = append(to.sessions, id)
}

// stateOf reads a question's state and stamp on its device after a write.
func stateOf(t *testing.T, d *mDevice, id string) qWrite {
	t.Helper()
	q, err := d.st.Question(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return qWrite{hlc: q.HLC, text: q.Text, status: string(q.Status), answer: q.Answer}
}

// hubAnswer: the district answers a forwarded question (new text), or
// answers an answered one again, with the same text (nothing is written)
// or a new one.
func hubAnswer(t *testing.T, ctx context.Context, rng *rand.Rand, hst *hub.SQLite, hubRead *sql.DB, m *model, step int) {
	t.Helper()
	status := "forwarded"
	if rng.IntN(3) == 0 {
		status = "answered_later"
	}
	qs, err := hst.Questions(ctx, status)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) == 0 {
		return
	}
	q := qs[rng.IntN(len(qs))]
	text := fmt.Sprintf("Phòng VHKHTT trả lời ở bước %d.", step)
	if status == "answered_later" && rng.IntN(2) == 0 {
		text = q.Answer
	}
	_, err = hst.Answer(ctx, q.ID, text, "Phòng VHKHTT", true, time.Now())
	if errors.Is(err, hub.ErrSameAnswer) && status == "answered_later" && text == q.Answer && q.AnsweredBy == "Phòng VHKHTT" {
		return
	}
	if err != nil {
		t.Fatalf("step %d: hub answer %s (%s): %v", step, q.ID, status, err)
	}
	var w qWrite
	var id string
	if err := hubRead.QueryRow(`SELECT id, hlc, payload FROM question_version WHERE question_id = ? AND origin = ? ORDER BY hlc DESC LIMIT 1`,
		q.ID, hst.HubID()).Scan(&id, &w.hlc, new(string)); err != nil {
		t.Fatal(err)
	}
	w.text, w.status, w.answer = q.Text, "answered_later", text
	if mq := m.questions[q.ID]; mq != nil {
		mq.writes = append(mq.writes, w)
	} else {
		t.Fatalf("the hub answered %s, a question no device asked", q.ID)
	}
	m.hubAnswers[id] = true
}

// payloadState reads a question or version payload's state.
func payloadState(t *testing.T, payload string) string {
	var f struct{ Text, Status, Answer string }
	if err := json.Unmarshal([]byte(payload), &f); err != nil {
		t.Fatalf("payload %s: %v", payload, err)
	}
	return qWrite{text: f.Text, status: f.Status, answer: f.Answer}.String()
}

func checkModel(t *testing.T, ctx context.Context, seed uint64, m *model, devs []*mDevice, hst *hub.SQLite, hubRead *sql.DB) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("seed %d: "+format, append([]any{seed}, args...)...)
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := hubRead.QueryRow(q, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// Every record at the hub exactly once.
	for _, c := range []struct {
		table string
		want  int
	}{{"session", len(m.sessions)}, {"person", m.persons}, {"attendance", m.checkIns}, {"question", len(m.questions)}} {
		if got := count(`SELECT COUNT(*) FROM ` + c.table); got != c.want {
			fail("the hub holds %d rows of %s, want %d", got, c.table, c.want)
		}
	}
	var deviceRecords, logged int
	for _, d := range devs {
		db := openRead(t, filepath.Join(d.dir, store.FileName))
		for _, table := range []string{"session", "person", "attendance", "question"} {
			rows, err := db.Query(`SELECT id FROM `+table+` WHERE origin = ?`, d.st.DeviceID())
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id string
				rows.Scan(&id)
				deviceRecords++
				if n := count(`SELECT COUNT(*) FROM `+table+` WHERE id = ? AND origin = ?`, id, d.st.DeviceID()); n != 1 {
					fail("%s %s of %s is at the hub %d times", table, id, d.name, n)
				}
			}
			rows.Close()
		}
		var seq int
		db.QueryRow(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).Scan(&seq)
		logged += seq
		state, err := d.st.SyncState(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if int(state.Acked) != seq {
			fail("%s: acknowledged %d of %d changes", d.name, state.Acked, seq)
		}
		if n := count(`SELECT COUNT(*) FROM change_in WHERE device_id = ?`, d.st.DeviceID()); n != seq {
			fail("%s: the hub holds %d of its changes, want %d, once each", d.name, n, seq)
		}
		// Its pulled answers: every district answer to a question asked in
		// its unit (the asking laptop's and its unit's, as the hub publishes
		// them), and no other.
		want := map[string]bool{}
		for id := range m.hubAnswers {
			var qid string
			hubRead.QueryRow(`SELECT question_id FROM question_version WHERE id = ?`, id).Scan(&qid)
			if q := m.questions[qid]; q != nil && q.asker.unit == d.unit {
				want[id] = true
			}
		}
		got := map[string]bool{}
		rows, err := db.Query(`SELECT id FROM received_question_version`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id string
			rows.Scan(&id)
			got[id] = true
		}
		rows.Close()
		if !mapsEqual(got, want) {
			fail("%s pulled answers %v, want %v", d.name, keys(got), keys(want))
		}
	}
	if n, _ := hst.Quarantined(ctx); n != 0 {
		fail("%d changes quarantined", n)
	}

	// Attendance: kept once per device's check-in, counted once per person
	// and session.
	facts, err := hst.Facts(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	present := map[string]map[string]bool{}
	for _, c := range facts.CheckIns {
		if present[c.SessionID] == nil {
			present[c.SessionID] = map[string]bool{}
		}
		present[c.SessionID][c.NameKey] = true
	}
	total := 0
	for sid, want := range m.present {
		total += len(want)
		if !mapsEqual(present[sid], want) {
			fail("session %s: the hub counts %v, want %v", sid, keys(present[sid]), keys(want))
		}
	}
	cat, err := hst.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := hub.BuildReport(facts, cat, "unit", time.Time{}, time.Time{}, time.Now(), "en")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := strconv.Atoi(rep.Totals[2]); got != total {
		fail("the report counts %s attendees in all (%v), want %d", rep.Totals[2], rep.Totals, total)
	}

	// Questions: the last writer by (hlc, device) stands at the hub and on
	// the asking device; every state is kept, at the hub and in the device's
	// history, numbered 1..n there.
	hubQs, err := hst.Questions(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]hub.Question{}
	for _, q := range hubQs {
		byID[q.ID] = q
	}
	for id, mq := range m.questions {
		win := mq.writes[0]
		for _, w := range mq.writes[1:] {
			if w.hlc > win.hlc {
				win = w
			}
		}
		hq := byID[id]
		if got := (qWrite{text: hq.Text, status: hq.Status, answer: hq.Answer}); got.String() != win.String() {
			fail("question %s at the hub is %s, want %s (writes %v)", id, got, win, mq.writes)
		}
		dq := stateOf(t, mq.asker, id)
		if dq.String() != win.String() {
			fail("question %s on %s is %s, want %s (writes %v)", id, mq.asker.name, dq, win, mq.writes)
		}
		atHub := map[string]bool{}
		var payload string
		hubRead.QueryRow(`SELECT payload FROM question WHERE id = ?`, id).Scan(&payload)
		atHub[payloadState(t, payload)] = true
		rows, err := hubRead.Query(`SELECT payload FROM question_version WHERE question_id = ?`, id)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			rows.Scan(&payload)
			atHub[payloadState(t, payload)] = true
		}
		rows.Close()
		history, err := mq.asker.st.QuestionVersions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		onDevice := map[string]bool{}
		for i, v := range history {
			onDevice[qWrite{text: v.Text, status: string(v.Status), answer: v.Answer}.String()] = true
			if v.Version != i+1 {
				fail("question %s on %s: history numbered %v", id, mq.asker.name, versionNumbers(history))
				break
			}
		}
		for _, w := range mq.writes {
			if !atHub[w.String()] {
				fail("question %s: the state %s is lost at the hub", id, w)
			}
			if !onDevice[w.String()] {
				fail("question %s: the state %s is lost from %s's history", id, w, mq.asker.name)
			}
		}
	}
	if n := count(`SELECT COUNT(*) FROM question_version WHERE origin = ?`, hst.HubID()); n != len(m.hubAnswers) {
		fail("the hub holds %d answer versions, want %d", n, len(m.hubAnswers))
	}
	t.Logf("%d device records at the hub once each; %d changes pushed", deviceRecords, logged)
}

func versionNumbers(list []store.QuestionVersion) []int {
	var out []int
	for _, v := range list {
		out = append(out, v.Version)
	}
	return out
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
