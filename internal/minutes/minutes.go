// Package minutes gathers what a session's minutes show (the attendees,
// the time per slide, the questions) from the domain services, for the
// writers of package report: the one way `session export` and the home
// screen read a session's minutes.
package minutes

import (
	"context"

	"briefing/internal/attendance"
	"briefing/internal/questions"
	"briefing/internal/report"
	"briefing/internal/session"
)

// Sources are the services the minutes are read from.
type Sources struct {
	Sessions   *session.Service
	Attendance *attendance.Service
	Questions  *questions.Service
}

// Gather reads the minutes of session s.
func (src Sources) Gather(ctx context.Context, s session.Session) (report.Minutes, error) {
	return src.gather(ctx, s, false)
}

// GatherWithInvited reads the minutes of session s and the people it
// expected (attendance.Expects: the invited, of whom those not checked in
// were absent), which reads the whole roster: for the paper minutes.
func (src Sources) GatherWithInvited(ctx context.Context, s session.Session) (report.Minutes, error) {
	return src.gather(ctx, s, true)
}

func (src Sources) gather(ctx context.Context, s session.Session, invited bool) (report.Minutes, error) {
	checkIns, err := src.Attendance.Attendees(ctx, s.ID)
	if err != nil {
		return report.Minutes{}, err
	}
	timeline, err := src.Sessions.Timeline(ctx, s.ID)
	if err != nil {
		return report.Minutes{}, err
	}
	qs, err := src.Questions.List(ctx, s.ID, questions.Filter{Slide: questions.AnySlide})
	if err != nil {
		return report.Minutes{}, err
	}
	units, err := src.Attendance.Catalog(ctx)
	if err != nil {
		return report.Minutes{}, err
	}
	titles := src.Sessions.SlideTitles(ctx, s)
	title := func(slide int) string {
		if slide >= 0 && slide < len(titles) {
			return titles[slide]
		}
		return ""
	}
	m := report.Minutes{
		Session: report.Session{
			ID: s.ID, Title: s.Info.Title, Unit: s.Info.Unit, Venue: s.Info.Venue, Form: s.Info.Form,
			Rapporteur: s.Info.Rapporteur, DeckTitle: s.Deck.Title, DeckVersion: s.Deck.Version,
			Chair: s.Info.Chair, Secretary: s.Info.Secretary,
			StartedAt: s.StartedAt, EndedAt: s.EndedAt,
		},
		DeckID: s.Deck.ID, Slides: s.Deck.Slides, PlannedMin: s.Deck.DurationMin, Units: units,
	}
	// An empty roster leaves Invited nil: the minutes then count those present.
	if invited {
		expected := attendance.Expects(units, s.Info.Unit)
		err = src.Attendance.EachPerson(ctx, 0, func(p attendance.Person) error {
			if expected(p) {
				m.Invited = append(m.Invited, report.Attendee{PersonID: p.ID, Unit: p.Unit})
			}
			return nil
		})
		if err != nil {
			return report.Minutes{}, err
		}
	}
	for _, c := range checkIns {
		m.Attendees = append(m.Attendees, report.Attendee{
			PersonID: c.Person.ID, Name: c.Person.Name, Unit: c.Person.Unit, Position: c.Person.Position,
			Group: string(c.Person.Group), Method: string(c.Method), CheckedInAt: c.At,
		})
	}
	for _, st := range timeline {
		m.Timeline = append(m.Timeline, report.SlideTime{
			Number: st.Slide + 1, Title: title(st.Slide), Views: st.Views, Spent: st.Spent,
		})
	}
	for _, q := range qs {
		m.Questions = append(m.Questions, report.Question{Question: q, SlideTitle: title(q.Slide)})
	}
	return m, nil
}
