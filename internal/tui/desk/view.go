package desk

import (
	"fmt"

	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	"strconv"
	"strings"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/roster"
	"briefing/internal/textvi"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// wideLayout is the width from which the counters get their own pane.
const wideLayout = 110

// countersPane is that pane's width.
const countersPane = 36

// chrome is the lines around the list in the narrow layout: header, search,
// list heading, two counter lines, status, notice, help.
const chrome = 8

func (m Model) listHeight() int {
	if m.width >= wideLayout {
		return max(m.height-6, 1) // header, search, heading, status, notice, help
	}
	return max(m.height-chrome, 1)
}

// View draws the desk.
func (m Model) View() string {
	var b strings.Builder
	b.WriteString(m.header() + "\n")
	if m.tab == tabQuestions {
		b.WriteString(m.questions.View() + "\n")
		b.WriteString(m.styles.Dim.Render(ansi.Truncate(m.lang.T("qtab.notice"), m.width, "…")) + "\n")
		b.WriteString(common.HelpLine(m.styles, m.width, m.ShortHelp()))
		return b.String()
	}
	b.WriteString(m.searchLine() + "\n")
	mainW := m.width
	if m.width >= wideLayout {
		mainW = m.width - countersPane - 1
	}
	var body string
	if m.focus == focusWalkIn {
		boxW := min(mainW, 76)
		hint := common.FitHelp(m.styles, boxW-m.styles.Box.GetHorizontalFrameSize(), m)
		body = m.styles.Box.Width(boxW).Render(m.walkIn.view(hint))
		body = fitLines(body, m.listHeight()+1)
	} else {
		body = m.heading(mainW) + "\n" + m.list(mainW)
	}
	if m.width >= wideLayout {
		body = lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(mainW+1).Render(body), m.countersPane())
	} else {
		body += "\n" + m.countersLines(m.width)
	}
	b.WriteString(body + "\n")
	b.WriteString(m.status.Line(m.styles, m.width) + "\n")
	b.WriteString(m.styles.Dim.Render(ansi.Truncate(m.lang.T("desk.notice"), m.width, "…")) + "\n")
	b.WriteString(common.HelpLine(m.styles, m.width, m.ShortHelp()))
	return b.String()
}

func (m Model) header() string {
	left := " " + m.lang.T("desk.title") + " · " + m.s.Info.Title
	tabs := ""
	if m.questions != nil {
		tabs = m.tabs()
		left = " " + m.s.Info.Title
	}
	right := " " + m.presentText(m.counts()) + " "
	if m.ended() {
		right = " " + m.lang.T("desk.ended.short") + " ·" + right
	}
	left = ansi.Truncate(left, max(m.width-lineWidth(tabs)-lineWidth(right)-1, 1), "…")
	gap := max(m.width-lineWidth(tabs)-lineWidth(left)-lineWidth(right), 0)
	return tabs + m.styles.Status.Render(left+strings.Repeat(" ", gap)) + m.styles.StatusKey.Render(right)
}

// tabs is the tab bar at the start of the header; the Questions label
// carries the open count, so the clerk sees work waiting from either tab.
func (m Model) tabs() string {
	att := " " + m.lang.T("qtab.tab.attendance") + " "
	qs := " " + m.lang.T("qtab.tab.questions") + " "
	if open, _ := m.questions.Counts(); open > 0 {
		qs = " " + m.lang.T("qtab.tab.open", open) + " "
	}
	active, inactive := m.styles.StatusKey, m.styles.Status
	if m.tab == tabQuestions {
		return inactive.Render(att) + active.Render("▸"+qs)
	}
	return active.Render("▸"+att) + inactive.Render(qs)
}

func (m Model) searchLine() string {
	label := m.lang.T("desk.search.label")
	if m.focus == focusSearch {
		label = m.styles.Title.Render(label)
	} else {
		label = m.styles.Dim.Render(label)
	}
	return " " + label + " " + m.input.View()
}

func (m Model) heading(w int) string {
	q := strings.TrimSpace(m.input.Value())
	var text string
	number, isID := m.typedID()
	switch {
	case isID && m.idFor != number:
		text = m.lang.T("desk13.id.looking", cccd.Last4(number))
	case isID && len(m.rows) == 0:
		return m.styles.Warn.Render(ansi.Truncate(" "+m.lang.T("desk.id.none", cccd.Last4(number)), w, "…"))
	case isID:
		text = m.lang.T("desk13.id.match", cccd.Last4(number))
	case m.loadErr != nil:
		return m.styles.Warn.Render(ansi.Truncate(" "+m.lang.T("desk.load.failed", m.loadErr.Error()), w, "…"))
	case m.book == nil && q != "" && m.tooBroad:
		text = m.lang.T("desk.loading.broad")
	case m.book == nil && q != "" && len(m.rows) > 0:
		text = m.lang.T("desk.loading.found", len(m.rows))
	case m.book == nil:
		text = m.lang.T("desk.loading")
	case m.card != nil:
		return m.styles.Warn.Render(ansi.Truncate(" "+m.lang.T("desk.card.heading", m.card.Name, cccd.Last4(m.card.Number)), w, "…"))
	case q == "" && m.notYet:
		text = m.lang.T("desk13.notyet.heading", m.counts().Expected-m.cameOfExpected(), m.counts().Expected)
	case q == "" && len(m.rows) == 0:
		text = m.lang.T("desk.recent.none")
	case q == "":
		text = m.lang.T("desk.recent", len(m.rows))
	case len(m.rows) == 0 && m.isScan():
		text = m.lang.T("desk.qr.reading")
	case len(m.rows) == 0:
		return m.styles.Warn.Render(ansi.Truncate(" "+m.lang.T("desk.nomatch", q), w, "…"))
	case m.misspelled:
		return m.styles.Warn.Render(ansi.Truncate(" "+m.lang.T("desk.misspelled", q, len(m.rows)), w, "…"))
	default:
		more := ""
		if len(m.rows) == resultLimit {
			more = "+"
		}
		text = m.lang.T("desk.matches", strconv.Itoa(len(m.rows))+more, len(m.book.byID)) // people, not index entries (book.replace adds one)
	}
	return m.styles.Dim.Render(ansi.Truncate(" "+text, w, "…"))
}

// cameOfExpected is how many of the expected are here (the units' sum).
func (m Model) cameOfExpected() int {
	came := 0
	for _, u := range m.counts().ByUnit {
		came += u.Expected - u.NotYet
	}
	return came
}

func (m Model) isScan() bool { return cccd.LooksLikeQR(m.input.Value()) }

// list draws the rows around the selection. A person whose name another
// row shares gets a second line with what tells them apart (tells).
func (m Model) list(w int) string {
	h := m.listHeight() - 1
	if h < 1 {
		return ""
	}
	same := m.sameNames()
	height := func(i int) int {
		if same[i] && m.tells(m.rows[i].person) != "" {
			return 2
		}
		return 1
	}
	// The first row shown: the top, unless the selection's lines would end
	// below the last line (at most 50 rows: counting again is cheap).
	first := 0
	for first < m.sel {
		used := 0
		for i := first; i <= m.sel && i < len(m.rows); i++ {
			used += height(i)
		}
		if used <= h {
			break
		}
		first++
	}
	nameW, unitW, groupW := columns(w)
	lines := make([]string, 0, h)
	for i := first; i < len(m.rows) && len(lines) < h; i++ {
		lines = append(lines, m.rowLine(i, nameW, unitW, groupW, w))
		if height(i) == 2 && len(lines) < h {
			lines = append(lines, m.styles.Dim.Render(ansi.Truncate("    "+m.tells(m.rows[i].person), w, "…")))
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// sameNames marks the rows whose name another row has too (diacritics and
// case aside): those the clerk must tell apart.
func (m Model) sameNames() map[int]bool {
	byName := map[string][]int{}
	for i, r := range m.rows {
		k := textvi.Fold(r.person.Name)
		byName[k] = append(byName[k], i)
	}
	out := map[int]bool{}
	for _, rows := range byName {
		if len(rows) > 1 {
			for _, i := range rows {
				out[i] = true
			}
		}
	}
	return out
}

// tells is what tells a person from another of the same name, as the CLI
// lists them: the position, the phone's last digits, the card's last four.
func (m Model) tells(p attendance.Person) string {
	var parts []string
	if p.Position != "" {
		parts = append(parts, p.Position)
	}
	if last3 := p.PhoneLast3(); last3 != "" {
		parts = append(parts, m.lang.T("cli.person.phone", last3))
	}
	if p.IDLast4 != "" {
		parts = append(parts, m.lang.T("cli.person.idlast4", p.IDLast4))
	}
	return strings.Join(parts, " · ")
}

// columns splits the list width among name, unit and group; the check-in
// time takes the rest.
func columns(w int) (name, unit, group int) {
	rest := w - 2 - 12 // marker, time column
	// The longest group label, "Hội viên/đoàn viên", whole when there is room
	// (at 80 columns and up); names and units share the rest.
	group = max(min(19, rest/3), 4)
	name = max((rest-group)*57/100, 8)
	unit = max(rest-group-name, 6)
	return
}

func (m Model) rowLine(i, nameW, unitW, groupW, w int) string {
	p := m.rows[i].person
	mark := "  "
	if i == m.sel {
		mark = "› "
	}
	state := ""
	if m.book == nil {
		// still loading: who is here is not known yet
	} else if c, ok := m.book.present[p.ID]; ok {
		state = "✓ " + m.clockText(c.At)
	}
	if m.pending[p.ID] {
		state = "… " + m.lang.T("desk.saving")
	}
	line := mark + theme.Cell(p.Name, nameW) + theme.Cell(m.book.unitLabel(p.Unit), unitW) + theme.Cell(groupLabel(m, p.Group), groupW) + state
	line = ansi.Truncate(line, w, "…")
	switch {
	case i == m.sel && m.focus != focusWalkIn:
		return m.styles.Selected.Render(theme.PadRight(line, w))
	case state != "":
		return m.styles.OK.Render(line)
	}
	return line
}

func groupLabel(m Model, g roster.Group) string {
	if g == "" {
		return ""
	}
	return g.Label(m.lang)
}

// presentText is "Có mặt 150/263": present against expected, or only
// present when nobody is expected (no roster).
func (m Model) presentText(c attendance.Counts) string {
	if c.Expected > 0 {
		return m.lang.T("desk13.present.of", c.Present, c.Expected)
	}
	return m.lang.T("desk.present", c.Present)
}

// unitItems are the unit counters of the narrow layout: "Phường 4: 120/200
// còn 80" for a unit with people expected, "Khu phố 3: 2" for one without.
func (m Model) unitItems(c attendance.Counts) []string {
	if c.Expected == 0 {
		return c.UnitItems(m.lang)
	}
	out := make([]string, len(c.ByUnit))
	for i, u := range c.ByUnit {
		if u.Expected == 0 {
			out[i] = u.UnitLabel(m.lang) + ": " + strconv.Itoa(u.Count)
			continue
		}
		out[i] = m.lang.T("desk13.unit.of", u.UnitLabel(m.lang), u.Count, u.Expected)
		if u.NotYet > 0 {
			out[i] += " " + m.lang.T("desk13.unit.notyet", u.NotYet)
		}
	}
	return out
}

// countersLines are the two counter lines of the narrow layout.
func (m Model) countersLines(w int) string {
	c := m.counts()
	line1 := " " + m.lang.T("desk.bygroup") + " " + orDash(strings.Join(c.GroupItems(m.lang), " · "))
	line2 := " " + m.lang.T("desk.byunit") + " " + orDash(strings.Join(m.unitItems(c), " · "))
	return m.styles.Accent.Render(ansi.Truncate(line1, w, "…")) + "\n" + m.styles.Accent.Render(ansi.Truncate(line2, w, "…"))
}

// countersPane is the right-hand pane of the wide layout.
func (m Model) countersPane() string {
	c := m.counts()
	w := countersPane - 2
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.presentText(c)) + "\n\n")
	b.WriteString(m.styles.Dim.Render(m.lang.T("desk.bygroup")) + "\n")
	for _, g := range roster.Groups {
		n := 0
		for _, x := range c.ByGroup {
			if x.Key == string(g) {
				n = x.Count
			}
		}
		b.WriteString(countLine(g.Label(m.lang), n, w) + "\n")
	}
	groupLines := len(roster.Groups)
	for _, x := range c.ByGroup {
		if x.Key == "" { // walk-ins with no group: they count in Present, so here too
			b.WriteString(countLine(roster.Group("").Label(m.lang), x.Count, w) + "\n")
			groupLines++
		}
	}
	byUnit := m.lang.T("desk.byunit")
	if c.Expected > 0 {
		byUnit = m.lang.T("desk13.byunit.of")
	}
	b.WriteString("\n" + m.styles.Dim.Render(byUnit) + "\n")
	room := max(m.listHeight()-groupLines-5, 1)
	for i, u := range c.ByUnit {
		if i == room-1 && len(c.ByUnit) > room {
			b.WriteString(m.styles.Dim.Render(m.lang.T("desk.more.units", len(c.ByUnit)-i)) + "\n")
			break
		}
		if c.Expected == 0 {
			b.WriteString(countLine(u.UnitLabel(m.lang), u.Count, w) + "\n")
			continue
		}
		b.WriteString(unitLine(m, u, w) + "\n")
	}
	return lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).
		BorderForeground(m.styles.Dim.GetForeground()).PaddingLeft(1).Width(countersPane).
		Render(strings.TrimRight(b.String(), "\n"))
}

func countLine(label string, n, w int) string {
	num := strconv.Itoa(n)
	label = ansi.Truncate(label, w-len(num)-1, "…")
	return label + strings.Repeat(" ", max(w-lineWidth(label)-len(num), 1)) + num
}

// unitLine is a unit's line of the pane against expected: the label, then
// "120/200" and "còn 80" in columns ("" and "2" for a unit none expected).
func unitLine(m Model, u attendance.Count, w int) string {
	num := strconv.Itoa(u.Count)
	if u.Expected > 0 {
		num += "/" + strconv.Itoa(u.Expected)
	}
	rest := ""
	if u.NotYet > 0 {
		rest = m.lang.T("desk13.unit.notyet", u.NotYet)
	}
	// the number column is 7 wide (999/999), the rest 8 ("còn 999")
	right := fmt.Sprintf("%7s %-8s", num, rest)
	label := ansi.Truncate(u.UnitLabel(m.lang), max(w-lineWidth(right)-1, 4), "…")
	line := label + strings.Repeat(" ", max(w-lineWidth(label)-lineWidth(right), 1)) + right
	return strings.TrimRight(line, " ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (m Model) counts() attendance.Counts {
	if m.book == nil {
		return attendance.Counts{}
	}
	return m.book.counts()
}

func lineWidth(s string) int { return ansi.StringWidth(s) }

// fitLines pads or cuts s to exactly n lines.
func fitLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
