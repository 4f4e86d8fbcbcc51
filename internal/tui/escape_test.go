package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/decks"
	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestDeskShowsStoredEscapesHarmless: a session title, a person's name and
// unit and a question's asker stored with escape sequences and a bidi
// override (an old database, a record synced in) reach the desk's frames as
// text: none of the sequences stored (the desk's own styles are 24-bit SGR).
func TestDeskShowsStoredEscapesHarmless(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	svc := session.New(st, func() time.Time { return fixed })
	lib := deck.Library(decks.FS, "")
	e, err := deck.Find(lib, "nq57-toan-van")
	if err != nil {
		t.Fatal(err)
	}
	s, err := svc.Start(ctx, session.RefOf(e.Deck), session.Info{Title: "Hội nghị thử", Unit: "Phường 4"})
	if err != nil {
		t.Fatal(err)
	}
	att := attendance.New(st, func() time.Time { return fixed.Add(90 * time.Second) })
	qs := questions.New(st, func() time.Time { return fixed.Add(120 * time.Second) })
	c, err := att.RegisterWalkIn(ctx, s.ID, attendance.NewPerson{Name: "Lê Văn Tám", Unit: "Phường 7", Group: "Nhân dân"})
	if err != nil {
		t.Fatal(err)
	}
	q, err := qs.Add(ctx, s.ID, questions.Draft{Text: "Hỏi?", AskerName: "An"})
	if err != nil {
		t.Fatal(err)
	}
	err = st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, s.ID)
		if err != nil {
			return err
		}
		rec.Title = "\x1b]0;pwn\aHội nghị\u202e thử"
		if err := tx.UpdateSession(ctx, &rec); err != nil {
			return err
		}
		p, err := tx.Person(ctx, c.Person.ID)
		if err != nil {
			return err
		}
		p.Name, p.Unit = "Lê\x1b[2J Văn Tám", "\x1b[31mPhường 7\u202e"
		if err := tx.UpdatePerson(ctx, &p); err != nil {
			return err
		}
		qr, err := tx.Question(ctx, q.ID)
		if err != nil {
			return err
		}
		qr.AskerName, qr.Text = "\x1b]52;c;ZXZpbA==\aAn", "Hỏi\x1b[5m?"
		return tx.UpdateQuestion(ctx, &qr)
	})
	if err != nil {
		t.Fatal(err)
	}
	if s, err = svc.Get(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	opts := Options{Service: svc, Library: lib, Lang: i18n.VI, Theme: theme.Dark, Clock: func() time.Time { return fixed.Add(75 * time.Second) },
		Attendance: att, Questions: qs}
	p := newProbe(NewDesk(opts, s))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	check := func(what string) {
		t.Helper()
		frame := *p.last.Load()
		for _, bad := range []string{"\x1b]", "\x1b[2J", "\x1b[31m", "\x1b[5m", "\a", "\u202e"} {
			if strings.Contains(frame, bad) {
				t.Errorf("%s: the frame holds %q:\n%q", what, bad, frame)
			}
		}
	}
	waitScreen(t, p, "Tám")
	check("attendance")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	waitScreen(t, p, "Hỏi")
	check("questions")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}

// TestStartFormRefusesOverlongTitle: a title over its limit is refused on
// the form with the field's name and its limit, as the CLI refuses it.
func TestStartFormRefusesOverlongTitle(t *testing.T) {
	f := newFixture(t)
	p := newProbe(NewStart(f.opts, []*deck.Deck{f.deck}, session.Info{Title: strings.Repeat("ệ", 400)}))
	tm := teatest.NewTestModel(t, p, teatest.WithInitialTermSize(100, 30),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitScreen(t, p, "ệệệ")
	press(tm, "enter")
	waitScreen(t, p, "giới hạn 300 ký tự")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}
