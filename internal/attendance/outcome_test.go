package attendance

import "testing"

// TestImportOutcome: what an import came to, from its counts and whether it was written.
func TestImportOutcome(t *testing.T) {
	for _, c := range []struct {
		name   string
		res    ImportResult
		want   ImportOutcome
		failed bool
	}{
		{"no rows", ImportResult{Applied: true}, ImportEmpty, true},
		{"every row rejected", ImportResult{Rejected: 3, Refused: true}, ImportNoValid, true},
		{"every row rejected, skip-invalid", ImportResult{Rejected: 3, Applied: true}, ImportNoValid, true},
		{"a rejected row", ImportResult{Imported: 2, Rejected: 1, Refused: true}, ImportRefused, true},
		{"dry run", ImportResult{Imported: 2, Rejected: 1}, ImportDryRun, false},
		{"skip-invalid", ImportResult{Imported: 2, Rejected: 1, Applied: true}, ImportDoneSkipped, false},
		{"done", ImportResult{Updated: 1, Unchanged: 4, Applied: true}, ImportDone, false},
	} {
		got := c.res.Outcome()
		if got != c.want || got.Failed() != c.failed {
			t.Errorf("%s: %v (failed %v), want %v (failed %v)", c.name, got, got.Failed(), c.want, c.failed)
		}
	}
}
