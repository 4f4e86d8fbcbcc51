package main

// Finding the session a command is about: by id or prefix, or this device's open one.

import (
	"context"
	"errors"

	"briefing/internal/session"
)

// getSession finds a session by id or id prefix, with a clear message when it cannot.
func (e *env) getSession(ctx context.Context, id string) (session.Session, error) {
	s, err := e.svc.Get(ctx, id)
	switch {
	case errors.Is(err, session.ErrNotFound):
		return s, exitError{1, e.lang.T("cli.session.notfound", id)}
	case errors.Is(err, session.ErrAmbiguous):
		return s, exitError{1, e.lang.T("cli.session.ambiguous", id)}
	case errors.Is(err, session.ErrInvalid):
		return s, exitError{2, e.lang.T("cli.session.short", id, session.MinPrefix)}
	}
	return s, err
}

// openSession finds a session that still takes check-ins.
func (e *env) openSession(ctx context.Context, id string) (session.Session, error) {
	s, err := e.getSession(ctx, id)
	if err != nil {
		return s, err
	}
	if s.EndedAt != nil {
		return s, exitError{1, e.lang.T("cli.session.ended", s.ID, s.Info.Title)}
	}
	return s, nil
}

// targetSession is --session, else this device's open session.
func (e *env) targetSession(ctx context.Context, id string) (session.Session, error) {
	return e.sessionOrOpen(ctx, id, "cli.checkin.nosession")
}

// sessionOrOpen is session id, or with none given this device's open
// session; noneKey is the message when there is no open session.
func (e *env) sessionOrOpen(ctx context.Context, id, noneKey string) (session.Session, error) {
	if id != "" {
		return e.getSession(ctx, id)
	}
	open, err := e.svc.Current(ctx)
	if err != nil {
		return session.Session{}, err
	}
	if open == nil {
		return session.Session{}, exitError{1, e.lang.T(noneKey)}
	}
	return *open, nil
}

// openSessionMessage names this device's open session s (title, deck, slide) and the
// commands that resume or end it.
func (e *env) openSessionMessage(s session.Session) string {
	return e.lang.T("cli.session.open", s.ID, s.Info.Title, s.Deck.ID, s.Slide+1, s.Deck.Slides)
}

// withOpenSession adds to the refusal err of a deck that cannot be presented the
// session that is open, so the user sees what is going on and how to go back to it.
func (e *env) withOpenSession(err error, s session.Session) error {
	var ee exitError
	if !errors.As(err, &ee) {
		return err
	}
	ee.msg += "\n" + e.openSessionMessage(s)
	return ee
}
