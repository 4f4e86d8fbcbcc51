package attendance

import "context"

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

// CorrectPerson saves a correction of person id (EditPerson, the walk-in's
// rules, a person of another device refused) and returns the person as
// saved. Check-ins are kept: they are the person's, whatever their unit is
// now.
func (s *Service) CorrectPerson(ctx context.Context, id string, c Correction) (Person, error) {
	return s.EditPerson(ctx, id, Edit{Name: &c.Name, Unit: &c.Unit, Group: &c.Group, Phone: &c.Phone, Position: &c.Position})
}
