package attendance

import "briefing/internal/unit"

// Expects is who a session hosted by the unit spelled host expects, the
// "expected" of the desk's "Có mặt 150/263": the people imported from a
// roster (not walk-ins, who come unannounced) whose unit is the host unit
// or a unit under it in the catalog, or a unit the catalog does not know
// (a roster's "Khu phố 3" is taken as the host's, as unit.InScope takes
// it). A session whose host unit the catalog does not know (or has none)
// expects everyone imported from a roster.
func Expects(cat *unit.Catalog, host string) func(Person) bool {
	hostUnit, known := cat.Resolve(host)
	if !known {
		return func(p Person) bool { return p.FromRoster }
	}
	scope := cat.Scope(hostUnit.ID)
	// Units are few and people many: each spelling is resolved once.
	in := map[string]bool{}
	return func(p Person) bool {
		if !p.FromRoster {
			return false
		}
		ok, seen := in[p.Unit]
		if !seen {
			ok = cat.InScope(p.Unit, scope)
			in[p.Unit] = ok
		}
		return ok
	}
}
