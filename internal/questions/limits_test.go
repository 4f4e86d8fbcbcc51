package questions

import (
	"errors"
	"strings"
	"testing"

	"briefing/internal/field"
	"briefing/internal/i18n"
)

// The asker's name and unit and who answered have their limits (package
// field's), counted after cleaning; over one nothing is written and the
// message names the field and its limit.
func TestAskerAndAnsweredByHaveLimits(t *testing.T) {
	f := newFixture(t)
	long := strings.Repeat("ệ", field.MaxName+1)
	for _, d := range []Draft{
		{Text: "Hỏi?", Slide: 0, AskerName: long},
		{Text: "Hỏi?", Slide: 0, AskerName: "An", AskerUnit: long},
	} {
		_, err := f.svc.Add(ctx, f.session, d)
		var tl *field.TooLongError
		if !errors.As(err, &tl) || tl.Runes != field.MaxName+1 || tl.Max != field.MaxName {
			t.Fatalf("Add(%d-character asker field) = %v, want a TooLongError", field.MaxName+1, err)
		}
		msg, ok := Message(i18n.VI, err)
		if !ok || !strings.Contains(msg, "quá giới hạn 200 ký tự") {
			t.Errorf("message %q", msg)
		}
	}
	if list, _ := f.svc.List(ctx, f.session, Filter{Slide: AnySlide}); len(list) != 0 {
		t.Fatalf("an asker over the limit recorded %d questions", len(list))
	}
	q, err := f.svc.Add(ctx, f.session, Draft{Text: "Hỏi?", AskerName: strings.Repeat("ệ", field.MaxName) + "\u200b", AskerUnit: "\x1b[31mPhường 7\u202e"})
	if err != nil {
		t.Fatal(err)
	}
	if q.AskerUnit != "[31mPhường 7" {
		t.Errorf("asker unit kept as %q", q.AskerUnit)
	}
	_, err = f.svc.Answer(ctx, q.ID, "Trả lời.", long)
	var tl *field.TooLongError
	if !errors.As(err, &tl) || tl.Field != field.AnsweredBy {
		t.Fatalf("Answer by a %d-character name = %v", field.MaxName+1, err)
	}
	if got, _ := f.svc.Get(ctx, q.ID); got.Status != Open {
		t.Errorf("a refused answer left the question %s", got.Status)
	}
}
