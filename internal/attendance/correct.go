package attendance

import (
	"context"
	"errors"
	"fmt"

	"briefing/internal/store"
	"briefing/internal/textvi"
)

// ErrOtherDevice: the person was registered on another device, which alone
// changes them (the change reaches this one by sync).
var ErrOtherDevice = errors.New("the person was registered on another device")

// Correction is a person's name, unit, position, group and phone as the
// clerk corrected them (a walk-in's unit typed wrong): every field, as the
// form shows them all. The card on file is not changed.
type Correction struct {
	Name, Unit, Position, Group, Phone string
}

// CorrectionOf is p's fields as they stand, for a form to start from.
func CorrectionOf(p Person) Correction {
	return Correction{Name: p.Name, Unit: p.Unit, Position: p.Position, Group: string(p.Group), Phone: p.Phone}
}

// Check reports the first field the correction cannot be saved with, as
// a *FieldError (the walk-in's rules), or nil.
func (c Correction) Check() error { return c.newPerson().Check() }

func (c Correction) newPerson() NewPerson {
	return NewPerson{Name: c.Name, Unit: c.Unit, Position: c.Position, Group: c.Group, Phone: c.Phone}
}

// CorrectPerson saves a correction of person id, under the rules a walk-in
// is registered by, and returns the person as saved. Check-ins are kept:
// they are the person's, whatever their unit is now.
func (s *Service) CorrectPerson(ctx context.Context, id string, c Correction) (Person, error) {
	n, group, err := c.newPerson().clean()
	if err != nil {
		return Person{}, fmt.Errorf("correct person: %w", err)
	}
	var saved store.Person
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		p, err := tx.Person(ctx, id)
		if err != nil {
			return err
		}
		if p.Origin != tx.DeviceID() {
			return ErrOtherDevice
		}
		p.Name, p.NameKey, p.Unit, p.Position = n.Name, textvi.Fold(n.Name), n.Unit, n.Position
		p.Group, p.Phone = string(group), n.Phone
		saved = p
		return tx.UpdatePerson(ctx, &saved)
	})
	if err != nil {
		return Person{}, fmt.Errorf("correct person: %w", err)
	}
	return fromRecord(saved), nil
}
