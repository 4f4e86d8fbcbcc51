package report

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"briefing/internal/i18n"
	"briefing/internal/paper"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

// WriteMinutesPDF writes the minutes as a PDF to print and sign: the
// layout of Decree 30/2020/NĐ-CP for a biên bản (MinutesDoc).
func WriteMinutesPDF(w io.Writer, m Minutes, l i18n.Lang, loc *time.Location) error {
	return paper.WritePDF(w, MinutesDoc(m, l, loc))
}

// WriteMinutesDOCX writes the minutes as a DOCX document to edit in Word or
// LibreOffice, laid out as the PDF.
func WriteMinutesDOCX(w io.Writer, m Minutes, l i18n.Lang, loc *time.Location) error {
	return paper.WriteDOCX(w, MinutesDoc(m, l, loc))
}

// MinutesDoc lays the minutes out as a ward files them (Decree
// 30/2020/NĐ-CP, Appendix I): the issuing body's lines (the body above and
// the host unit) beside the national name and motto, the number left for
// the office to fill in, place and date; the title; I. time, venue and
// form; II. the chair, the secretary, the rapporteur and the participants
// (invited, present and absent by unit; present by group); III. the deck,
// its version and the time per slide; IV. the questions with their
// answers and forwards; the end time; the secretary's and the chair's
// signature blocks. Times are in loc (the machine's when nil).
func MinutesDoc(m Minutes, l i18n.Lang, loc *time.Location) paper.Doc {
	loc = location(loc)
	s := m.Session
	d := paper.Doc{Title: l.T("minutes.title") + " " + oneLine(s.Title), Created: s.StartedAt}
	if s.EndedAt != nil {
		d.Created = *s.EndedAt
	}
	d.Header = minutesHeader(m, l, loc)
	add := func(b ...paper.Block) { d.Blocks = append(d.Blocks, b...) }
	heading := func(text string) { add(paper.Para{Runs: paper.Bold(text), Before: 8, KeepNext: true}) }
	item := func(label, value string) { add(paper.Item(label, oneLine(value))) }

	add(paper.Para{Runs: paper.Bold(l.T("minutes.title")), Align: paper.Center, Size: 14, Before: 10})
	if title := oneLine(s.Title); title != "" {
		add(paper.Para{Runs: paper.Bold(title), Align: paper.Center, Size: 14})
	}

	// I. Time, venue and form.
	heading(l.T("minutes.sec.time"))
	end := l.T("minutes.end.open")
	if s.EndedAt != nil {
		end = dateTime(*s.EndedAt, l, loc)
	}
	item(l.T("minutes.start"), dateTime(s.StartedAt, l, loc))
	item(l.T("minutes.end"), end)
	item(l.T("report.info.venue"), orText(s.Venue, l.T("minutes.notgiven")))
	item(l.T("minutes.form"), orText(s.Form, l.T("minutes.notgiven")))

	// II. Who chaired, who took the minutes, who came.
	heading(l.T("minutes.sec.people"))
	item(l.T("paper.chair"), orText(s.Chair, l.T("minutes.notgiven")))
	item(l.T("paper.secretary"), orText(s.Secretary, l.T("minutes.notgiven")))
	item(l.T("minutes.rapporteur"), orText(s.Rapporteur, l.T("minutes.notgiven")))
	tallies := Participation(m, l)
	if m.Invited != nil {
		sum := participationSum(tallies)
		item(l.T("paper.invited"), l.T("minutes.people", sum.Invited))
		item(l.T("report.info.present"), presentText(sum, l))
		item(l.T("paper.absent"), l.T("minutes.people", sum.Absent))
		rows := make([][]string, len(tallies))
		for i, t := range tallies {
			rows[i] = []string{t.Label, strconv.Itoa(t.Invited), strconv.Itoa(t.Present), strconv.Itoa(t.NotInvited), strconv.Itoa(t.Absent)}
		}
		add(paper.Para{Runs: paper.Bold(l.T("paper.byunit")), Before: 4, KeepNext: true},
			paper.Table{Widths: []float64{9, 3, 3, 3, 3}, Align: []paper.Align{paper.Left, paper.Right, paper.Right, paper.Right, paper.Right},
				Head: []string{l.T("report.col.unit"), l.T("paper.col.invited"), l.T("paper.col.present"), l.T("minutes13b.col.notinvited"), l.T("paper.col.absent")},
				Rows: rows, Foot: []string{l.T("report.totals.total"), strconv.Itoa(sum.Invited), strconv.Itoa(sum.Present), strconv.Itoa(sum.NotInvited), strconv.Itoa(sum.Absent)}})
	} else {
		item(l.T("report.info.present"), l.T("minutes.people", len(m.Attendees)))
		totals := make([]Total, len(tallies))
		for i, t := range tallies {
			totals[i] = Total{t.Label, t.Present}
		}
		add(paper.Para{Runs: paper.Bold(l.T("paper.byunit")), Before: 4, KeepNext: true},
			totalsTable(l.T("report.col.unit"), totals, l))
	}
	add(paper.Para{Runs: paper.Bold(l.T("paper.bygroup")), Before: 4, KeepNext: true},
		totalsTable(l.T("report.col.group"), TotalsByGroup(m.Attendees, l), l))

	// III. Content.
	heading(l.T("minutes.sec.content"))
	item(l.T("minutes.deck"), orText(s.DeckTitle, l.T("minutes.notgiven")))
	item(l.T("minutes.deck.id"), orText(m.DeckID, l.T("minutes.notgiven")))
	item(l.T("minutes.deck.version"), orText(shortVersion(s.DeckVersion), l.T("minutes.notgiven")))
	slides := l.T("minutes.unknown")
	if m.Slides > 0 {
		slides = strconv.Itoa(m.Slides)
	}
	item(l.T("minutes.slides"), slides)
	item(l.T("minutes.slides.shown"), strconv.Itoa(len(m.Timeline)))
	item(l.T("minutes.planned"), plannedText(m.PlannedMin, l))
	item(l.T("minutes.actual"), actualText(s, l))
	views, spent := timelineSums(m.Timeline)
	item(l.T("minutes.presented"), humanDuration(spent, l))
	add(paper.Para{Runs: paper.Bold(l.T("paper.timeline")), Before: 4, KeepNext: true})
	if len(m.Timeline) == 0 {
		add(paper.Para{Runs: paper.Text(l.T("minutes.timeline.none"))})
	} else {
		rows := make([][]string, len(m.Timeline))
		for i, st := range m.Timeline {
			rows[i] = []string{slideNumber(st.Number, l), oneLine(slideTitle(st.Title, l)), strconv.Itoa(st.Views), clock(st.Spent)}
		}
		add(paper.Table{Widths: []float64{3, 10, 2, 3}, Align: []paper.Align{paper.Right, paper.Left, paper.Right, paper.Right},
			Head: []string{l.T("minutes.col.slide"), l.T("minutes.col.title"), l.T("minutes.col.views"), l.T("minutes.col.spent")},
			Rows: rows, Foot: []string{l.T("report.totals.total"), "", strconv.Itoa(views), clock(spent)}})
	}

	// IV. Questions and answers.
	heading(l.T("minutes.sec.questions"))
	if len(m.Questions) == 0 {
		add(paper.Para{Runs: paper.Text(l.T("minutes.questions.none"))})
	} else {
		counts := statusCounts(m.Questions, l)
		rows := make([][]string, len(counts))
		for i, c := range counts {
			rows[i] = []string{c.Label, strconv.Itoa(c.Count)}
		}
		add(paper.Table{Widths: []float64{3, 1}, Align: []paper.Align{paper.Left, paper.Right},
			Head: []string{l.T("minutes.col.status"), l.T("minutes.col.count")}, Rows: rows,
			Foot: []string{l.T("report.totals.total"), strconv.Itoa(len(m.Questions))}})
		for i, q := range m.Questions {
			d.Blocks = append(d.Blocks, questionBlocks(i, q, l, loc)...)
		}
	}

	// The end, and the signatures.
	closing := l.T("minutes.closing.open")
	if s.EndedAt != nil {
		closing = l.T("minutes.closing.ended", dateTime(*s.EndedAt, l, loc))
	}
	if id := oneLine(s.ID); id != "" {
		closing += " " + l.T("minutes.closing.made", id)
	} else {
		closing += " " + l.T("minutes.closing.noid")
	}
	add(paper.Para{Runs: paper.Text(closing), Align: paper.Justify, Indent: true, Before: 8, Keep: 50})
	hint := l.T("minutes.sign.hint")
	add(paper.Signatures{
		{Title: l.T("minutes.sign.clerk"), Hint: hint, Name: oneLine(s.Secretary)},
		{Title: l.T("minutes.sign.chair"), Hint: hint, Name: oneLine(s.Chair)},
	})
	return d
}

// minutesHeader is the decree's header: the unit above the host (its
// parent in the unit catalog) and the host in capitals, the number with
// its dots for the office to fill in, and the place (the host) and date.
func minutesHeader(m Minutes, l i18n.Lang, loc *time.Location) *paper.Header {
	s := m.Session
	host, above := oneLine(s.Unit), ""
	if u, ok := m.Units.Resolve(s.Unit); ok {
		host = u.Name
		if p, ok := m.Units.Unit(u.ParentID); ok && u.ParentID != "" {
			above = p.Name
		}
	}
	h := &paper.Header{
		Above: upper(above), Body: upper(host),
		Nation: l.T("minutes.nation"), Motto: l.T("minutes.motto"),
	}
	if h.Body == "" {
		h.Body = l.T("paper.dots")
	}
	if abbr := abbreviation(host); abbr != "" {
		h.Number = l.T("paper.number", abbr)
	} else {
		h.Number = l.T("paper.number.bare")
	}
	place := orText(host, l.T("paper.dots"))
	if s.StartedAt.IsZero() {
		h.Dateline = l.T("paper.dateline", place, "…", "…", "……")
	} else {
		day, month, year := datelineParts(s.StartedAt.In(loc), l)
		h.Dateline = l.T("paper.dateline", place, day, month, year)
	}
	return h
}

// questionBlocks is one question: its number and slide, who asked and
// when, where it stands (answered, forwarded where and when), its text
// and its answer.
func questionBlocks(i int, q Question, l i18n.Lang, loc *time.Location) []paper.Block {
	n := q.Number
	if n <= 0 {
		n = i + 1
	}
	ref := l.T("minutes.q.slide.unknown")
	if q.Slide+1 > 0 {
		ref = l.T("minutes.q.slide", q.Slide+1)
		if t := oneLine(q.SlideTitle); t != "" {
			ref += ": " + t
		} else {
			ref += " " + l.T("minutes.title.unknown")
		}
	}
	asker := oneLine(askerName(q, l))
	if unit := oneLine(q.AskerUnit); unit != "" {
		asker += ", " + unit
	}
	if q.Press {
		asker += " " + l.T("minutes.q.press")
	}
	out := []paper.Block{
		paper.Para{Runs: paper.Bold(l.T("minutes.q.heading", n) + " — " + ref), Before: 6, KeepNext: true},
		paper.Item(l.T("minutes.q.asker"), asker),
		paper.Item(l.T("minutes.q.asked"), dateTime(q.CreatedAt, l, loc)),
		paper.Item(l.T("minutes.col.status"), statusLabel(string(q.Status), l)),
	}
	if q.ForwardedTo != "" {
		out = append(out, paper.Item(l.T("minutes.q.forward"), forwardText(q, l, loc)))
	}
	if text := strings.TrimSpace(cleanText(q.Text)); text != "" {
		out = append(out, paper.Para{Runs: []paper.Run{{Text: l.T("minutes.q.text") + ": ", Bold: true}, {Text: text}}})
	}
	if answer := strings.TrimSpace(cleanText(q.Answer)); answer != "" {
		label := l.T("minutes.q.answer")
		var who []string
		if by := oneLine(q.AnsweredBy); by != "" {
			who = append(who, by)
		}
		if q.AnsweredAt != nil && !q.AnsweredAt.IsZero() {
			who = append(who, dateTime(*q.AnsweredAt, l, loc))
		}
		if len(who) > 0 {
			label += " (" + strings.Join(who, ", ") + ")"
		}
		out = append(out, paper.Para{Runs: []paper.Run{{Text: label + ": ", Bold: true}, {Text: answer}}})
	}
	return out
}

// totalsTable is a totals table (label, count) with its total.
func totalsTable(heading string, totals []Total, l i18n.Lang) paper.Table {
	rows := make([][]string, len(totals))
	sum := 0
	for i, t := range totals {
		rows[i] = []string{oneLine(t.Label), strconv.Itoa(t.Count)}
		sum += t.Count
	}
	return paper.Table{Widths: []float64{3, 1}, Align: []paper.Align{paper.Left, paper.Right},
		Head: []string{heading, l.T("report.totals.count")}, Rows: rows,
		Foot: []string{l.T("report.totals.total"), strconv.Itoa(sum)}}
}

// UnitTally is one unit's line of the participants: people invited (on
// the roster), present, of whom NotInvited were not on the invitation list
// (walk-ins, people of other units), and absent (invited, not come). So
// Invited = Present - NotInvited + Absent, line by line and in total.
type UnitTally struct {
	Label                                string
	Invited, Present, NotInvited, Absent int
}

// Participation counts the invited, the present and the absent by unit,
// the spellings of one unit together (unit.Catalog.Bucket, as
// TotalsByUnit). An invited person who came counts on the line they were
// invited under, so that every line adds up; anyone else present counts
// as not invited on their own unit's line. Lines come in the catalog's
// order, then by name with numbers in numeric order ("Khu phố 2" before
// "Khu phố 10"), people with no unit last; a unit the catalog does not
// know is printed as written (these are the official minutes, not the
// clerk's check).
func Participation(m Minutes, l i18n.Lang) []UnitTally {
	type line struct {
		unit.Bucket
		UnitTally
		folded string
	}
	byID := map[string]*line{}
	var lines []*line
	get := func(spelling string) *line {
		b := m.Units.Bucket(spelling)
		if ln, ok := byID[b.ID]; ok {
			return ln
		}
		ln := &line{Bucket: b, folded: textvi.Fold(b.Label)}
		byID[b.ID] = ln
		lines = append(lines, ln)
		return ln
	}
	// Each invited person's line; an entry is removed when they are seen
	// present, so a second check-in of theirs cannot count twice.
	invited := make(map[string]*line, len(m.Invited))
	for _, p := range m.Invited {
		ln := get(p.Unit)
		ln.Invited++
		ln.Absent++
		if p.PersonID != "" {
			invited[p.PersonID] = ln
		}
	}
	for _, a := range m.Attendees {
		if ln, ok := invited[a.PersonID]; ok && a.PersonID != "" {
			delete(invited, a.PersonID)
			ln.Present++
			ln.Absent--
			continue
		}
		ln := get(a.Unit)
		ln.Present++
		if m.Invited != nil {
			ln.NotInvited++
		}
	}
	slices.SortFunc(lines, func(x, y *line) int {
		if c := cmp.Compare(x.Order, y.Order); c != 0 {
			return c
		}
		if c := compareNatural(x.folded, y.folded); c != 0 {
			return c
		}
		return strings.Compare(x.Bucket.Label, y.Bucket.Label)
	})
	out := make([]UnitTally, 0, len(lines))
	for _, ln := range lines {
		ln.UnitTally.Label = oneLine(ln.Bucket.Label)
		if ln.ID == "" {
			ln.UnitTally.Label = l.T("report.unit.none")
		}
		out = append(out, ln.UnitTally)
	}
	return out
}

// participationSum is the tallies added up.
func participationSum(tallies []UnitTally) UnitTally {
	var sum UnitTally
	for _, t := range tallies {
		sum.Invited += t.Invited
		sum.Present += t.Present
		sum.NotInvited += t.NotInvited
		sum.Absent += t.Absent
	}
	return sum
}

// presentText is the number present and, when some were not invited, how
// many: "151 người, trong đó 1 người không có trong danh sách mời", so
// that invited = present - not invited + absent reads off the minutes.
func presentText(sum UnitTally, l i18n.Lang) string {
	text := l.T("minutes.people", sum.Present)
	if sum.NotInvited > 0 {
		text += ", " + l.T("minutes13b.notinvited", sum.NotInvited)
	}
	return text
}

// datelineParts are the day, month and year of the dateline: in
// Vietnamese a day below 10 and the months January and February take a
// leading zero (Decree 30/2020/NĐ-CP).
func datelineParts(t time.Time, l i18n.Lang) (day, month, year string) {
	day, month = strconv.Itoa(t.Day()), strconv.Itoa(int(t.Month()))
	if l == i18n.EN || t.Day() < 10 {
		day = "0" + strconv.Itoa(t.Day())
		day = day[len(day)-2:]
	}
	if l == i18n.EN || t.Month() <= time.February {
		month = "0" + strconv.Itoa(int(t.Month()))
		month = month[len(month)-2:]
	}
	return day, month, strconv.Itoa(t.Year())
}

// oneLine is s clean and on one line, its spaces collapsed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// upper is s in capitals, as the decree writes the issuing body's name.
func upper(s string) string { return strings.ToUpper(oneLine(s)) }

// abbreviation is the short form of a unit's name after "BB-" in the
// number: the initials of its words without diacritics and its numbers
// whole ("Ủy ban nhân dân Phường 4" → "UBNDP4"); "" when it has none.
func abbreviation(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(textvi.Fold(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		rs := []rune(w)
		if unicode.IsDigit(rs[0]) {
			b.WriteString(w)
			continue
		}
		b.WriteString(strings.ToUpper(string(rs[0])))
	}
	return b.String()
}
