package report

import (
	"maps"
	"slices"
	"strings"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// TotalsByGroup counts attendees per group: every group of the plan in the
// plan's order, zero counts included; then any code the plan does not know
// (by code); then "not given", only when someone has no group.
func TotalsByGroup(a []Attendee, l i18n.Lang) []Total {
	counts := make(map[string]int, len(GroupCodes)+1)
	for _, p := range a {
		counts[p.Group]++
	}
	totals := make([]Total, 0, len(GroupCodes)+1)
	for _, code := range GroupCodes {
		totals = append(totals, Total{groupLabel(code, l), counts[code]})
		delete(counts, code)
	}
	none := counts[""]
	delete(counts, "")
	for _, code := range slices.Sorted(maps.Keys(counts)) {
		totals = append(totals, Total{groupLabel(code, l), counts[code]})
	}
	if none > 0 {
		totals = append(totals, Total{groupLabel("", l), none})
	}
	return totals
}

// TotalsByUnit counts attendees per unit, most attendees first, then by name
// compared without diacritics or case and with numbers in numeric order
// ("Phường 2" before "Phường 10"). Units that differ only in Unicode form or
// spacing are one unit. Attendees with no unit come last, under a "no unit"
// label.
func TotalsByUnit(a []Attendee, l i18n.Lang) []Total {
	counts := make(map[string]int)
	for _, p := range a {
		counts[textvi.CleanSpaces(p.Unit)]++
	}
	none := counts[""]
	delete(counts, "")
	type unit struct {
		Total
		folded string
	}
	units := make([]unit, 0, len(counts))
	for name, n := range counts {
		units = append(units, unit{Total{name, n}, textvi.Fold(name)})
	}
	slices.SortFunc(units, func(x, y unit) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		if c := compareNatural(x.folded, y.folded); c != 0 {
			return c
		}
		return strings.Compare(x.Label, y.Label)
	})
	totals := make([]Total, 0, len(units)+1)
	for _, u := range units {
		totals = append(totals, u.Total)
	}
	if none > 0 {
		totals = append(totals, Total{l.T("report.unit.none"), none})
	}
	return totals
}

// compareNatural compares a and b byte by byte, except that runs of ASCII
// digits compare as numbers: "phuong 2" < "phuong 10". Equal numbers with
// different leading zeros ("02", "2") fall back to the shorter run first.
func compareNatural(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digitRun(a), digitRun(b)
			na, nb := strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			if c := len(da) - len(db); c != 0 {
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) string {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
