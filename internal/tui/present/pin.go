package present

// A question the desk pinned comes with the position poll and is drawn large, in place of the
// slide, until the desk unpins it. It is laid out in Update (when it, the size or the theme
// changes) so that View only reads it, as it only reads rendered slides.

import (
	"briefing/internal/textvi"
	"strings"
	"unicode/utf8"

	"briefing/internal/session"
	"briefing/internal/tui/theme"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// pinMeasure is the longest line of a pinned question, in cells: wide enough to use a
// projector's width, short enough that the eye finds the next line from the back of a hall.
const pinMeasure = 100

// maxPinPages bounds the parts a pinned question is read in; a question longer than that
// (the desk takes at most a few thousand characters) ends with "…" on the last part.
const maxPinPages = 50

// setPin takes the pinned question of a poll (nil: none) and lays it out when it changed.
func (m Model) setPin(p *session.Pinned) Model {
	if samePin(m.pin, p) {
		return m
	}
	m.pin, m.pinPage = p, 0
	return m.layoutPin()
}

func samePin(a, b *session.Pinned) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// layoutPin draws the pinned question for the current size and theme: a framed box filling
// most of the screen above the status line, its content centred in it.
func (m Model) layoutPin() Model {
	if m.pin == nil {
		m.pinBox = ""
		return m
	}
	q := *m.pin
	bodyH := max(m.height-1, 1)

	// Room around the box and inside it shrinks on small terminals, where every line counts.
	padX, padY, marginY := 3, 1, 1
	if m.width < 60 {
		padX = 1
	}
	if bodyH < 16 {
		padY, marginY = 0, 0
	}
	box := m.styles.Box.Padding(padY, padX)
	frameW, frameH := box.GetHorizontalFrameSize(), box.GetVerticalFrameSize()
	textW := max(min(pinMeasure, m.width-2-frameW), 1)
	boxW := textW + frameW
	boxH := max(bodyH-2*marginY, frameH+1)
	// Title and asker take two lines and a blank line parts them from the text; below it a
	// blank line and the keys that take it down or page it.
	textH := max(boxH-frameH-5, 1)

	l := m.lang
	title := l.T("present.pin.title", q.Number, q.Slide+1)
	asker := l.T("question.anonymous")
	if q.AskerName != "" {
		asker = q.AskerName
		if q.AskerUnit != "" {
			asker += ", " + q.AskerUnit
		}
	}
	press := ""
	if q.Press {
		press = " · " + l.T("question.press")
	}
	// A long name gives way to the press marker, which matters more to the rapporteur.
	asker = m.styles.Accent.Render(ansi.Truncate(textvi.Printable(asker), max(textW-ansi.StringWidth(press), 1), "…"))
	if press != "" {
		asker += m.styles.Warn.Render(press)
	}
	// A long question is read in parts, a screen each (→ ←), never cut.
	all := wrapCut(textvi.Printable(q.Text), textW, textH*maxPinPages)
	m.pinPages = max((len(all)+textH-1)/textH, 1)
	m.pinPage = min(m.pinPage, m.pinPages-1)
	lines := all[m.pinPage*textH : min((m.pinPage+1)*textH, len(all))]
	sep := "\n"
	if m.pinPages == 1 && 2*len(lines)-1 <= textH {
		sep = "\n\n" // a short question double-spaced reads better from afar
	}
	text := m.styles.Input.Bold(true).Render(strings.Join(lines, sep))
	keys := l.T("present.pin.keys")
	if m.pinPages > 1 {
		keys = l.T("present.pin.page", m.pinPage+1, m.pinPages) + " · " + keys
	}
	content := lipgloss.JoinVertical(lipgloss.Left,
		m.styles.Title.Render(ansi.Truncate(title, textW, "…")), ansi.Truncate(asker, textW, "…"), "", text,
		"", m.styles.Dim.Render(ansi.Truncate(keys, textW, "…")))
	framed := box.Width(boxW).Height(boxH).AlignVertical(lipgloss.Center).Render(content)
	// A terminal too small for the frame and four lines cuts the box rather than scroll.
	m.pinBox = theme.Clip(lipgloss.Place(m.width, bodyH, lipgloss.Center, lipgloss.Center, framed), m.width, bodyH)
	return m
}

// wrapCut wraps text at word boundaries to width cells and keeps at most height lines; a text
// that does not fit ends with "…" on its last line.
func wrapCut(text string, width, height int) []string {
	// A line holds at most width cells plus its line break, so no more of the text than
	// this can show; wrapping only that keeps a 10,000-character question cheap.
	limit := (width + 1) * height
	cut := false
	if utf8.RuneCountInString(text) > limit {
		text, cut = string([]rune(text)[:limit]), true
	}
	lines := strings.Split(ansi.Wrap(text, width, ""), "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRight(line, " ")
	}
	if len(lines) > height {
		lines, cut = lines[:height], true
	}
	if cut {
		last := len(lines) - 1
		lines[last] = strings.TrimRight(ansi.Truncate(lines[last], width-1, ""), " ") + "…"
	}
	return lines
}
