package unit

import "slices"

// Scope is what a laptop enrolled for unitID may write for: that unit and
// every unit under it (a city office's wards, a ward's schools).
func (c *Catalog) Scope(unitID string) []string {
	scope := []string{unitID}
	for grew := true; grew; {
		grew = false
		for _, u := range c.Units() {
			if u.ParentID != "" && slices.Contains(scope, u.ParentID) && !slices.Contains(scope, u.ID) {
				scope = append(scope, u.ID)
				grew = true
			}
		}
	}
	return scope
}

// InScope says whether a record under the unit spelled so may be written
// by a laptop with scope: a spelling the catalog resolves must be in scope;
// one it does not know is the laptop's to write (it is shown as typed until
// the district aliases it).
func (c *Catalog) InScope(spelling string, scope []string) bool {
	u, ok := c.Resolve(spelling)
	return !ok || slices.Contains(scope, u.ID)
}
