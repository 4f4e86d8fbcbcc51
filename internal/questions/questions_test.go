package questions

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"briefing/internal/session"
	"briefing/internal/store"
)

var ctx = context.Background()

type fixture struct {
	dir     string
	st      *store.Store
	svc     *Service
	sessSvc *session.Service
	session string
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ss := session.New(st, nil)
	s, err := ss.Start(ctx,
		session.DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 10, DurationMin: 45},
		session.Info{Title: "Hội nghị Phường 7", Rapporteur: "Trần Thị Bình"})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{dir: dir, st: st, svc: New(st, nil), sessSvc: ss, session: s.ID}
}

func TestAddTakesTheSlideOnScreenAndNumbersInOrder(t *testing.T) {
	f := newFixture(t)
	if err := f.sessSvc.GoTo(ctx, f.session, 4, 0); err != nil {
		t.Fatal(err)
	}
	q1, err := f.svc.Add(ctx, f.session, Draft{Text: "  Chuyển đổi số   là gì?  ", Slide: FromScreen})
	if err != nil {
		t.Fatal(err)
	}
	if q1.Number != 1 || q1.Slide != 4 || q1.Text != "Chuyển đổi số   là gì?" || q1.Status != Open || q1.Version != 1 {
		t.Errorf("first question = %+v", q1)
	}
	if !q1.Anonymous() {
		t.Error("a question with no asker is anonymous")
	}
	q2, err := f.svc.Add(ctx, f.session, Draft{Text: "Kinh phí?", Slide: 1, AskerName: " Nguyễn  Văn An ", AskerUnit: "Phường 7", Press: true})
	if err != nil {
		t.Fatal(err)
	}
	if q2.Number != 2 || q2.Slide != 1 || q2.AskerName != "Nguyễn Văn An" || !q2.Press {
		t.Errorf("second question = %+v", q2)
	}
}

// Whatever the input method sent (decomposed diacritics, CRLF), the stored
// text is NFC.
func TestTextIsStoredNFC(t *testing.T) {
	f := newFixture(t)
	nfd := "Nghi\u0323 quyê\u0301t 57\r\nco\u0301 gi\u0300 mơ\u0301i?"
	q, err := f.svc.Add(ctx, f.session, Draft{Text: nfd, Slide: 0, AskerName: "Đa\u0306\u0323ng Thu\u0309y"})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.svc.Get(ctx, q.ID)
	if got.Text != "Nghị quyết 57\ncó gì mới?" || got.AskerName != "Đặng Thủy" {
		t.Errorf("stored %q / %q", got.Text, got.AskerName)
	}
	// Control characters (an escape sequence pasted from a terminal) go.
	q, err = f.svc.Add(ctx, f.session, Draft{Text: "Xin\x1b[2J hỏi\tvề\x07 dữ liệu", AskerName: "An\x1b"})
	if err != nil || q.Text != "Xin[2J hỏi về dữ liệu" || q.AskerName != "An" {
		t.Errorf("stored %q / %q, %v", q.Text, q.AskerName, err)
	}
	// A bidi override (U+202E) would show what follows reversed on the
	// projector and in the minutes; a zero-width space hides nothing useful.
	q, err = f.svc.Add(ctx, f.session, Draft{Text: "Hỏi \u202eđáp\u202c về\u200b 57"})
	if err != nil || q.Text != "Hỏi đáp về 57" {
		t.Errorf("stored %q, %v", q.Text, err)
	}
}

func TestEmptyAndTooLongAreRefusedWithNothingStored(t *testing.T) {
	f := newFixture(t)
	for _, tc := range []struct {
		text   string
		reason string
	}{
		{"", "empty"},
		{" \n\t ", "empty"},
		{"\u200b\u200b\u2060", "empty"}, // only invisible characters
		{strings.Repeat("ệ", MaxTextRunes+1), "too_long"},
	} {
		_, err := f.svc.Add(ctx, f.session, Draft{Text: tc.text})
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "text" || fe.Reason != tc.reason || !errors.Is(err, ErrInvalid) {
			t.Errorf("%d runes: err = %v", len([]rune(tc.text)), err)
		}
	}
	list, _ := f.svc.List(ctx, f.session, Filter{Slide: AnySlide})
	if len(list) != 0 {
		t.Errorf("stored %d questions", len(list))
	}
	// Exactly the limit is accepted whole.
	long := strings.Repeat("Chuyển đổi số ", MaxTextRunes/14) + strings.Repeat("x", MaxTextRunes%14)
	long = strings.TrimSpace(long)
	q, err := f.svc.Add(ctx, f.session, Draft{Text: long + strings.Repeat("y", MaxTextRunes-len([]rune(long)))})
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(q.Text)); n != MaxTextRunes {
		t.Errorf("stored %d runes", n)
	}
	_, err = f.svc.Add(ctx, f.session, Draft{Text: "x", Slide: 10})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "slide" || fe.Max != 10 {
		t.Errorf("slide out of range: %v", err)
	}
}

func TestStatusFlowKeepsEveryVersion(t *testing.T) {
	f := newFixture(t)
	q, _ := f.svc.Add(ctx, f.session, Draft{Text: "Câu hỏi đầu", Slide: 2})
	q, err := f.svc.Answer(ctx, q.ID, "Trả lời tại chỗ", "")
	if err != nil {
		t.Fatal(err)
	}
	if q.Status != Answered || q.AnsweredBy != "Trần Thị Bình" || q.AnsweredAt == nil {
		t.Errorf("answered on the spot = %+v", q)
	}
	q, _ = f.svc.Forward(ctx, q.ID, ToDistrict)
	if q.Status != Forwarded || q.ForwardedTo != ToDistrict || q.Answer != "Trả lời tại chỗ" {
		t.Errorf("forwarded = %+v", q)
	}
	if _, err := f.svc.Answer(ctx, q.ID, "   ", "Phòng VH-KH-TT"); !errors.Is(err, ErrInvalid) {
		t.Errorf("empty answer: %v", err)
	}
	q, _ = f.svc.Answer(ctx, q.ID, "Trả lời của Quận", "Phòng VH-KH-TT")
	if q.Status != AnsweredLater || q.AnsweredBy != "Phòng VH-KH-TT" {
		t.Errorf("answered later = %+v", q)
	}
	q, _ = f.svc.Edit(ctx, q.ID, Draft{Text: "Câu hỏi đã sửa", Slide: 3})
	if q.Text != "Câu hỏi đã sửa" || q.Slide != 3 || q.Status != AnsweredLater || q.Version != 5 {
		t.Errorf("edited = %+v", q)
	}
	history, err := f.svc.History(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range history {
		got = append(got, string(v.Status)+":"+v.Text+":"+v.Answer)
	}
	want := []string{
		"open:Câu hỏi đầu:",
		"answered:Câu hỏi đầu:Trả lời tại chỗ",
		"forwarded:Câu hỏi đầu:Trả lời tại chỗ",
		"answered_later:Câu hỏi đầu:Trả lời của Quận",
		"answered_later:Câu hỏi đã sửa:Trả lời của Quận",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := f.svc.Forward(ctx, q.ID, "ward"); !errors.Is(err, ErrInvalid) {
		t.Errorf("forward to ward: %v", err)
	}
}

func TestFilterIgnoresDiacriticsAndCounts(t *testing.T) {
	f := newFixture(t)
	a, _ := f.svc.Add(ctx, f.session, Draft{Text: "Đầu tư cho khoa học?", Slide: 1})
	f.svc.Add(ctx, f.session, Draft{Text: "Chuyển đổi số ở phường", Slide: 2, AskerName: "Đặng Văn Hùng"})
	f.svc.Add(ctx, f.session, Draft{Text: "Dữ liệu dân cư", Slide: 2})
	f.svc.Answer(ctx, a.ID, "Có", "")
	for _, tc := range []struct {
		f    Filter
		want int
	}{
		{Filter{Slide: AnySlide}, 3},
		{Filter{Slide: AnySlide, Query: "dau tu"}, 1},
		{Filter{Slide: AnySlide, Query: "dang"}, 1}, // the asker's name
		{Filter{Slide: 2}, 2},
		{Filter{Slide: AnySlide, Status: Open}, 2},
		{Filter{Slide: 2, Status: Answered}, 0},
	} {
		list, err := f.svc.List(ctx, f.session, tc.f)
		if err != nil || len(list) != tc.want {
			t.Errorf("%+v: %d questions, want %d (%v)", tc.f, len(list), tc.want, err)
		}
	}
	c, latest, err := f.svc.Summary(ctx, f.session)
	if err != nil || c.Open != 2 || c.Answered != 1 || c.Total() != 3 || latest == nil || latest.Number != 3 {
		t.Errorf("summary %+v %+v %v", c, latest, err)
	}
}

func TestFindByNumberOrIDPrefix(t *testing.T) {
	f := newFixture(t)
	q, _ := f.svc.Add(ctx, f.session, Draft{Text: "Một"})
	for _, ref := range []string{"1", "#1", q.ID[:8], q.ID} {
		got, err := f.svc.Find(ctx, f.session, ref)
		if err != nil || got.ID != q.ID {
			t.Errorf("Find(%q) = %v, %v", ref, got.ID, err)
		}
	}
	for _, ref := range []string{"2", "abc", "ffffffff"} {
		if _, err := f.svc.Find(ctx, f.session, ref); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find(%q): %v", ref, err)
		}
	}
}

// A pin reaches the position the presenter polls, and survives the
// presenter moving slides in between.
func TestPinComesWithThePosition(t *testing.T) {
	f := newFixture(t)
	q, _ := f.svc.Add(ctx, f.session, Draft{Text: "Xin nhắc lại chỉ tiêu?", Slide: 3, AskerName: "Lê Hoa", AskerUnit: "Phường 2"})
	if _, err := f.svc.Pin(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.sessSvc.GoTo(ctx, f.session, 5, 0); err != nil {
		t.Fatal(err)
	}
	pos, err := f.sessSvc.Position(ctx, f.session)
	if err != nil || pos.Pinned == nil || pos.Pinned.Number != 1 || pos.Pinned.Text != q.Text || pos.Pinned.AskerUnit != "Phường 2" || pos.Slide != 5 {
		t.Fatalf("position %+v %+v, %v", pos, pos.Pinned, err)
	}
	// Pinning again changes nothing; unpin clears it; a second unpin says so.
	f.svc.Pin(ctx, q.ID)
	if ok, err := f.svc.Unpin(ctx, f.session); !ok || err != nil {
		t.Errorf("unpin = %v, %v", ok, err)
	}
	if ok, _ := f.svc.Unpin(ctx, f.session); ok {
		t.Error("second unpin reported a pin")
	}
	pos, _ = f.sessSvc.Position(ctx, f.session)
	if pos.Pinned != nil {
		t.Errorf("still pinned: %+v", pos.Pinned)
	}
}

// Two desks adding at once take distinct numbers and lose nothing.
func TestConcurrentAddsFromTwoHandles(t *testing.T) {
	f := newFixture(t)
	st2, err := store.Open(f.dir) // a second process on the same database
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	other := New(st2, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			svc := f.svc
			if i%2 == 1 {
				svc = other
			}
			_, err := svc.Add(ctx, f.session, Draft{Text: "Câu hỏi"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	list, _ := f.svc.List(ctx, f.session, Filter{Slide: AnySlide})
	if len(list) != 40 || list[39].Number != 40 {
		t.Fatalf("%d questions, last number %d", len(list), list[len(list)-1].Number)
	}
}
