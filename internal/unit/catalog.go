// Package unit is the catalog of host units (wards, offices, schools,
// agencies, mass organisations) and the one rule that resolves how a unit
// is spelled on a roster, a walk-in form or a flag to a catalog unit.
//
// Records keep the unit as it was typed, and everything that shows or
// counts units resolves it through the catalog when it reads it: so an
// alias or a merge added later also fixes records written before it, on
// this device and on the others whose records sync here, and what a clerk
// typed is never lost.
package unit

import (
	"math"
	"slices"

	"briefing/internal/record"
	"briefing/internal/textvi"
)

// Kinds of unit, as stored.
const (
	Ward       = "ward"
	Commune    = "commune"
	CityOffice = "city_office"
	School     = "school"
	Agency     = "agency"
	MassOrg    = "mass_org"
	Other      = "other"
)

// Kinds lists the kinds in the order the help and lists give them.
var Kinds = []string{Ward, Commune, CityOffice, School, Agency, MassOrg, Other}

// Unit is a unit of the catalog, and Alias another spelling of a unit's
// name: the plain records the store keeps (package record).
type (
	Unit  = record.Unit
	Alias = record.UnitAlias
)

// Catalog resolves spellings to units. A nil *Catalog resolves nothing.
type Catalog struct {
	units   []Unit
	byID    map[string]int
	byName  map[string]string // key of a unit's name -> unit id
	byAlias map[string]string // key of an alias -> unit id
	aliases map[string][]string
}

// NewCatalog builds a catalog from units in display order and aliases in
// the order they were written (of two aliases with one key, the later wins).
func NewCatalog(units []Unit, aliases []Alias) *Catalog {
	units = slices.Clone(units)
	c := &Catalog{
		units: units, byID: map[string]int{}, byName: map[string]string{},
		byAlias: map[string]string{}, aliases: map[string][]string{},
	}
	for i, u := range units {
		// Names are shown everywhere: one line without control or format
		// characters, whatever a record synced in or an old database holds.
		u.Name = textvi.Shown(u.Name)
		units[i] = u
		c.byID[u.ID] = i
		if k := Key(u.Name); k != "" {
			if _, taken := c.byName[k]; !taken {
				c.byName[k] = u.ID
			}
		}
	}
	for _, a := range aliases {
		if _, ok := c.byID[a.UnitID]; !ok {
			continue // its unit has not arrived yet
		}
		if k := Key(a.Spelling); k != "" {
			c.byAlias[k] = a.UnitID
			c.aliases[a.UnitID] = append(c.aliases[a.UnitID], textvi.Shown(a.Spelling))
		}
	}
	return c
}

// Resolve finds the unit a spelling names: by an alias first (an alias is
// the clerk's explicit word, and a merge is an alias of the merged unit's
// name), then by a unit's name, then through the aliases of that unit's
// own name, so a unit merged into another resolves to the other.
func (c *Catalog) Resolve(spelling string) (Unit, bool) {
	if c == nil {
		return Unit{}, false
	}
	k := Key(spelling)
	if k == "" {
		return Unit{}, false
	}
	id, ok := c.byAlias[k]
	if !ok {
		if id, ok = c.byName[k]; !ok {
			return Unit{}, false
		}
	}
	for range len(c.units) { // a cycle of merges ends somewhere
		next, merged := c.byAlias[Key(c.units[c.byID[id]].Name)]
		if !merged || next == id {
			break
		}
		id = next
	}
	return c.units[c.byID[id]], true
}

// Label is how a spelling is shown and counted: its unit's name, or the
// spelling itself (spaces cleaned, no control or format character: a record
// may come from a roster or another device) when the catalog does not know it.
func (c *Catalog) Label(spelling string) (label string, known bool) {
	if u, ok := c.Resolve(spelling); ok {
		return u.Name, true
	}
	return textvi.FieldText(spelling), false
}

// Name is Label without saying whether the catalog knows the spelling.
func (c *Catalog) Name(spelling string) string {
	label, _ := c.Label(spelling)
	return label
}

// Units lists the catalog's units in display order.
func (c *Catalog) Units() []Unit {
	if c == nil {
		return nil
	}
	return c.units
}

// Unit finds a unit by id.
func (c *Catalog) Unit(id string) (Unit, bool) {
	if c == nil {
		return Unit{}, false
	}
	i, ok := c.byID[id]
	if !ok {
		return Unit{}, false
	}
	return c.units[i], true
}

// Aliases lists the spellings given as aliases of a unit.
func (c *Catalog) Aliases(id string) []string {
	if c == nil {
		return nil
	}
	return c.aliases[id]
}

// MergedInto says which unit a unit was merged into, if it was.
func (c *Catalog) MergedInto(id string) (Unit, bool) {
	u, ok := c.Unit(id)
	if !ok {
		return Unit{}, false
	}
	to, ok := c.Resolve(u.Name)
	if !ok || to.ID == id {
		return Unit{}, false
	}
	return to, true
}

// Same says whether two spellings name one unit: the same catalog unit, or,
// for spellings the catalog does not know, the same key.
func (c *Catalog) Same(a, b string) bool {
	ua, oka := c.Resolve(a)
	ub, okb := c.Resolve(b)
	if oka || okb {
		return oka && okb && ua.ID == ub.ID
	}
	return Key(a) == Key(b)
}

// Bucket is the line a spelling is counted on, for every counter and report
// that counts by unit: one line per catalog unit, one per key of the
// spellings the catalog does not know, and one for no unit at all.
type Bucket struct {
	ID    string // "id:" and the unit's id, "key:" and the spelling's key, or "" for no unit
	Label string // the unit's name, or the spelling as typed (spaces cleaned)
	Known bool   // the catalog knows it
	Order int    // the catalog's order; unknown spellings after every unit, no unit last
}

// Bucket says which line spelling is counted on.
func (c *Catalog) Bucket(spelling string) Bucket {
	if u, ok := c.Resolve(spelling); ok {
		return Bucket{ID: "id:" + u.ID, Label: u.Name, Known: true, Order: u.SortOrder}
	}
	if k := Key(spelling); k != "" {
		return Bucket{ID: "key:" + k, Label: textvi.CleanSpaces(spelling), Order: math.MaxInt32 - 1}
	}
	return Bucket{Order: math.MaxInt32}
}
