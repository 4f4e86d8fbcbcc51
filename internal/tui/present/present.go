// Package present is the audience screen: one slide, full screen, with a thin status line.
package present

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// DoneMsg tells the parent the presenter is finished; Ended says whether the session was ended.
type DoneMsg struct{ Ended bool }

type mode int

const (
	normal mode = iota
	overview
	searching
	helping
	confirmQuit
)

// Model is the presenter screen.
type Model struct {
	lang   i18n.Lang
	keys   theme.Keys
	styles *theme.Styles

	deck  *deck.Deck
	index *slides.Finder
	cache *slides.Cache
	link  *slides.Link
	sess  session.Session
	svc   *session.Service

	pos           slides.Pos
	width, height int
	now           time.Time

	// Clock tells the time (nil: time.Now); tests fix it so that frames are repeatable.
	Clock func() time.Time

	mode     mode
	jump     string           // digits typed before enter
	search   *textinput.Model // pointers, shared by the model's copies: by value these 12 KB were copied at each update
	query    string           // the last search, for "n"
	selected int              // overview cursor
	help     *help.Model
	notice   string

	pin       *session.Pinned // the question the desk pinned, shown in place of the slide; nil: none
	pinBox    string          // pin laid out for the screen (pin.go)
	pinPage   int             // the part of a long pinned question on screen (0-based)
	pinPages  int             // how many parts it takes
	qs        *questions.Service
	unpinKey  key.Binding
	unpinning bool // our unpin is on its way: polls still bring the pin until it is written

	black        bool // the audience screen is black (shared: follow's b too)
	blackWriting bool // our b is on its way: polls still bring the old state

	beatAt time.Time // the last presenter beat (session.Beat)
	ended  bool      // the session was ended in another window: say so, then close

	placed *placedSlide // the slide as last placed on screen, shared by the model's copies
}

// placedSlide is a slide laid out for the screen by slideView, kept for the next frame: most
// messages (a neighbour rendered in the background, a position saved, a poll, the clock) leave
// the slide as it was, and laying it out again made 40 % of what a key press allocated.
type placedSlide struct {
	step, full    string // the rendered step and the slide fully revealed, as the cache has them
	width, height int
	out           string
}

// WithQuestions lets the presenter take a pinned question down itself (nil: it cannot).
func (m Model) WithQuestions(qs *questions.Service) Model {
	m.qs = qs
	return m
}

// New makes the screen for an open session of deck d.
func New(c common.Common, svc *session.Service, s session.Session, d *deck.Deck) Model {
	lang, styles := c.Lang, c.Styles
	h := help.New()
	h.ShowAll = true
	m := Model{
		lang: lang, keys: theme.NewKeys(lang), styles: styles,
		deck: d, index: slides.NewFinder(d), cache: slides.NewCache(d),
		link: slides.NewLink(svc, s), sess: s, svc: svc,
		pos: slides.Clamp(d, slides.Pos{Slide: s.Slide, Step: s.Step}),
		now: c.Now(), search: common.NewSearch(lang), help: &h, Clock: c.Clock,
		width: 80, height: 24, placed: &placedSlide{},
	}
	m.unpinKey = key.NewBinding(key.WithKeys("p", "esc"), key.WithHelp("p/esc", lang.T("key.unpin")))
	return m
}

// SetSize gives the screen the window.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	return m.Update(tea.WindowSizeMsg{Width: width, Height: height})
}

// Pos is the slide on screen.
func (m Model) Pos() slides.Pos { return m.pos }

// Prime renders the slide on screen now, once the size is set (slides.Cache.RenderNow).
func (m Model) Prime() common.Screen {
	m.cache.RenderNow(m.pos)
	return m
}

// Init starts the clock and the position poll. The first beat comes with the first
// tick (beatAt is zero): a write at once would start the database's check
// (store.OpenCheckLater) while the first frame is drawn (issue 16).
func (m Model) Init() tea.Cmd { return tea.Batch(tick(), m.link.Poll()) }

type beatMsg struct{}

// beat tells the session a presenter runs, so that time when none ran is no slide's time.
func (m Model) beat() tea.Cmd {
	svc, id := m.svc, m.sess.ID
	if svc == nil {
		return nil
	}
	return func() tea.Msg {
		_ = svc.Beat(ctx(), id) // a missed beat only counts a few seconds less
		return beatMsg{}
	}
}

// WithClock fixes the time source (tests).
func (m Model) WithClock(clock func() time.Time) Model {
	m.Clock, m.now = clock, clock()
	return m
}

type tickMsg time.Time

func tick() tea.Cmd {
	return tea.Every(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

type endedMsg struct{ err error }

// SetStyles changes the theme; slides are rendered again in that style.
func (m Model) SetStyles(s *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = s
	m = m.layoutPin()
	return m.relayout()
}

// relayout sizes the slide cache to the screen, renders the slide on screen at once and the
// rest of the deck in the background.
func (m Model) relayout() (Model, tea.Cmd) {
	w := deck.SlideWidth(m.width)
	if w == m.cache.Width() && m.cache.Ready(m.pos) {
		return m, nil
	}
	m.cache.Resize(w, m.styles.Slide)
	now := m.cache.Ensure(m.pos)
	m.help.SetWidth(m.width - 4)
	m.search.SetWidth(m.width - 6)
	return m, now
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 1), max(msg.Height, 1)
		m = m.layoutPin()
		return m.relayout()
	case slides.RenderedMsg:
		m.cache.Merge(msg)
		return m, nil
	case tickMsg:
		m.now = time.Time(msg)
		if m.Clock != nil {
			m.now = m.Clock()
		}
		var beat tea.Cmd
		if t := time.Time(msg); t.Sub(m.beatAt) >= session.BeatEvery {
			m.beatAt, beat = t, m.beat()
		}
		return m, tea.Batch(tick(), beat)
	case slides.UnpinnedMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		m.unpinning = false
		if msg.Err != nil {
			m.notice = m.lang.T("present.unpin.failed", msg.Err)
		}
		return m, nil
	case slides.BlackSavedMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		m.blackWriting = false
		if msg.Err != nil {
			m.black = !msg.On
			m.notice = m.lang.T("present.black.failed", msg.Err)
		}
		return m, nil
	case slides.CloseMsg:
		if msg.ID == m.sess.ID {
			return m, func() tea.Msg { return DoneMsg{Ended: true} }
		}
		return m, nil
	case slides.PolledMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		// The pin comes with every read, whatever the slide does: a write of ours under way
		// holds back the position, not the pin.
		if msg.Err == nil && !m.unpinning {
			m = m.setPin(msg.Pos.Pinned)
		}
		if msg.Err == nil && !m.blackWriting {
			m.black = msg.Pos.Black
		}
		p, moved, ended := m.link.Polled(msg)
		if ended {
			if m.ended {
				return m, nil
			}
			m.ended = true // ended in another window: say so before closing
			return m, slides.CloseLater(m.sess.ID)
		}
		var render tea.Cmd
		if moved {
			m.pos = slides.Clamp(m.deck, p)
			render = m.cache.Ensure(m.pos)
		}
		return m, tea.Batch(render, m.link.Poll())
	case slides.QuietMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		return m, m.link.Poll()
	case slides.SavedMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		return m, m.link.Saved(msg, m.pos)
	case endedMsg:
		if msg.err != nil && !errors.Is(msg.err, session.ErrEnded) { // ended from the other window: done too
			m.notice = m.lang.T("present.end.failed", msg.err)
			m.mode = normal
			return m, nil
		}
		return m, func() tea.Msg { return DoneMsg{Ended: true} }
	case tea.PasteMsg:
		if m.mode == searching {
			var cmd tea.Cmd
			*m.search, cmd = m.search.Update(msg)
			return m, cmd
		}
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.ended {
		return m, func() tea.Msg { return DoneMsg{Ended: true} }
	}
	if key.Matches(msg, m.keys.Leave) {
		return m, func() tea.Msg { return DoneMsg{} }
	}
	m.notice = ""
	if m.black && m.mode == normal {
		if msg.String() == "b" || msg.String() == "esc" || key.Matches(msg, m.keys.Next, m.keys.Prev) {
			return m.setBlack(false)
		}
		return m, nil
	}
	switch m.mode {
	case helping:
		m.mode = normal
		return m, nil
	case confirmQuit:
		switch slides.QuitAnswer(msg.String()) {
		case slides.QuitEnd:
			return m, m.end()
		case slides.QuitLeave:
			return m, func() tea.Msg { return DoneMsg{} }
		case slides.QuitBack:
			m.mode = normal
		}
		return m, nil
	case searching:
		return m.searchKey(msg)
	case overview:
		return m.overviewKey(msg)
	}

	if len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' {
		if len(m.jump) < 4 {
			m.jump += msg.Text
		}
		return m, nil
	}
	if m.jump != "" {
		n, _ := strconv.Atoi(m.jump)
		m.jump = ""
		switch msg.String() {
		case "enter":
			p, ok := slides.Jump(m.deck, n)
			if !ok {
				m.notice = m.lang.T("deck.slide.outofrange", n, len(m.deck.Slides))
				return m, nil
			}
			return m.goTo(p)
		case "esc", "backspace":
			return m, nil // the typed number is dropped
		}
	}
	if m.pin != nil {
		// The question covers the slide: its keys are the pin's, so that → never moves
		// the slide unseen.
		switch {
		case key.Matches(msg, m.unpinKey):
			return m.unpin()
		case key.Matches(msg, m.keys.Next):
			if m.pinPage+1 < m.pinPages {
				m.pinPage++
				return m.layoutPin(), nil
			}
			m.notice = m.lang.T("present.pin.blocks")
			return m, nil
		case key.Matches(msg, m.keys.Prev):
			if m.pinPage > 0 {
				m.pinPage--
				return m.layoutPin(), nil
			}
			m.notice = m.lang.T("present.pin.blocks")
			return m, nil
		}
	}
	switch {
	case key.Matches(msg, m.keys.Next):
		return m.goTo(slides.Next(m.deck, m.pos))
	case key.Matches(msg, m.keys.Prev):
		return m.goTo(slides.Prev(m.deck, m.pos))
	case key.Matches(msg, m.keys.First):
		return m.goTo(slides.First(m.deck))
	case key.Matches(msg, m.keys.Last):
		return m.goTo(slides.Last(m.deck))
	case key.Matches(msg, m.keys.Search):
		m.mode = searching
		m.search.SetValue("")
		return m, m.search.Focus()
	case key.Matches(msg, m.keys.SearchNext):
		return m.find(m.query)
	case key.Matches(msg, m.keys.Overview):
		m.mode, m.selected = overview, m.pos.Slide
	case key.Matches(msg, m.keys.Black):
		return m.setBlack(true)
	case key.Matches(msg, m.keys.Help):
		m.mode = helping
	case key.Matches(msg, m.keys.Quit):
		m.mode = confirmQuit
	}
	return m, nil
}

func (m Model) searchKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.mode = normal
		m.search.Blur()
		return m, nil
	case "enter":
		m.mode = normal
		m.search.Blur()
		m.query = m.search.Value()
		return m.find(m.query)
	}
	var cmd tea.Cmd
	*m.search, cmd = m.search.Update(msg)
	return m, cmd
}

func (m Model) find(q string) (Model, tea.Cmd) {
	if strings.TrimSpace(q) == "" {
		return m, nil
	}
	i, ok := m.index.Search(q, m.pos.Slide)
	if !ok {
		m.notice = m.lang.T("present.search.none", q)
		return m, nil
	}
	return m.goTo(slides.Pos{Slide: i})
}

func (m Model) overviewKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	sel, closes, pick := slides.OverviewKey(msg.String(), m.selected, len(m.deck.Slides))
	m.selected = sel
	if closes {
		m.mode = normal
	}
	if pick {
		return m.goTo(slides.Pos{Slide: sel})
	}
	return m, nil
}

// setBlack blacks out the audience screen, or brings it back, in every window.
func (m Model) setBlack(on bool) (Model, tea.Cmd) {
	m.black, m.blackWriting = on, true
	return m, m.link.SetBlack(on)
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

func (m Model) goTo(p slides.Pos) (Model, tea.Cmd) {
	m.pos = p
	return m, tea.Batch(m.cache.Ensure(p), m.link.Moved(p))
}

func (m Model) end() tea.Cmd {
	svc, id := m.svc, m.sess.ID
	return func() tea.Msg {
		return endedMsg{err: svc.End(ctx(), id)}
	}
}

// View draws the screen. It only reads the cache: no Markdown is rendered here.
func (m Model) View() string {
	bodyH := max(m.height-1, 1)
	var body string
	if m.ended {
		return m.centered(m.box(m.styles.Warn.Render(m.lang.T("session.ended.elsewhere", int(slides.EndedGrace/time.Second)))), bodyH) + "\n" + m.statusLine()
	}
	if m.black && m.mode == normal {
		return strings.Repeat("\n", m.height-1)
	}
	switch m.mode {
	case helping:
		body = m.centered(m.box(m.styles.Title.Render(m.lang.T("present.help.title"))+"\n\n"+m.help.View(m)), bodyH)
	case overview:
		body = m.overviewView(bodyH)
	case confirmQuit:
		body = m.centered(m.box(m.lang.T("present.quit.ask")), bodyH)
	default:
		if m.pin != nil {
			body = m.pinBox // over whatever slide is current: the keys still move it underneath
			break
		}
		body = m.slideView(bodyH)
	}
	return body + "\n" + m.statusLine()
}

// slideView places the step on screen where the slide fully revealed would stand: a step
// adds lines below and never moves what is already shown.
func (m Model) slideView(h int) string {
	step := m.cache.Get(m.pos)
	full := step
	if last := (slides.Pos{Slide: m.pos.Slide, Step: m.deck.StepCount(m.pos.Slide) - 1}); m.cache.Ready(last) {
		full = m.cache.Get(last)
	}
	if p := m.placed; p.width == m.width && p.height == h && p.step == step && p.full == full {
		return p.out
	}
	out := place(fit(step, h), fit(full, h), m.width, h)
	*m.placed = placedSlide{step: step, full: full, width: m.width, height: h, out: out}
	return out
}

// place lays step out in a w x h screen where full, the slide fully revealed, stands centred.
func place(step, full string, w, h int) string {
	fullH, fullW := lipgloss.Height(full), max(lipgloss.Width(full), lipgloss.Width(step))
	top, left := max((h-fullH)/2, 0), max((w-fullW)/2, 0)
	lines := strings.Split(step, "\n")
	pad := strings.Repeat(" ", left)
	for i, l := range lines {
		lines[i] = pad + l
	}
	out := strings.Repeat("\n", top) + strings.Join(lines, "\n")
	return lipgloss.PlaceVertical(h, lipgloss.Top, theme.Clip(out, w, h))
}

func (m Model) centered(s string, h int) string {
	return lipgloss.Place(m.width, h, lipgloss.Center, lipgloss.Center, s)
}

// fit cuts a rendered slide to h lines, marking the cut.
func fit(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= h {
		return s
	}
	lines = lines[:h]
	lines[h-1] = "…"
	return strings.Join(lines, "\n")
}

func (m Model) overviewView(h int) string {
	rows := max(h-4, 1)
	first := min(max(m.selected-rows/2, 0), max(len(m.deck.Slides)-rows, 0))
	var b strings.Builder
	b.WriteString(m.styles.Title.Render(m.lang.T("present.overview.title")) + "\n")
	for i := first; i < min(first+rows, len(m.deck.Slides)); i++ {
		line := fmt.Sprintf("%3d  %s", i+1, m.deck.Slides[i].Title)
		line = ansi.Truncate(line, max(m.width-8, 10), "…")
		if i == m.selected {
			line = m.styles.Selected.Render(line)
		} else if i == m.pos.Slide {
			line = m.styles.Accent.Render(line)
		}
		b.WriteString("\n" + line)
	}
	return m.centered(m.box(b.String()), h)
}

// box frames a dialog, narrowed (its text wrapped) when the screen is smaller than it.
func (m Model) box(content string) string {
	frame := m.styles.Box.GetHorizontalFrameSize()
	return m.styles.Box.Width(min(lipgloss.Width(content)+frame, m.width)).Render(content)
}

func (m Model) statusLine() string {
	right := fmt.Sprintf(" %d/%d  %s ", m.pos.Slide+1, len(m.deck.Slides), slides.Clock(m.now.Sub(m.sess.StartedAt)))
	var left string
	switch {
	case m.mode == searching:
		left = " " + m.search.View()
	case m.jump != "":
		left = " " + m.lang.T("present.jump", m.jump)
	case m.link.Err != nil:
		left = " " + m.styles.Warn.Render(m.link.ErrText(m.lang))
	case m.notice != "":
		left = " " + m.notice
	default:
		// The title gives way to the key hint: the hint is how a newcomer finds the keys.
		h := m.keys.Help.Help()
		hint := "  " + h.Key + " " + h.Desc
		if m.pin != nil {
			hint = "  " + m.lang.T("present.pin.keys")
		}
		room := m.width - lipgloss.Width(right) - 1 - lipgloss.Width(hint)
		title := ""
		if room > 1 {
			title = ansi.Truncate(m.deck.Meta.Title, room, "…")
		}
		left = " " + title + m.styles.Dim.Render(hint)
	}
	rw := lipgloss.Width(right)
	left = ansi.Truncate(left, max(m.width-rw, 0), "…")
	gap := max(m.width-lipgloss.Width(left)-rw, 0)
	line := m.styles.Status.Render(left+strings.Repeat(" ", gap)) + m.styles.StatusKey.Render(right)
	return ansi.Truncate(line, m.width, "")
}

// ShortHelp and FullHelp make the model a help.KeyMap for the "?" screen.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Next, m.keys.Prev, m.keys.Help, m.keys.Quit}
}

// FullHelp lists every key in columns.
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Jump},
		{k.Search, k.SearchNext, k.Overview, k.Black},
		{m.unpinKey, k.Help, k.Quit, k.Leave},
	}
}
