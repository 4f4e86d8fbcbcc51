package questions

import (
	"errors"
	"strings"
	"testing"

	"briefing/internal/i18n"
)

// Pinning needs an audience screen: on an ended session the service
// refuses (the CLI and the desk both show that refusal), and nothing is pinned.
func TestPinOnAnEndedSessionIsRefused(t *testing.T) {
	f := newFixture(t)
	q, err := f.svc.Add(ctx, f.session, Draft{Text: "Câu hỏi", Slide: 0})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.sessSvc.End(ctx, f.session); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Pin(ctx, q.ID); !errors.Is(err, ErrEnded) {
		t.Fatalf("pin on an ended session: err = %v, want ErrEnded", err)
	}
	if pinned, _ := f.svc.Pinned(ctx, f.session); pinned != "" {
		t.Errorf("pinned %q after a refusal", pinned)
	}
}

// With no destination given, a press question goes to the spokesperson and
// any other to the district; a destination given wins.
func TestForwardDefaultsByPress(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		press bool
		to    Destination
		want  Destination
	}{
		{false, "", ToDistrict},
		{true, "", ToSpokesperson},
		{true, ToDistrict, ToDistrict},
		{false, ToSpokesperson, ToSpokesperson},
	} {
		q, err := f.svc.Add(ctx, f.session, Draft{Text: "Câu hỏi", Slide: 0, Press: c.press})
		if err != nil {
			t.Fatal(err)
		}
		if got := DefaultDestination(q); c.to == "" && got != c.want {
			t.Errorf("DefaultDestination(press %v) = %q, want %q", c.press, got, c.want)
		}
		q, err = f.svc.Forward(ctx, q.ID, c.to)
		if err != nil {
			t.Fatal(err)
		}
		if q.ForwardedTo != c.want || q.Status != Forwarded {
			t.Errorf("press %v, to %q: forwarded to %q (%s), want %q", c.press, c.to, q.ForwardedTo, q.Status, c.want)
		}
	}
}

// Message words every refusal of the service, in both languages, and
// leaves other errors to the caller.
func TestMessageWordsEachRefusal(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string // in Vietnamese
	}{
		{ErrEnded, "đã kết thúc"},
		{&FieldError{Field: "text", Reason: "empty"}, "Nội dung câu hỏi đang trống"},
		{&FieldError{Field: "answer", Reason: "empty"}, "Nội dung trả lời đang trống"},
		{&FieldError{Field: "text", Reason: "too_long", Runes: 10_001, Max: MaxTextRunes}, "dài 10.001 ký tự, vượt giới hạn 10.000"},
		{&FieldError{Field: "answer", Reason: "too_long", Runes: 12_000, Max: MaxTextRunes}, "Câu trả lời dài 12.000"},
		{&FieldError{Field: "slide", Reason: "range", Given: 12, Max: 10}, "Không có trang 12: bộ trình chiếu của phiên này có trang 1 đến 10"},
		{&FieldError{Field: "to", Reason: "unknown"}, "Không có nơi chuyển này"},
	} {
		got, ok := Message(i18n.VI, c.err)
		if !ok || !strings.Contains(got, c.want) {
			t.Errorf("Message(%v) = %q, %v; want it to contain %q", c.err, got, ok, c.want)
		}
		if en, _ := Message(i18n.EN, c.err); en == got || strings.HasPrefix(en, "questions.") {
			t.Errorf("Message(EN, %v) = %q: not translated", c.err, en)
		}
	}
	if _, ok := Message(i18n.VI, errors.New("disk full")); ok {
		t.Error("a failed write is not a refusal of the service")
	}
}

// TestFilterActive: a filter narrows the list when it names a status, a slide or a query.
func TestFilterActive(t *testing.T) {
	for _, c := range []struct {
		f    Filter
		want bool
	}{
		{Filter{Slide: AnySlide}, false},
		{Filter{Slide: 0}, true},
		{Filter{Slide: AnySlide, Status: Open}, true},
		{Filter{Slide: AnySlide, Query: "số"}, true},
	} {
		if got := c.f.Active(); got != c.want {
			t.Errorf("%+v.Active() = %v, want %v", c.f, got, c.want)
		}
	}
}
