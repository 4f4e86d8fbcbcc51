package qtab

import (
	"briefing/internal/tui/theme"
	"fmt"
	"strings"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// wideLayout is the width from which the selected question shows beside
// the list.
const wideLayout = 110

// listHeight is the rows the list gets: the tab's height less the filter
// line, the counts line and the status line.
func (m Model) listHeight() int { return max(m.height-3, 1) }

// View draws the tab in exactly height lines of width columns; the parent
// sizes it with a WindowSizeMsg.
func (m Model) View() string {
	w, h := m.width, m.height
	var body string
	switch m.mode {
	case modeForm:
		body = fit(indent(m.form.view()), h-1, w)
	case modeAnswer:
		q := m.answer.q
		head := ansi.Truncate(m.lang.T("qtab.detail.title", q.Number, q.Slide+1, m.clockText(q.CreatedAt))+" · "+firstLine(q.Text), w-2, "…")
		body = fit(indent(m.answer.view([]string{head})), h-1, w)
	default:
		body = m.filterLine(w) + "\n" + m.countsLine(w) + "\n" + m.main(w, h-3)
	}
	return body + "\n" + m.status.Line(m.styles, w)
}

// main is the list, the detail or the history; side by side when wide.
func (m Model) main(w, h int) string {
	if m.loadErr != nil {
		return fit(m.styles.Warn.Render(m.lang.T("qtab.load.failed", m.loadErr.Error())), h, w)
	}
	if w >= wideLayout {
		listW := w * 55 / 100
		paneW := w - listW - 1
		// The pane's border and padding take two columns of its width.
		pane := m.pane(paneW-2, h)
		return fit(lipgloss.JoinHorizontal(lipgloss.Top,
			lipgloss.NewStyle().Width(listW+1).Render(m.list(listW, h)),
			lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).
				BorderForeground(m.styles.Dim.GetForeground()).PaddingLeft(1).Width(paneW).Render(pane)), h, w)
	}
	switch m.mode {
	case modeDetail, modeForward, modeHistory:
		return indent(m.pane(w-1, h))
	}
	return m.list(w, h)
}

// pane is the selected question, its history, or the forward choice.
func (m Model) pane(w, h int) string {
	q, ok := m.selected()
	if !ok {
		return fit(m.styles.Dim.Render(m.lang.T("qtab.detail.none")), h, w)
	}
	var lines []string
	switch m.mode {
	case modeHistory:
		lines = m.historyLines(q, w)
	default:
		lines = m.detailLines(q, w)
	}
	if m.mode == modeForward {
		lines = append(lines, "", m.styles.Title.Render(m.lang.T("qtab.forward.title", q.Number)))
		def := questions.DefaultDestination(q)
		for _, d := range []struct {
			key string
			to  questions.Destination
		}{{"d", questions.ToDistrict}, {"s", questions.ToSpokesperson}} {
			line := fmt.Sprintf("  [%s] %s", d.key, i18n.Sentence(m.lang.Destination(d.to)))
			if d.to == questions.ToSpokesperson {
				line += " " + m.lang.T("qtab.forward.press")
			}
			if d.to == def {
				line += "  " + m.styles.Dim.Render(m.lang.T("qtab.forward.default"))
			}
			lines = append(lines, line)
		}
	}
	// Scroll, keeping the title in view.
	scroll := min(m.scroll, max(len(lines)-h, 0))
	if scroll > 0 && len(lines) > 1 {
		lines = append(lines[:1], lines[1+scroll:]...)
	}
	return fit(strings.Join(lines, "\n"), h, w)
}

func (m Model) detailLines(q questions.Question, w int) []string {
	title := m.lang.T("qtab.detail.title", q.Number, q.Slide+1, m.clockText(q.CreatedAt))
	lines := []string{m.styles.Title.Render(ansi.Truncate(title, w, "…"))}
	lines = append(lines, wrap(m.lang.T("qtab.detail.asker", m.askerText(q)), w)...)
	lines = append(lines, wrap(m.lang.T("qtab.detail.status", m.statusText(q)), w)...)
	if q.ID == m.pinned {
		lines = append(lines, m.styles.OK.Render(ansi.Truncate(m.lang.T("qtab.detail.pinned"), w, "…")))
	}
	lines = append(lines, "")
	lines = append(lines, m.wraps.get(q.Text, w)...)
	if q.Answer != "" {
		lines = append(lines, "", m.styles.Accent.Render(ansi.Truncate(m.answerHead(q), w, "…")))
		lines = append(lines, m.wraps.get(q.Answer, w)...)
	}
	if q.Version > 1 {
		lines = append(lines, "", m.styles.Dim.Render(ansi.Truncate(m.lang.T("qtab.detail.versions", q.Version), w, "…")))
	}
	return lines
}

func (m Model) historyLines(q questions.Question, w int) []string {
	lines := []string{m.styles.Title.Render(ansi.Truncate(m.lang.T("qtab.history.title", q.Number, len(m.history)), w, "…"))}
	for _, v := range m.history {
		head := m.lang.T("qtab.history.version", v.Version, v.SavedAt.In(m.loc).Format("15:04:05"),
			m.lang.QuestionStatus(v.Status), v.Slide+1)
		lines = append(lines, "", m.styles.Accent.Render(ansi.Truncate(head, w, "…")))
		lines = append(lines, m.wraps.get(v.Text, w)...)
		if v.Answer != "" {
			lines = append(lines, wrap("→ "+v.Answer, w)...)
		}
	}
	return lines
}

func (m Model) answerHead(q questions.Question) string {
	when := ""
	if q.AnsweredAt != nil {
		when = m.clockText(*q.AnsweredAt)
	}
	by := q.AnsweredBy
	if by == "" {
		by = "—"
	}
	return m.lang.T("qtab.detail.answer", by, when)
}

func (m Model) askerText(q questions.Question) string {
	s := m.lang.T("question.anonymous")
	if !q.Anonymous() {
		s = q.AskerName + theme.UnitSuffix(q.AskerUnit)
	}
	if q.Press {
		s += " " + m.lang.T("qtab.press.mark")
	}
	return s
}

func (m Model) statusText(q questions.Question) string {
	s := m.lang.QuestionStatus(q.Status)
	if q.Status == questions.Forwarded && q.ForwardedTo != "" {
		s += " → " + m.lang.Destination(q.ForwardedTo)
		if q.ForwardedAt != nil {
			s += " " + m.lang.T("qtab.at", m.clockText(*q.ForwardedAt))
		}
	}
	return s
}

func (m Model) filterLine(w int) string {
	status := m.lang.T("qtab.filter.all")
	if m.filter.Status != "" {
		status = m.lang.QuestionStatus(m.filter.Status)
	}
	slide := m.lang.T("qtab.filter.all")
	if m.filter.Slide != questions.AnySlide {
		slide = slideText(m.filter.Slide)
	}
	left := " " + m.lang.T("qtab.filter", status, slide) + " "
	search := m.styles.Dim.Render(m.lang.T("qtab.filter.search")) + " " + m.search.View()
	if !m.searching && m.search.Value() == "" {
		search = m.styles.Dim.Render(m.lang.T("qtab.filter.search.key"))
	}
	right := " " + m.lang.T("qtab.screen", m.screen+1) + " "
	line := left + search
	gap := w - ansi.StringWidth(line) - ansi.StringWidth(right)
	if gap < 1 {
		return ansi.Truncate(line, w, "…")
	}
	return line + strings.Repeat(" ", gap) + m.styles.Accent.Render(right)
}

func (m Model) countsLine(w int) string {
	c := questions.CountOf(m.all)
	parts := []string{}
	for _, st := range questions.Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", m.lang.QuestionStatus(st), c.Of(st)))
	}
	total := m.lang.T("qtab.total", c.Total())
	if m.filter.Status != "" || m.filter.Slide != questions.AnySlide || m.filter.Query != "" {
		total += ", " + m.lang.T("qtab.shown", len(m.rows))
	}
	text := " " + total + " · " + strings.Join(parts, " · ")
	return m.styles.Dim.Render(ansi.Truncate(text, w, "…"))
}

// list draws the rows around the selection.
func (m Model) list(w, h int) string {
	if !m.loaded {
		return fit(m.styles.Dim.Render(" "+m.lang.T("qtab.loading")), h, w)
	}
	if len(m.rows) == 0 {
		key := "qtab.empty"
		if len(m.all) > 0 {
			key = "qtab.empty.filter"
		}
		return fit(m.styles.Dim.Render(" "+m.lang.T(key)), h, w)
	}
	first := 0
	if m.sel >= h {
		first = m.sel - h + 1
	}
	statusW := 0
	for _, st := range questions.Statuses {
		statusW = max(statusW, ansi.StringWidth(m.lang.QuestionStatus(st)))
	}
	askerW := max(min(w/5, 22), 8)
	lines := make([]string, 0, h)
	for r := first; r < len(m.rows) && len(lines) < h; r++ {
		q := m.all[m.rows[r]]
		mark := "  "
		if r == m.sel {
			mark = "› "
		}
		pin := " "
		if q.ID == m.pinned {
			pin = "◆"
		}
		asker := m.lang.T("question.anonymous")
		if !q.Anonymous() {
			asker = q.AskerName
		}
		if q.Press {
			asker = m.lang.T("qtab.press.short") + " " + asker
		}
		head := fmt.Sprintf("%s%s#%-3d %s ", mark, pin, q.Number, theme.Cell(m.lang.T("qtab.slide.short", q.Slide+1), 7))
		line := head + theme.Cell(m.lang.QuestionStatus(q.Status), statusW+1) + theme.Cell(asker, askerW) + firstLine(q.Text)
		line = ansi.Truncate(line, w, "…")
		switch {
		case r == m.sel:
			line = m.styles.Selected.Render(theme.PadRight(line, w))
		case q.Status == questions.Open:
			// open questions stand out: they are the work left
		default:
			line = m.styles.Dim.Render(line)
		}
		lines = append(lines, line)
	}
	return fit(strings.Join(lines, "\n"), h, w)
}

// Counts are the open and total questions, for the tab's label.
func (m Model) Counts() (open, total int) {
	for _, q := range m.all {
		if q.Status == questions.Open {
			open++
		}
	}
	return open, len(m.all)
}

// --- text helpers ---

// firstLine is the text on one line, for the list.
func firstLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wrapCache keeps the last texts wrapped for the detail pane: a question can
// be 10,000 characters, and wrapping it again on every frame (every
// keystroke, every poll) costs a fraction of a millisecond each time.
type wrapCache struct {
	lines map[wrapKey][]string
}

type wrapKey struct {
	text  string // hashing even a 10,000-character key is a microsecond, far below wrapping it
	width int
}

func (c *wrapCache) get(text string, w int) []string {
	k := wrapKey{text, w}
	if lines, ok := c.lines[k]; ok {
		return lines
	}
	if c.lines == nil || len(c.lines) > 64 {
		c.lines = map[wrapKey][]string{}
	}
	lines := wrap(text, w)
	c.lines[k] = lines
	return lines
}

// wrap breaks text at spaces (and inside words longer than w) into lines.
func wrap(text string, w int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, strings.Split(ansi.Wrap(para, max(w, 1), ""), "\n")...)
	}
	return out
}

// indent puts every line one column in, as the desk's other lines are.
func indent(s string) string { return " " + strings.ReplaceAll(s, "\n", "\n ") }

// fit pads or cuts s to exactly n lines, none wider than w.
func fit(s string, n, w int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
