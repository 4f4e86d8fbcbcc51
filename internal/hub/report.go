package hub

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/roster"
	"briefing/internal/sheetcsv"
	"briefing/internal/textvi"
	"briefing/internal/unit"

	"github.com/xuri/excelize/v2"
)

// Report dimensions.
var ReportBys = []string{"unit", "group", "month", "form", "deck"}

// Report formats.
var ReportFormats = []string{"table", "csv", "md", "xlsx"}

// Report is a table of the district's report: one row per unit (group,
// month, form or deck) and a totals row.
type Report struct {
	Title   string
	Period  string
	Headers []string
	Rows    [][]string
	Totals  []string
}

// VN is the time zone months and dates are read in (no daylight saving).
var VN = time.FixedZone("ICT", 7*3600)

// attendees are the people of each session's check-ins, each once
// (each person counted once per session, whatever the number of devices
// that checked them in):
//   - one person record is one person, however often checked in;
//   - one keyed citizen-ID hash is one person, on any device;
//   - without it, people of one name and unit are the same person across
//     devices, never on one device: two namesakes of a ward on one roster
//     are two people. With several devices, the session counts as many of
//     a name as the device that has the most of them.
//
// The first check-in of each person stands for it (its group, its unit).
func attendees(checkIns []FactCheckIn, cat *unit.Catalog) []FactCheckIn {
	var out []FactCheckIn
	seen := map[string]bool{} // session + person record or hash
	// session + name|unit -> device -> that device's people of the name
	type named struct {
		key     string
		devices map[string][]FactCheckIn
		order   []string
	}
	var groups []*named
	byName := map[string]*named{}
	for _, c := range checkIns {
		if c.IDHash != "" {
			if k := c.SessionID + "\x00h:" + c.IDHash; !seen[k] {
				seen[k] = true
				out = append(out, c)
			}
			continue
		}
		if k := c.SessionID + "\x00p:" + c.PersonID; seen[k] {
			continue
		} else {
			seen[k] = true
		}
		if c.NameKey == "" {
			out = append(out, c)
			continue
		}
		k := c.SessionID + "\x00n:" + c.NameKey + "|" + unit.Key(cat.Name(c.Unit))
		g := byName[k]
		if g == nil {
			g = &named{key: k, devices: map[string][]FactCheckIn{}}
			byName[k] = g
			groups = append(groups, g)
		}
		if _, ok := g.devices[c.Origin]; !ok {
			g.order = append(g.order, c.Origin)
		}
		g.devices[c.Origin] = append(g.devices[c.Origin], c)
	}
	for _, g := range groups {
		most := g.order[0]
		for _, d := range g.order[1:] {
			if len(g.devices[d]) > len(g.devices[most]) {
				most = d
			}
		}
		out = append(out, g.devices[most]...)
	}
	return out
}

type reportRow struct {
	key, label string
	order      int
	sessions   map[string]bool
	groups     map[string]int
	attendees  int
	status     map[string]int
	waiting    int
	oldest     time.Duration
}

// BuildReport computes the report by one dimension over facts; now is when
// forwarded questions' waits are measured.
func BuildReport(f Facts, cat *unit.Catalog, by string, from, to, now time.Time, l i18n.Lang) (Report, error) {
	if !slices.Contains(ReportBys, by) {
		return Report{}, fmt.Errorf("report by %q: want one of %s", by, strings.Join(ReportBys, ", "))
	}
	rows := map[string]*reportRow{}
	get := func(key, label string, order int) *reportRow {
		r := rows[key]
		if r == nil {
			// A label comes from what a device pushed (a unit, a form, a deck's
			// title): no control or format character reaches a terminal or a file.
			r = &reportRow{key: key, label: textvi.FieldText(label), order: order, sessions: map[string]bool{}, groups: map[string]int{}, status: map[string]int{}}
			rows[key] = r
		}
		return r
	}
	unitOrder := map[string]int{}
	for i, u := range cat.Units() {
		unitOrder[u.ID] = i
	}
	sessionRow := map[string]*reportRow{}
	for _, s := range f.Sessions {
		var r *reportRow
		switch by {
		case "unit":
			if u, ok := cat.Resolve(s.Unit); ok {
				r = get("u:"+u.ID, u.Name, unitOrder[u.ID])
			} else if strings.TrimSpace(s.Unit) == "" {
				r = get("none", l.T("hub.report.none"), math.MaxInt)
			} else {
				r = get("k:"+unit.Key(s.Unit), cat.Name(s.Unit), math.MaxInt-1)
			}
		case "month":
			m := s.StartedAt.In(VN).Format("2006-01")
			r = get(m, m, 0)
		case "form":
			if strings.TrimSpace(s.Form) == "" {
				r = get("", l.T("hub.report.none"), 1)
			} else {
				r = get(strings.ToLower(strings.TrimSpace(s.Form)), strings.TrimSpace(s.Form), 0)
			}
		case "deck":
			r = get(s.DeckID, fmt.Sprintf("%s (%s)", s.DeckTitle, s.DeckID), 0)
		case "group":
			continue
		}
		r.sessions[s.ID] = true
		sessionRow[s.ID] = r
	}
	// Attendance: each person once per session.
	for _, c := range attendees(f.CheckIns, cat) {
		if by == "group" {
			r := get(c.Group, groupLabel(c.Group, l), groupOrder(c.Group))
			r.sessions[c.SessionID] = true
			r.attendees++
			continue
		}
		if r := sessionRow[c.SessionID]; r != nil {
			r.attendees++
			r.groups[c.Group]++
		}
	}
	if by != "group" {
		for _, q := range f.Questions {
			r := sessionRow[q.SessionID]
			if r == nil {
				continue
			}
			r.status[q.Status]++
			if q.Status == string(record.Forwarded) {
				r.waiting++
				since := q.CreatedAt
				if q.ForwardedAt != nil {
					since = *q.ForwardedAt
				}
				r.oldest = max(r.oldest, now.Sub(since))
			}
		}
	}
	list := make([]*reportRow, 0, len(rows))
	for _, r := range rows {
		list = append(list, r)
	}
	slices.SortFunc(list, func(a, b *reportRow) int {
		return cmp.Or(cmp.Compare(a.order, b.order), strings.Compare(a.label, b.label), strings.Compare(a.key, b.key))
	})

	rep := Report{Title: l.T("hub.report.title." + by), Period: period(from, to, now, f.Sessions, l)}
	groups := make([]string, 0, len(roster.Groups)+1)
	for _, g := range roster.Groups {
		groups = append(groups, string(g))
	}
	groups = append(groups, "")
	statuses := record.QuestionStatuses
	if by == "group" {
		rep.Headers = []string{l.T("hub.report.col.group"), l.T("hub.report.col.sessions"), l.T("hub.report.col.attendees")}
	} else {
		rep.Headers = []string{l.T("hub.report.col." + by), l.T("hub.report.col.sessions"), l.T("hub.report.col.attendees")}
		for _, g := range groups {
			rep.Headers = append(rep.Headers, groupLabel(g, l))
		}
		for _, s := range statuses {
			rep.Headers = append(rep.Headers, l.T("hub.report.col.q", l.QuestionStatus(s)))
		}
		rep.Headers = append(rep.Headers, l.T("hub.report.col.waiting"), l.T("hub.report.col.oldest"))
	}
	allSessions := map[string]bool{}
	totals := make([]int, len(rep.Headers))
	var oldest time.Duration
	for _, r := range list {
		row := []string{r.label, strconv.Itoa(len(r.sessions)), strconv.Itoa(r.attendees)}
		for s := range r.sessions {
			allSessions[s] = true
		}
		totals[2] += r.attendees
		if by != "group" {
			for i, g := range groups {
				row = append(row, strconv.Itoa(r.groups[g]))
				totals[3+i] += r.groups[g]
			}
			for i, s := range statuses {
				row = append(row, strconv.Itoa(r.status[string(s)]))
				totals[3+len(groups)+i] += r.status[string(s)]
			}
			row = append(row, strconv.Itoa(r.waiting), days(r.oldest, r.waiting))
			totals[len(totals)-2] += r.waiting
			oldest = max(oldest, r.oldest)
		}
		rep.Rows = append(rep.Rows, row)
	}
	rep.Totals = []string{l.T("hub.report.total"), strconv.Itoa(len(allSessions))}
	for i := 2; i < len(totals); i++ {
		rep.Totals = append(rep.Totals, strconv.Itoa(totals[i]))
	}
	if by != "group" {
		rep.Totals[len(rep.Totals)-1] = days(oldest, totals[len(totals)-2])
	}
	return rep, nil
}

func groupLabel(code string, l i18n.Lang) string {
	if code == "" {
		return l.T("group.none")
	}
	if s := l.T("group." + code); s != "group."+code {
		return s
	}
	return code
}

func groupOrder(code string) int {
	if i := slices.Index(roster.Groups, roster.Group(code)); i >= 0 {
		return i
	}
	return len(roster.Groups)
}

// days is a wait in whole days ("" when nothing waits).
func days(d time.Duration, waiting int) string {
	if waiting == 0 {
		return ""
	}
	return strconv.Itoa(int(d / (24 * time.Hour)))
}

// period names the dates a report covers: an open start is the first
// session's day, an open end the day the report is made. A report sent
// upward says what it counts, never "…".
func period(from, to, now time.Time, sessions []FactSession, l i18n.Lang) string {
	if from.IsZero() {
		for _, s := range sessions {
			if from.IsZero() || s.StartedAt.Before(from) {
				from = s.StartedAt
			}
		}
	}
	end := now
	if !to.IsZero() {
		end = to.Add(-time.Millisecond)
	}
	t := end.In(VN).Format("02/01/2006")
	if from.IsZero() {
		return l.T("hub.report.period.until", t)
	}
	return l.T("hub.report.period", from.In(VN).Format("02/01/2006"), t)
}

// WriteReport writes the report in format: table, csv, md or xlsx.
func WriteReport(w io.Writer, rep Report, format string, l i18n.Lang) error {
	switch format {
	case "table":
		return WriteTable(w, rep, 0)
	case "csv":
		cw := sheetcsv.NewWriter(w)
		for _, row := range append(append([][]string{rep.Headers}, rep.Rows...), rep.Totals) {
			cw.Write(row)
		}
		return cw.Flush()
	case "md":
		fmt.Fprintf(w, "# %s\n\n%s\n\n", mdCell(rep.Title), mdCell(rep.Period))
		line := func(row []string) {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = mdCell(c)
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		line(rep.Headers)
		rule := make([]string, len(rep.Headers))
		for i := range rule {
			rule[i] = "---:"
		}
		rule[0] = "---"
		fmt.Fprintf(w, "| %s |\n", strings.Join(rule, " | "))
		for _, r := range rep.Rows {
			line(r)
		}
		bold := make([]string, len(rep.Totals))
		for i, c := range rep.Totals {
			if c != "" {
				bold[i] = "**" + c + "**"
			}
		}
		line(bold)
		return nil
	case "xlsx":
		return writeXLSX(w, rep, l)
	}
	return fmt.Errorf("format %q: want one of %s", format, strings.Join(ReportFormats, ", "))
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", " ").Replace(s)
}

// writeXLSX writes a sheet a district can send upward: title, period,
// headers, one row per line with numbers as numbers, a totals row.
func writeXLSX(w io.Writer, rep Report, l i18n.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.T("hub.report.sheet")
	f.SetSheetName("Sheet1", sheet)
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border: borders(), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	cell, _ := f.NewStyle(&excelize.Style{Border: borders()})
	total, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: borders()})
	f.SetCellValue(sheet, "A1", rep.Title)
	f.SetCellStyle(sheet, "A1", "A1", title)
	f.SetCellValue(sheet, "A2", rep.Period)
	put := func(row int, cells []string, style int) {
		for i, c := range cells {
			name, _ := excelize.CoordinatesToCellName(i+1, row)
			if n, err := strconv.Atoi(c); err == nil && i > 0 {
				f.SetCellValue(sheet, name, n)
			} else {
				f.SetCellValue(sheet, name, c)
			}
			f.SetCellStyle(sheet, name, name, style)
		}
	}
	put(4, rep.Headers, head)
	for i, r := range rep.Rows {
		put(5+i, r, cell)
	}
	put(5+len(rep.Rows), rep.Totals, total)
	f.SetColWidth(sheet, "A", "A", 36)
	last, _ := excelize.ColumnNumberToName(len(rep.Headers))
	if len(rep.Headers) > 1 {
		f.SetColWidth(sheet, "B", last, 12)
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 4, XSplit: 1, TopLeftCell: "B5", ActivePane: "bottomRight"})
	orientation := "landscape"
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orientation})
	return f.Write(w)
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "999999", Style: 1})
	}
	return b
}
