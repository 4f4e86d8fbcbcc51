package report

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
	"briefing/internal/unit"
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

// TotalsByUnit counts attendees per unit of the catalog cat: the spellings
// of one unit ("P.4", "UBND Phường 4") are one line under the catalog's name,
// by unit.Catalog.Bucket, the rule the desk's counters use. A spelling cat
// does not know is a line of its own, labelled as first typed and marked as
// not in the catalog (unmarked when cat is nil: then there is no catalog to
// be missing from). Most attendees first, then in the catalog's order, then
// by name compared without diacritics or case and with numbers in numeric
// order ("Phường 2" before "Phường 10"). Attendees with no unit come last,
// under a "no unit" label.
func TotalsByUnit(a []Attendee, cat *unit.Catalog, l i18n.Lang) []Total {
	type line struct {
		unit.Bucket
		count  int
		folded string
	}
	byID := make(map[string]*line)
	var lines []*line
	for _, p := range a {
		b := cat.Bucket(p.Unit)
		if ln, ok := byID[b.ID]; ok {
			ln.count++
			continue
		}
		ln := &line{Bucket: b, count: 1, folded: textvi.Fold(b.Label)}
		byID[b.ID] = ln
		lines = append(lines, ln)
	}
	slices.SortFunc(lines, func(x, y *line) int {
		if x.count != y.count {
			return y.count - x.count
		}
		if x.Order != y.Order {
			return cmp.Compare(x.Order, y.Order)
		}
		if c := compareNatural(x.folded, y.folded); c != 0 {
			return c
		}
		return strings.Compare(x.Label, y.Label)
	})
	totals := make([]Total, 0, len(lines))
	var none *line
	for _, ln := range lines {
		label := ln.Label
		switch {
		case ln.ID == "":
			none = ln // last, whatever its count
			continue
		case !ln.Known && cat != nil:
			label = l.T("report.unit.unknown", label)
		}
		totals = append(totals, Total{label, ln.count})
	}
	if none != nil {
		totals = append(totals, Total{l.T("report.unit.none"), none.count})
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
