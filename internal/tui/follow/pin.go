package follow

// A question the desk pinned covers the slide on the audience screen; follow shows it where
// it shows what the audience sees (the slide pane, or the notes on a narrow screen), read in
// parts like the presenter's, and takes it down with p or esc through the questions service.

import (
	"strings"

	"briefing/internal/session"
	"briefing/internal/textvi"
	"briefing/internal/tui/slides"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// setPin takes the pinned question of a poll (nil: none) and lays it out when it changed.
func (m Model) setPin(p *session.Pinned) Model {
	if same := (m.pinned == nil) == (p == nil) && (p == nil || *m.pinned == *p); same {
		return m
	}
	m.pinned, m.pinPage = p, 0
	return m.layoutPin()
}

// pinSize is the room for the pinned question: inside the slide pane's frame, or the notes
// heading and the notes on a narrow screen.
func (m Model) pinSize() (w, h int) {
	if pw := m.slidePaneWidth(); pw > 0 {
		return max(pw-m.styles.Box.GetHorizontalFrameSize(), 1), max(m.height-m.chromeHeight(), 1)
	}
	return max(m.width, 1), m.notes.Height() + 1
}

// pinTextH is the lines of question text in a part: the room less the title, the asker,
// a blank line, and a blank line and the keys below.
func pinTextH(h int) int { return max(h-5, 1) }

// layoutPin wraps the pinned question for its room; it runs in Update (pin, size or theme
// changed) so that View only reads it.
func (m Model) layoutPin() Model {
	if m.pinned == nil {
		m.pinLines, m.pinPage = nil, 0
		return m
	}
	w, h := m.pinSize()
	m.pinLines = slides.PinLines(textvi.Printable(m.pinned.Text), w, pinTextH(h))
	m.pinPage = min(m.pinPage, m.pinPages()-1)
	return m
}

func (m Model) pinPages() int {
	_, h := m.pinSize()
	return slides.PinPages(m.pinLines, pinTextH(h))
}

// pinView is the part of the pinned question on screen, w cells by h lines.
func (m Model) pinView(w, h int) string {
	q := *m.pinned
	l := m.lang
	textH := pinTextH(h)
	from := min(m.pinPage*textH, len(m.pinLines))
	text := m.pinLines[from:min(from+textH, len(m.pinLines))]
	asker, press := slides.PinAsker(l, q)
	asker = m.styles.Accent.Render(truncate(asker, max(w-ansi.StringWidth(press), 1)))
	if press != "" {
		asker += m.styles.Warn.Render(press)
	}
	lines := []string{
		m.styles.Title.Render(truncate(l.T("present.pin.title", q.Number, q.Slide+1), w)),
		truncate(asker, w), "",
		m.styles.Input.Bold(true).Render(strings.Join(text, "\n")), "",
		m.styles.Dim.Render(truncate(slides.PinKeys(l, m.pinPage, m.pinPages()), w)),
	}
	return lipgloss.PlaceVertical(h, lipgloss.Top, fitLines(strings.Join(lines, "\n"), h))
}

// unpin takes the pinned question down, at once on this screen.
func (m Model) unpin() (Model, tea.Cmd) {
	if m.qs == nil {
		return m, nil
	}
	m = m.setPin(nil)
	m.unpinning = true
	return m, slides.Unpin(m.qs, m.sess.ID)
}
