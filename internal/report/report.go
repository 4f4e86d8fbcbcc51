// Package report exports a session's attendance for the ward's records: a CSV
// file (UTF-8 with a BOM, for Excel) and an XLSX workbook with the attendance
// sheet and the totals by group and by unit.
//
// It is pure: it takes the data and writes bytes, and reads no database.
package report

import (
	"time"

	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/unit"
)

// Session is what the exports show about the session: a view of
// record.Session, flattened for the title block.
type Session struct {
	ID, Title, Unit, Venue, Form, Rapporteur, DeckTitle, DeckVersion string
	Chair, Secretary                                                 string // who sign the minutes
	StartedAt                                                        time.Time
	EndedAt                                                          *time.Time // nil while the session is open
}

// Attendee is one check-in as the attendance table shows it: a view joining
// record.Attendance and record.Person, with only the columns printed.
type Attendee struct {
	PersonID             string // tells the invited who came from those who did not
	Name, Unit, Position string
	Group                string // a group code ("can_bo", ...) or "" when not given
	Method               string // a check-in method code ("roster", "walk_in", "qr")
	CheckedInAt          time.Time
}

// Attendance is a session and its attendees, in check-in order.
type Attendance struct {
	Session   Session
	Attendees []Attendee
	// Units is the unit catalog the totals by unit count with (nil: units
	// grouped by spelling alone). Attendees keep their units as typed.
	Units *unit.Catalog
}

// Total is one line of a totals table.
type Total struct {
	Label string
	Count int
}

// GroupCodes are the codes of the attendee groups (roster.Groups), in the
// order of the district's plan.
var GroupCodes = func() []string {
	codes := make([]string, len(roster.Groups))
	for i, g := range roster.Groups {
		codes[i] = string(g)
	}
	return codes
}()

// timeLayout is how a check-in time is written as text: "HH:MM:SS DD/MM/YYYY".
const timeLayout = "15:04:05 02/01/2006"

// columnKeys are the i18n keys of the attendance table's columns, in order.
var columnKeys = []string{
	"report.col.no", "report.col.name", "report.col.unit", "report.col.position",
	"report.col.group", "report.col.time", "report.col.method",
}

// location is loc, or the machine's time zone when loc is nil.
func location(loc *time.Location) *time.Location {
	if loc == nil {
		return time.Local
	}
	return loc
}

// labels are the texts of the i18n keys in l.
func labels(keys []string, l i18n.Lang) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = l.T(k)
	}
	return out
}

// groupLabel is the label of a group code; a code the catalog does not know
// is shown as it is rather than hidden under another group.
func groupLabel(code string, l i18n.Lang) string {
	if code == "" {
		return l.T("group.none")
	}
	return labelOr("group."+code, code, l)
}

func labelOr(key, fallback string, l i18n.Lang) string {
	if s := l.T(key); s != key {
		return s
	}
	return fallback
}
