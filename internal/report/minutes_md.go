package report

import (
	"briefing/internal/record"
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// statusCodes are the question statuses in the order the minutes count them.
var statusCodes = []string{"open", "answered", "forwarded", "answered_later"}

// WriteMinutesMarkdown writes the minutes (biên bản) of a session as
// Markdown, laid out as a ward's minutes are: the national header, the host
// unit, the title, then I. time, venue and form; II. attendance with the
// totals by group and by unit; III. the deck and the time per slide; IV. the
// questions and answers; a closing line and the signature block. Times are
// in loc (the machine's time zone when nil). Every piece of text from the
// session is put in NFC and escaped, so that no input can break the layout.
func WriteMinutesMarkdown(w io.Writer, m Minutes, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	b := bufio.NewWriter(w)
	s := m.Session

	// The header. A backslash at the end of a line is a hard line break
	// that editors do not strip, unlike two trailing spaces.
	fmt.Fprintf(b, "**%s**\\\n**%s**\n\n", l.T("minutes.nation"), l.T("minutes.motto"))
	if unit := mdInline(strings.ToUpper(s.Unit)); unit != "" {
		fmt.Fprintf(b, "**%s**\n\n", unit)
	}
	if !s.StartedAt.IsZero() {
		fmt.Fprintf(b, "*%s*\n\n", dateline(s.StartedAt.In(loc), l))
	}
	fmt.Fprintf(b, "# %s\n\n", l.T("minutes.title"))
	if title := mdInline(s.Title); title != "" {
		fmt.Fprintf(b, "**%s**\n\n", title)
	}

	// I. Time, venue and form.
	fmt.Fprintf(b, "## %s\n\n", l.T("minutes.sec.time"))
	end := l.T("minutes.end.open")
	if s.EndedAt != nil {
		end = dateTime(*s.EndedAt, l, loc)
	}
	mdItem(b, l.T("minutes.start"), dateTime(s.StartedAt, l, loc))
	mdItem(b, l.T("minutes.end"), end)
	mdItem(b, l.T("report.info.venue"), orText(s.Venue, l.T("minutes.notgiven")))
	mdItem(b, l.T("minutes.form"), orText(s.Form, l.T("minutes.notgiven")))
	b.WriteString("\n")

	// II. Attendance.
	fmt.Fprintf(b, "## %s\n\n", l.T("minutes.sec.people"))
	if s.Chair != "" {
		mdItem(b, l.T("paper.chair"), s.Chair)
	}
	if s.Secretary != "" {
		mdItem(b, l.T("paper.secretary"), s.Secretary)
	}
	mdItem(b, l.T("minutes.rapporteur"), orText(s.Rapporteur, l.T("minutes.notgiven")))
	if m.Invited != nil {
		// The same lines as the paper minutes, from the same count.
		sum := participationSum(Participation(m, l))
		mdItem(b, l.T("paper.invited"), l.T("minutes.people", sum.Invited))
		mdItem(b, l.T("report.info.present"), presentText(sum, l))
		mdItem(b, l.T("paper.absent"), l.T("minutes.people", sum.Absent))
	} else {
		mdItem(b, l.T("report.info.present"), l.T("minutes.people", len(m.Attendees)))
	}
	b.WriteString("\n")
	fmt.Fprintf(b, "### %s\n\n", l.T("minutes.bygroup"))
	mdTotals(b, l.T("report.col.group"), TotalsByGroup(m.Attendees, l), l)
	fmt.Fprintf(b, "### %s\n\n", l.T("minutes.byunit"))
	mdTotals(b, l.T("report.col.unit"), TotalsByUnit(m.Attendees, m.Units, l), l)

	// III. Content.
	fmt.Fprintf(b, "## %s\n\n", l.T("minutes.sec.content"))
	mdItem(b, l.T("minutes.deck"), orText(s.DeckTitle, l.T("minutes.notgiven")))
	mdItem(b, l.T("minutes.deck.id"), orText(m.DeckID, l.T("minutes.notgiven")))
	if v := shortVersion(s.DeckVersion); v == "" {
		mdItem(b, l.T("minutes.deck.version"), l.T("minutes.notgiven"))
	} else {
		fmt.Fprintf(b, "- %s: %s\n", l.T("minutes.deck.version"), mdCode(v))
	}
	slides := l.T("minutes.unknown")
	if m.Slides > 0 {
		slides = strconv.Itoa(m.Slides)
	}
	mdItem(b, l.T("minutes.slides"), slides)
	mdItem(b, l.T("minutes.slides.shown"), strconv.Itoa(len(m.Timeline)))
	mdItem(b, l.T("minutes.planned"), plannedText(m.PlannedMin, l))
	mdItem(b, l.T("minutes.actual"), actualText(s, l))
	views, spent := timelineSums(m.Timeline)
	mdItem(b, l.T("minutes.presented"), humanDuration(spent, l))
	b.WriteString("\n")
	fmt.Fprintf(b, "### %s\n\n", l.T("minutes.timeline"))
	if len(m.Timeline) == 0 {
		fmt.Fprintf(b, "%s\n\n", l.T("minutes.timeline.none"))
	} else {
		rows := make([][]string, len(m.Timeline))
		for i, st := range m.Timeline {
			rows[i] = []string{slideNumber(st.Number, l), slideTitle(st.Title, l), strconv.Itoa(st.Views), clock(st.Spent)}
		}
		mdTable(b,
			[]string{l.T("minutes.col.slide"), l.T("minutes.col.title"), l.T("minutes.col.views"), l.T("minutes.col.spent")},
			"| ---: | --- | ---: | ---: |", rows,
			[]string{l.T("report.totals.total"), "", strconv.Itoa(views), clock(spent)})
	}

	// IV. Questions and answers.
	fmt.Fprintf(b, "## %s\n\n", l.T("minutes.sec.questions"))
	if len(m.Questions) == 0 {
		fmt.Fprintf(b, "%s\n\n", l.T("minutes.questions.none"))
	} else {
		counts := statusCounts(m.Questions, l)
		rows := make([][]string, len(counts))
		for i, c := range counts {
			rows[i] = []string{c.Label, strconv.Itoa(c.Count)}
		}
		mdTable(b, []string{l.T("minutes.col.status"), l.T("minutes.col.count")}, "| --- | ---: |", rows,
			[]string{l.T("report.totals.total"), strconv.Itoa(len(m.Questions))})
		for i, q := range m.Questions {
			mdQuestion(b, i, q, l, loc)
		}
	}

	// The closing line and the signatures.
	if s.EndedAt != nil {
		b.WriteString(l.T("minutes.closing.ended", dateTime(*s.EndedAt, l, loc)))
	} else {
		b.WriteString(l.T("minutes.closing.open"))
	}
	b.WriteString(" ")
	if id := mdInline(s.ID); id != "" {
		b.WriteString(l.T("minutes.closing.made", id))
	} else {
		b.WriteString(l.T("minutes.closing.noid"))
	}
	b.WriteString("\n\n")
	mdSignatures(b, s, l)
	return b.Flush()
}

// mdQuestion writes one question: a heading with its number and slide, who
// asked and when, where it stands, its text and its answer as block quotes.
func mdQuestion(b *bufio.Writer, i int, q Question, l i18n.Lang, loc *time.Location) {
	n := q.Number
	if n <= 0 {
		n = i + 1
	}
	fmt.Fprintf(b, "### %s — %s\n\n", l.T("minutes.q.heading", n), slideRef(q.Slide+1, q.SlideTitle, l))
	asker := mdInline(askerName(q, l))
	if unit := mdInline(q.AskerUnit); unit != "" {
		asker += ", " + unit
	}
	if q.Press {
		asker += " " + l.T("minutes.q.press")
	}
	fmt.Fprintf(b, "- %s: %s\n", l.T("minutes.q.asker"), asker)
	mdItem(b, l.T("minutes.q.asked"), dateTime(q.CreatedAt, l, loc))
	mdItem(b, l.T("minutes.col.status"), statusLabel(string(q.Status), l))
	if q.ForwardedTo != "" {
		mdItem(b, l.T("minutes.q.forward"), forwardText(q, l, loc))
	}
	b.WriteString("\n")
	if text := cleanText(q.Text); strings.TrimSpace(text) != "" {
		fmt.Fprintf(b, "**%s:**\n\n", l.T("minutes.q.text"))
		mdQuote(b, text)
	}
	if answer := cleanText(q.Answer); strings.TrimSpace(answer) != "" {
		var who []string
		if by := mdInline(q.AnsweredBy); by != "" {
			who = append(who, by)
		}
		if q.AnsweredAt != nil && !q.AnsweredAt.IsZero() {
			who = append(who, dateTime(*q.AnsweredAt, l, loc))
		}
		if len(who) > 0 {
			fmt.Fprintf(b, "**%s** (%s):\n\n", l.T("minutes.q.answer"), strings.Join(who, ", "))
		} else {
			fmt.Fprintf(b, "**%s:**\n\n", l.T("minutes.q.answer"))
		}
		mdQuote(b, answer)
	}
}

// mdSignatures writes the signature block: the secretary on the left, the
// chair on the right (the rapporteur when no chair is recorded and a
// rapporteur is), with room to sign above the names.
func mdSignatures(b *bufio.Writer, s Session, l i18n.Lang) {
	right := l.T("minutes.sign.chair")
	name := mdInline(s.Chair)
	if name == "" && mdInline(s.Rapporteur) != "" {
		name, right = mdInline(s.Rapporteur), l.T("minutes.sign.rapporteur")
	}
	fmt.Fprintf(b, "| %s | %s |\n| :---: | :---: |\n", l.T("minutes.sign.clerk"), right)
	hint := "*" + l.T("minutes.sign.hint") + "*"
	fmt.Fprintf(b, "| %s | %s |\n", hint, hint)
	b.WriteString("|  |  |\n|  |  |\n|  |  |\n")
	if secretary := mdInline(s.Secretary); name != "" || secretary != "" {
		left := ""
		if secretary != "" {
			left = "**" + secretary + "**"
		}
		if name != "" {
			name = "**" + name + "**"
		}
		fmt.Fprintf(b, "| %s | %s |\n", left, name)
	}
}

// mdItem writes a list item "- label: value", the value escaped.
func mdItem(b *bufio.Writer, label, value string) {
	fmt.Fprintf(b, "- %s: %s\n", label, mdInline(value))
}

// mdTotals writes a totals table with a bold total row.
func mdTotals(b *bufio.Writer, heading string, totals []Total, l i18n.Lang) {
	rows := make([][]string, len(totals))
	sum := 0
	for i, t := range totals {
		rows[i] = []string{t.Label, strconv.Itoa(t.Count)}
		sum += t.Count
	}
	mdTable(b, []string{heading, l.T("report.totals.count")}, "| --- | ---: |", rows,
		[]string{l.T("report.totals.total"), strconv.Itoa(sum)})
}

// mdTable writes a table: head, the delimiter row as given (it sets the
// alignment), the rows, then a footer row in bold. Every cell is escaped.
func mdTable(b *bufio.Writer, head []string, delim string, rows [][]string, foot []string) {
	mdRow(b, head, false)
	b.WriteString(delim)
	b.WriteString("\n")
	for _, r := range rows {
		mdRow(b, r, false)
	}
	mdRow(b, foot, true)
	b.WriteString("\n")
}

func mdRow(b *bufio.Writer, cells []string, bold bool) {
	b.WriteString("|")
	for _, c := range cells {
		c = mdInline(c)
		if bold && c != "" {
			c = "**" + c + "**"
		}
		b.WriteString(" ")
		b.WriteString(c)
		b.WriteString(" |")
	}
	b.WriteString("\n")
}

// mdQuote writes text as a block quote, line by line, so that a question of
// several lines or paragraphs reads as it was taken down. A backslash ends
// each line that the next continues, as a hard line break.
func mdQuote(b *bufio.Writer, text string) {
	lines := strings.Split(strings.TrimSpace(text), "\n")
	for i, line := range lines {
		line = mdLineStart(mdInline(line))
		if line == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> ")
		b.WriteString(line)
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			b.WriteString("\\")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// mdInline makes text safe inside a line of Markdown: clean, on one line
// (a newline would end a table row or a list item), and with a backslash
// before every character that could start emphasis, a link, HTML, code, a
// table cell or a heading's closing marks.
func mdInline(s string) string {
	s = strings.TrimSpace(cleanText(s))
	if s == "" {
		return ""
	}
	var out strings.Builder
	out.Grow(len(s) + 8)
	space := false
	for _, r := range s {
		switch r {
		case '\n', '\t', ' ':
			space = true
			continue
		}
		if space {
			out.WriteByte(' ')
			space = false
		}
		if strings.ContainsRune("\\`*_[]<>|#~", r) {
			out.WriteByte('\\')
		}
		out.WriteRune(r)
	}
	return out.String()
}

// mdLineStart escapes what would turn a line of a block quote into a list,
// a heading underline or a rule: a leading -, + or =, or a number followed
// by . or ). (The other markers are escaped by mdInline.)
func mdLineStart(s string) string {
	if s == "" {
		return s
	}
	if strings.IndexByte("-+=", s[0]) >= 0 {
		return "\\" + s
	}
	i := 0
	for i < len(s) && i < 9 && isDigit(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// mdCode is s as a code span, or escaped text when s holds a backtick.
func mdCode(s string) string {
	if strings.ContainsAny(s, "`\n") {
		return mdInline(s)
	}
	return "`" + s + "`"
}

// cleanText is s as the minutes keep it: valid UTF-8 in NFC, line ends as
// "\n" (Windows and Unicode line separators included), no control or
// format characters (textvi.Printable: an escape sequence or a bidi
// override must not reach a terminal or an XML file).
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return '\n'
		}
		return r
	}, s)
	return textvi.NFC(textvi.Printable(s))
}

// orText is s, or alt when s is blank.
func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// dateTime is t in loc as "08:00 ngày 15/03/2025" ("08:00, 15/03/2025" in
// English), or "unknown" for a zero time.
func dateTime(t time.Time, l i18n.Lang, loc *time.Location) string {
	if t.IsZero() {
		return l.T("minutes.unknown")
	}
	t = t.In(loc)
	return l.T("minutes.datetime", t.Format("15:04"), t.Format("02/01/2006"))
}

// dateline is the date under the national header. In Vietnamese a day
// below 10 and the months January and February take a leading zero, as
// Decree 30/2020/NĐ-CP asks of administrative documents.
func dateline(t time.Time, l i18n.Lang) string {
	day, month := strconv.Itoa(t.Day()), strconv.Itoa(int(t.Month()))
	if l == i18n.EN || t.Day() < 10 {
		day = fmt.Sprintf("%02d", t.Day())
	}
	if l == i18n.EN || t.Month() <= time.February {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	return l.T("minutes.dateline", day, month, strconv.Itoa(t.Year()))
}

// clock is d as minutes and seconds, "07:05"; an hour and more counts on in
// minutes ("75:00"), as a presenter's timer does. A negative d is zero.
func clock(d time.Duration) string {
	sec := seconds(d)
	return fmt.Sprintf("%02d:%02d", sec/60, sec%60)
}

// seconds is d in whole seconds, rounded; a negative d is zero.
func seconds(d time.Duration) int64 {
	return max(int64(d.Round(time.Second)/time.Second), 0)
}

// humanDuration is d in hours and minutes, "2 giờ 30 phút", to the nearest
// minute.
func humanDuration(d time.Duration, l i18n.Lang) string {
	min := int(d.Round(time.Minute) / time.Minute)
	switch h, mm := min/60, min%60; {
	case h == 0:
		return l.T("minutes.dur.min", mm)
	case mm == 0:
		return l.T("minutes.dur.hour", h)
	default:
		return l.T("minutes.dur.hourmin", h, mm)
	}
}

func plannedText(min int, l i18n.Lang) string {
	if min <= 0 {
		return l.T("minutes.notset")
	}
	return humanDuration(time.Duration(min)*time.Minute, l)
}

// actualDuration is the time from start to end; ok is false while the
// session is open or when the times are missing or out of order.
func actualDuration(s Session) (d time.Duration, ok bool) {
	if s.EndedAt == nil || s.StartedAt.IsZero() || s.EndedAt.IsZero() || s.EndedAt.Before(s.StartedAt) {
		return 0, false
	}
	return s.EndedAt.Sub(s.StartedAt), true
}

func actualText(s Session, l i18n.Lang) string {
	if s.EndedAt == nil {
		return l.T("minutes.end.open")
	}
	d, ok := actualDuration(s)
	if !ok {
		return l.T("minutes.unknown")
	}
	return humanDuration(d, l)
}

// timelineSums is the number of views and the time over all slides.
func timelineSums(tl []SlideTime) (views int, spent time.Duration) {
	for _, st := range tl {
		views += st.Views
		if st.Spent > 0 {
			spent += st.Spent
		}
	}
	return views, spent
}

// shortVersion is a deck version as the minutes print it: a long hex
// content hash cut to its first 12 digits (what a deck records, and enough
// to tell versions apart), anything else as it is.
func shortVersion(v string) string {
	v = strings.TrimSpace(cleanText(v))
	if len(v) > 12 && strings.Trim(strings.ToLower(v), "0123456789abcdef") == "" {
		return v[:12]
	}
	return v
}

func slideNumber(n int, l i18n.Lang) string {
	if n <= 0 {
		return l.T("minutes.unknown")
	}
	return strconv.Itoa(n)
}

func slideTitle(title string, l i18n.Lang) string {
	return orText(title, l.T("minutes.title.unknown"))
}

// slideRef is "Trang 3: title", "Trang 7 (không rõ tiêu đề)" or "Không rõ
// trang", escaped for Markdown.
func slideRef(n int, title string, l i18n.Lang) string {
	if n <= 0 {
		return l.T("minutes.q.slide.unknown")
	}
	if t := mdInline(title); t != "" {
		return l.T("minutes.q.slide", n) + ": " + t
	}
	return l.T("minutes.q.slide", n) + " " + l.T("minutes.title.unknown")
}

// askerName is the asker's name, or "Ẩn danh" for an anonymous question.
func askerName(q Question, l i18n.Lang) string {
	return orText(q.AskerName, l.T("question.anonymous"))
}

// statusLabel is a question status code in words (i18n's one label).
func statusLabel(code string, l i18n.Lang) string {
	return l.QuestionStatus(record.QuestionStatus(code))
}

// forwardLabel is where a question went: "Chuyển người phát ngôn", built
// on i18n's one destination label; "" when it was not forwarded.
func forwardLabel(code string, l i18n.Lang) string {
	if code == "" {
		return ""
	}
	return l.T("minutes.forwarded.to", l.Destination(record.Destination(code)))
}

// forwardText is where a question went and, when known, when:
// "Chuyển Quận (09:30 ngày 15/03/2025)".
func forwardText(q Question, l i18n.Lang, loc *time.Location) string {
	text := forwardLabel(string(q.ForwardedTo), l)
	if text != "" && q.ForwardedAt != nil && !q.ForwardedAt.IsZero() {
		text += " (" + dateTime(*q.ForwardedAt, l, loc) + ")"
	}
	return text
}

// statusCounts counts questions by status: every status in statusCodes,
// zero included, then any other code (by code).
func statusCounts(qs []Question, l i18n.Lang) []Total {
	counts := make(map[string]int, len(statusCodes))
	for _, q := range qs {
		counts[string(q.Status)]++
	}
	totals := make([]Total, 0, len(statusCodes))
	for _, code := range statusCodes {
		totals = append(totals, Total{statusLabel(code, l), counts[code]})
		delete(counts, code)
	}
	for _, code := range slices.Sorted(maps.Keys(counts)) {
		totals = append(totals, Total{statusLabel(code, l), counts[code]})
	}
	return totals
}
