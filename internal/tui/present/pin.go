package present

// A question the desk pinned comes with the position poll and is drawn large, in place of the
// slide, until the desk unpins it. It is laid out in Update (when it, the size or the theme
// changes) so that View only reads it, as it only reads rendered slides.

import (
	"briefing/internal/textvi"
	"strings"

	"briefing/internal/session"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// pinMeasure is the longest line of a pinned question, in cells: wide enough to use a
// projector's width, short enough that the eye finds the next line from the back of a hall.
const pinMeasure = 100

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
	asker, press := slides.PinAsker(l, q)
	// A long name gives way to the press marker, which matters more to the rapporteur.
	asker = m.styles.Accent.Render(ansi.Truncate(asker, max(textW-ansi.StringWidth(press), 1), "…"))
	if press != "" {
		asker += m.styles.Warn.Render(press)
	}
	// A long question is read in parts, a screen each (→ ←), never cut.
	all := slides.PinLines(textvi.Printable(q.Text), textW, textH)
	m.pinPages = slides.PinPages(all, textH)
	m.pinPage = min(m.pinPage, m.pinPages-1)
	lines := all[m.pinPage*textH : min((m.pinPage+1)*textH, len(all))]
	sep := "\n"
	if m.pinPages == 1 && 2*len(lines)-1 <= textH {
		sep = "\n\n" // a short question double-spaced reads better from afar
	}
	text := m.styles.Input.Bold(true).Render(strings.Join(lines, sep))
	keys := slides.PinKeys(l, m.pinPage, m.pinPages)
	content := lipgloss.JoinVertical(lipgloss.Left,
		m.styles.Title.Render(ansi.Truncate(title, textW, "…")), ansi.Truncate(asker, textW, "…"), "", text,
		"", m.styles.Dim.Render(ansi.Truncate(keys, textW, "…")))
	framed := box.Width(boxW).Height(boxH).AlignVertical(lipgloss.Center).Render(content)
	// A terminal too small for the frame and four lines cuts the box rather than scroll.
	m.pinBox = theme.Clip(lipgloss.Place(m.width, bodyH, lipgloss.Center, lipgloss.Center, framed), m.width, bodyH)
	return m
}
