package home

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/report"
	"briefing/internal/session"
	"briefing/internal/tui/common"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Gather reads a session's minutes (minutes.Sources.Gather).
type Gather func(context.Context, session.Session) (report.Minutes, error)

// WithMinutes lets the recent sessions be opened and their minutes
// exported (as Markdown, into dir; "" is the current directory).
func (m Model) WithMinutes(g Gather, dir string) Model {
	m.gather, m.exportDir = g, dir
	return m
}

// shown is a recent session opened on screen: its minutes as Markdown.
type shown struct {
	session session.Session
	lines   []string
	top     int // the first line on screen
}

type minutesMsg struct {
	session session.Session
	text    string
	err     error
}

type exportedMsg struct {
	path              string
	people, questions int
	err               error
}

// ended are the recent sessions listed: those ended, at most five.
func (m Model) ended() []session.Session {
	var out []session.Session
	for _, s := range m.recent {
		if s.EndedAt != nil && len(out) < 5 {
			out = append(out, s)
		}
	}
	return out
}

// openMinutes reads the minutes of the selected session, to show them.
func (m Model) openMinutes(s session.Session) tea.Cmd {
	g := m.gather
	return func() tea.Msg {
		mins, err := g(context.Background(), s)
		if err != nil {
			return minutesMsg{session: s, err: err}
		}
		var b bytes.Buffer
		err = report.WriteMinutesMarkdown(&b, mins, m.lang, time.Local)
		return minutesMsg{session: s, text: b.String(), err: err}
	}
}

// export writes the minutes of s as Markdown into the export directory,
// under a name of its date and id that no file has yet.
func (m Model) export(s session.Session) tea.Cmd {
	g, dir, l := m.gather, m.exportDir, m.lang
	return func() tea.Msg {
		mins, err := g(context.Background(), s)
		if err != nil {
			return exportedMsg{err: err}
		}
		var b bytes.Buffer
		if err := report.WriteMinutesMarkdown(&b, mins, l, time.Local); err != nil {
			return exportedMsg{err: err}
		}
		if dir == "" {
			if dir, err = os.Getwd(); err != nil {
				return exportedMsg{err: err}
			}
		}
		path, err := freeName(dir, fmt.Sprintf("bien-ban-%s-%s", s.StartedAt.Local().Format("20060102-1504"), shortID(s.ID)), ".md")
		if err == nil {
			err = atomicfile.Write(path, b.Bytes(), 0o600)
		}
		return exportedMsg{path: path, people: len(mins.Attendees), questions: len(mins.Questions), err: err}
	}
}

// freeName is dir/base+ext, or dir/base-2+ext and so on when it exists:
// an export never overwrites a file.
func freeName(dir, base, ext string) (string, error) {
	for i := 1; i < 1000; i++ {
		name := base + ext
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		} else if err != nil {
			return "", err
		}
	}
	return "", fs.ErrExist
}

func shortID(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

// shownKey handles a key while a session's minutes are on screen.
func (m Model) shownKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k, page := m.keys, max(m.height-4, 1)
	last := max(len(m.showing.lines)-page, 0)
	switch {
	case key.Matches(msg, k.Back):
		m.showing = nil
	case key.Matches(msg, k.Export):
		return m, m.export(m.showing.session)
	case key.Matches(msg, k.Up):
		m.showing.top = max(m.showing.top-1, 0)
	case key.Matches(msg, k.Down):
		m.showing.top = min(m.showing.top+1, last)
	case key.Matches(msg, k.PageUp):
		m.showing.top = max(m.showing.top-page, 0)
	case key.Matches(msg, k.PageDown):
		m.showing.top = min(m.showing.top+page, last)
	}
	return m, nil
}

// shownView draws the minutes of the session opened, a page of them.
func (m Model) shownView() string {
	w := max(m.width-2, 20)
	page := max(m.height-3, 1)
	var b strings.Builder
	s := m.showing.session
	b.WriteString(m.styles.Title.Render(ansi.Truncate(" "+m.lang.T("desk13.home.minutes", s.Info.Title), w, "…")) + "\n")
	end := min(m.showing.top+page, len(m.showing.lines))
	for _, line := range m.showing.lines[m.showing.top:end] {
		b.WriteString(" " + ansi.Truncate(line, w, "…") + "\n")
	}
	for range page - (end - m.showing.top) {
		b.WriteString("\n")
	}
	if m.notice != "" {
		b.WriteString(m.styles.Warn.Render(ansi.Truncate(" "+m.notice, w, "…")) + "\n")
	} else {
		b.WriteString(m.styles.Dim.Render(ansi.Truncate(" "+m.lang.T("desk13.home.lines", m.showing.top+1, end, len(m.showing.lines)), w, "…")) + "\n")
	}
	b.WriteString(common.HelpLine(m.styles, m.width, m.ShortHelp()))
	return b.String()
}
