package slides

// What the presenter and follow share about a pinned question and about leaving: how a long
// question is cut into parts, the keys under it, taking it down, and the answer to "q".

import (
	"context"
	"strings"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/textvi"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// MaxPinPages bounds the parts a pinned question is read in; a question longer than that
// (the desk takes at most a few thousand characters) ends with "…" on the last part.
const MaxPinPages = 50

// PinLines is a pinned question wrapped to width cells, read textH lines at a time: at most
// MaxPinPages parts, so a huge question stays cheap.
func PinLines(text string, width, textH int) []string {
	return WrapCut(text, width, textH*MaxPinPages)
}

// PinPages is how many parts of textH lines the wrapped lines take.
func PinPages(lines []string, textH int) int {
	return max((len(lines)+textH-1)/max(textH, 1), 1)
}

// PinKeys is the line under a pinned question: which part of a long one is on screen and
// whether another follows (the last part offers no more), then how to take it down.
func PinKeys(l i18n.Lang, page, pages int) string {
	keys := l.T("present.pin.keys")
	switch {
	case pages <= 1:
		return keys
	case page+1 < pages:
		return l.T("present.pin.page", page+1, pages) + " · " + keys
	default:
		return l.T("follow13b.pin.page.last", page+1, pages) + " · " + keys
	}
}

// PinAsker is who asked a pinned question, on one line ("Ẩn danh" for no name), and
// " · Báo chí" for a press question ("" otherwise).
func PinAsker(l i18n.Lang, q session.Pinned) (asker, press string) {
	asker = l.T("question.anonymous")
	if q.AskerName != "" {
		asker = q.AskerName
		if q.AskerUnit != "" {
			asker += ", " + q.AskerUnit
		}
	}
	if q.Press {
		press = " · " + l.T("question.press")
	}
	return textvi.Printable(asker), press
}

// UnpinnedMsg reports a finished unpin of session ID's question.
type UnpinnedMsg struct {
	ID  string
	Err error
}

// Unpin takes session id's pinned question down through the questions service, in a Cmd.
func Unpin(qs *questions.Service, id string) tea.Cmd {
	return func() tea.Msg {
		_, err := qs.Unpin(context.Background(), id)
		return UnpinnedMsg{ID: id, Err: err}
	}
}

// QuitChoice is the answer to "End the session?" (present.quit.ask).
type QuitChoice int

const (
	QuitNone  QuitChoice = iota // a key that is no answer: keep asking
	QuitEnd                     // end the session
	QuitLeave                   // leave, the session stays open
	QuitBack                    // back to the slides
)

// QuitAnswer reads a key pressed at the "End the session?" prompt.
func QuitAnswer(key string) QuitChoice {
	switch key {
	case "k", "e", "y":
		return QuitEnd
	case "m", "o", "l":
		return QuitLeave
	case "esc", "q", "n":
		return QuitBack
	}
	return QuitNone
}

// WrapCut wraps text at word boundaries to width cells and keeps at most height lines; a text
// that does not fit ends with "…" on its last line.
func WrapCut(text string, width, height int) []string {
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
