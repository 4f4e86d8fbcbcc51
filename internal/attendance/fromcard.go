package attendance

import (
	"context"
	"time"

	"briefing/internal/cccd"
	"briefing/internal/roster"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

// FromCard is the walk-in a scanned card describes: its name and number,
// and the unit its address names in cat (unit.Catalog.FromAddress), as
// the catalog spells it; no unit when the catalog knows none of the
// address. The desk's form starts from it; the CLI registers it.
func FromCard(cat *unit.Catalog, card cccd.Card) NewPerson {
	n := NewPerson{Name: card.Name, CitizenID: card.Number, NoticeShown: true}
	if u, ok := cat.FromAddress(card.Address); ok {
		n.Unit = u.Name
	}
	return n
}

// Similar is someone already on the roster a walk-in may be: the same name
// and the same unit or phone. SamePhone says the phone typed is theirs;
// CheckedIn, that they are checked in to the session already (At is when).
type Similar struct {
	Person    Person
	SamePhone bool
	CheckedIn bool
	At        time.Time
}

// SimilarTo lists the people a walk-in about to be saved to session may
// be (Similar), those checked in first: the warning names the likeliest.
func (s *Service) SimilarTo(ctx context.Context, sessionID string, n NewPerson) ([]Similar, error) {
	people, err := s.st.PeopleWithNameKey(ctx, textvi.Fold(n.Name))
	if err != nil {
		return nil, err
	}
	cat, err := s.units.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	phone, _ := roster.NormalizePhone(n.Phone)
	var here map[string]time.Time // read once, when someone is similar

	marks := textvi.Marks(n.Name)
	var in, out []Similar
	for _, rec := range people {
		if !marksAgree(marks, textvi.Marks(rec.Name)) {
			continue
		}
		samePhone := phone != "" && rec.Phone == phone
		if !samePhone && !cat.Same(rec.Unit, n.Unit) {
			continue
		}
		sim := Similar{Person: fromRecord(rec), SamePhone: samePhone}
		if here == nil {
			list, err := s.st.Attendees(ctx, sessionID)
			if err != nil {
				return nil, err
			}
			here = make(map[string]time.Time, len(list))
			for _, a := range list {
				here[a.Person.ID] = a.Attendance.CheckedInAt
			}
		}
		sim.At, sim.CheckedIn = here[rec.ID]
		if sim.CheckedIn {
			in = append(in, sim)
		} else {
			out = append(out, sim)
		}
	}
	return append(in, out...), nil
}
