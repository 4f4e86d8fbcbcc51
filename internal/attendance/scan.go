package attendance

import (
	"context"
	"errors"
	"fmt"

	"briefing/internal/cccd"
)

// ScanOutcome is what a scanned citizen-ID card led to.
type ScanOutcome int

const (
	// CheckedIn: the card's holder was checked in (ScanResult.CheckIn);
	// with Register, possibly someone new registered from the card.
	CheckedIn ScanOutcome = iota
	// AlreadyIn: the holder was checked in before; nothing changed.
	AlreadyIn
	// Choose: no one has the card on file, but people of its name have no
	// card (Candidates); the clerk says which, if any (ScanOptions.Holder),
	// or that the holder is someone new (ScanOptions.New). Nothing written.
	Choose
	// NewFromCard: no one on the roster holds the card; the holder is to be
	// registered from it (the desk's form). Nothing written.
	NewFromCard
	// NameUnclear: with Register, no one holds the card and its name is
	// missing or may be garbled, so no one was registered from it.
	NameUnclear
)

// ScanOptions are what the clerk said about a scanned card.
type ScanOptions struct {
	// Holder is the id of the person the card belongs to (one of the Choose
	// candidates): they are checked in and the card is kept on them.
	Holder string
	// New: the holder is someone new even if people of the card's name
	// have no card on file (skips Choose).
	New bool
	// Register: register someone new from the card at once when no one
	// holds it and its name reads cleanly (the CLI), instead of NewFromCard
	// (the desk, which opens its form).
	Register bool
}

// ScanResult is the outcome of a scan and what goes with it.
type ScanResult struct {
	Outcome    ScanOutcome
	Card       cccd.Card
	CheckIn    CheckIn  // CheckedIn, AlreadyIn
	Candidates []Person // Choose
}

// CardError: the scanned payload is not a card that can be read. Err is
// the *cccd.Error saying why, when there is one.
type CardError struct{ Err error }

func (e *CardError) Error() string { return fmt.Sprintf("unreadable card: %v", e.Err) }
func (e *CardError) Unwrap() error { return e.Err }

// CardTakenError: the card is on file for someone other than the Holder.
type CardTakenError struct {
	Last4  string // the card's last four digits
	Holder Person // whose card it is
}

func (e *CardTakenError) Error() string {
	return fmt.Sprintf("ID card …%s is %s's (%s)", e.Last4, e.Holder.Name, e.Holder.ID)
}

// OtherCardError: the Holder has another card on file. It is ErrOtherCard.
type OtherCardError struct {
	Last4  string // the scanned card's last four digits
	Person Person // who has another card
}

func (e *OtherCardError) Error() string {
	return fmt.Sprintf("%s: card …%s: %v", e.Person.Name, e.Last4, ErrOtherCard)
}
func (e *OtherCardError) Unwrap() error { return ErrOtherCard }

// Scan reads a scanned QR payload and acts on the card (ScanCard). An
// unreadable payload is a *CardError.
func (s *Service) Scan(ctx context.Context, sessionID, payload string, opt ScanOptions) (ScanResult, error) {
	card, err := cccd.Parse(payload)
	if err != nil {
		return ScanResult{}, &CardError{Err: err}
	}
	return s.ScanCard(ctx, sessionID, card, opt)
}

// ScanCard checks in the holder of a card read at the desk, the one rule for
// desk and CLI: the person with its number on file; else, with opt.Holder,
// that person, keeping the card on them (refused when the card is someone
// else's, *CardTakenError, or they have another, *OtherCardError); else,
// when people of the card's name have no card on file and opt.New is not
// set, Choose; else NewFromCard, or with opt.Register someone new registered
// from the card when its name reads cleanly (NameUnclear when it does not).
// The personal-data notice is taken as shown: the card was read at a desk.
func (s *Service) ScanCard(ctx context.Context, sessionID string, card cccd.Card, opt ScanOptions) (ScanResult, error) {
	res := ScanResult{Card: card}
	people, err := s.ByCitizenID(ctx, card.Number)
	if err != nil {
		return res, err
	}
	var c CheckIn
	switch {
	case opt.Holder != "":
		for _, q := range people {
			if q.ID != opt.Holder {
				return res, &CardTakenError{Last4: cccd.Last4(card.Number), Holder: q}
			}
		}
		c, err = s.CheckInWithCard(ctx, sessionID, opt.Holder, card.Number)
		if errors.Is(err, ErrOtherCard) {
			p, perr := s.Person(ctx, opt.Holder)
			if perr != nil {
				return res, err
			}
			return res, &OtherCardError{Last4: cccd.Last4(card.Number), Person: p}
		}
	case len(people) > 0:
		c, err = s.CheckIn(ctx, sessionID, people[0].ID, ByQR, true)
	default:
		if card.NameTrusted && !opt.New {
			named, err := s.WithoutCardNamed(ctx, card.Name)
			if err != nil {
				return res, err
			}
			if len(named) > 0 {
				res.Outcome, res.Candidates = Choose, named
				return res, nil
			}
		}
		if !opt.Register {
			res.Outcome = NewFromCard
			return res, nil
		}
		if card.Name == "" || !card.NameTrusted {
			res.Outcome = NameUnclear
			return res, nil
		}
		cat, catErr := s.units.Catalog(ctx)
		if catErr != nil {
			return res, catErr
		}
		c, err = s.RegisterWalkIn(ctx, sessionID, FromCard(cat, card))
	}
	if err != nil {
		return res, err
	}
	res.CheckIn = c
	if c.Already {
		res.Outcome = AlreadyIn
	}
	return res, nil
}
