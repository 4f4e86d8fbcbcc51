// Package follow is the presenter view for a second terminal: the slide on the projector,
// the next one, the speaker notes and the clocks. Its keys drive the slides too.
package follow

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/textvi"
	"briefing/internal/tui/common"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// DoneMsg tells the parent the user left, or the session was ended elsewhere.
type DoneMsg struct{ Ended bool }

// wideLayout is the width from which the current slide is drawn beside the notes.
const wideLayout = 110

// Model is the follow screen.
type Model struct {
	lang   i18n.Lang
	keys   theme.Keys
	styles *theme.Styles

	deck  *deck.Deck
	index *slides.Finder
	cache *slides.Cache // the current slide, at the width of its pane
	link  *slides.Link
	svc   *session.Service
	sess  session.Session

	att    *attendance.Service // nil: no attendance line
	counts attendance.Counts

	qs        *questions.Service // nil: no questions line
	asked     questions.Counts
	latest    *latestQuestion
	pinned    *session.Pinned // from the position poll
	pinLines  []string        // the pinned question wrapped for its place on screen (pin.go)
	pinPage   int             // the part of a long pinned question on screen (0-based)
	unpinKey  key.Binding
	unpinning bool // our unpin is on its way: polls still bring the pin until it is written
	quitting  bool // "q": asking whether to end the session or leave it open

	pos       slides.Pos
	notes     *viewport.Model // pointers, shared by the model's copies: by value these
	help      *help.Model     // (and search) were 15 KB copied at each update
	helping   bool            // "?": every key, in place of the notes
	overview  bool            // "o": the slide titles, in place of the notes
	selected  int             // overview cursor
	searching bool            // "/": the search line, in place of the help line
	search    *textinput.Model
	query     string // the last search, for "n"
	jump      string // digits typed before enter
	notice    string // one line in place of the help line until the next key

	black         bool // the audience screen is black
	blackWriting  bool // our b is on its way: polls still bring the old state
	onSlide       session.SlideClock
	ticks         int  // clock ticks seen: every refreshEvery-th reads the counters again
	ended         bool // the session was ended in another window: say so, then close
	width, height int
	now           time.Time

	// Clock tells the time (nil: time.Now); tests fix it so that frames are repeatable.
	Clock func() time.Time
}

// New makes the follow screen for an open session.
func New(c common.Common, svc *session.Service, s session.Session, d *deck.Deck) Model {
	lang, styles := c.Lang, c.Styles
	notes, h := viewport.New(), help.New()
	m := Model{
		lang: lang, keys: theme.NewKeys(lang), styles: styles, search: common.NewSearch(lang),
		deck: d, index: slides.NewFinder(d), cache: slides.NewCache(d), link: slides.NewLink(svc, s), svc: svc, sess: s,
		pos:   slides.Clamp(d, slides.Pos{Slide: s.Slide, Step: s.Step}),
		notes: &notes, help: &h,
		width: 80, height: 24, now: c.Now(), Clock: c.Clock,
	}
	m.unpinKey = key.NewBinding(key.WithKeys("p", "esc"), key.WithHelp("p/esc", lang.T("key.unpin")))
	m.setNotes()
	return m
}

// Pos is the slide on the projector.
func (m Model) Pos() slides.Pos { return m.pos }

// Prime renders the slide on screen now, once the size is set (slides.Cache.RenderNow).
func (m Model) Prime() common.Screen {
	m.cache.RenderNow(m.pos)
	return m
}

type tickMsg time.Time

// refreshEvery is how many clock ticks (seconds) pass between reads of the counters,
// questions and slide time when nothing was seen written.
const refreshEvery = 10

// refreshCmd reads the desk's counters, the questions and the time on the slide.
func (m Model) refreshCmd() tea.Cmd {
	return tea.Batch(m.countsCmd(), m.questionsCmd(), m.onSlideCmd())
}

func tick() tea.Cmd {
	return tea.Every(time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// Init starts the clock and the poll.
func (m Model) Init() tea.Cmd {
	return tea.Batch(tick(), m.link.Poll(), m.countsCmd(), m.questionsCmd(), m.onSlideCmd())
}

type onSlideMsg struct {
	clock session.SlideClock
	err   error
}

// onSlideCmd reads the time on the current slide, as the session counts it (steps do not
// restart it; time when no presenter ran is not in it).
func (m Model) onSlideCmd() tea.Cmd {
	if m.svc == nil {
		return nil
	}
	svc, id := m.svc, m.sess.ID
	return func() tea.Msg {
		c, err := svc.OnSlide(context.Background(), id)
		return onSlideMsg{clock: c, err: err}
	}
}

// WithAttendance shows the desk's counters, read again when the database is written.
func (m Model) WithAttendance(att *attendance.Service) Model {
	m.att = att
	return m
}

type countsMsg struct {
	counts attendance.Counts
	err    error
}

func (m Model) countsCmd() tea.Cmd {
	if m.att == nil {
		return nil
	}
	att, id := m.att, m.sess.ID
	return func() tea.Msg {
		c, err := att.Counts(context.Background(), id)
		return countsMsg{counts: c, err: err}
	}
}

// WithQuestions shows the questions line: how many wait for an answer and the latest one,
// read once a second like the attendance counters.
func (m Model) WithQuestions(qs *questions.Service) Model {
	m.qs = qs
	return m
}

// latestQuestion is what the questions line shows of the newest question.
type latestQuestion struct {
	number, slide int    // slide 0-based
	text          string // on one line, at most latestRunes: the line is cut to the width when drawn
}

type questionsMsg struct {
	counts questions.Counts
	latest *latestQuestion
	err    error
}

// latestRunes is as much of the latest question as any screen shows on its one line; the
// rest of a long question is not carried to the frame.
const latestRunes = 400

func (m Model) questionsCmd() tea.Cmd {
	if m.qs == nil {
		return nil
	}
	qs, id := m.qs, m.sess.ID
	return func() tea.Msg {
		c, q, err := qs.Summary(context.Background(), id)
		msg := questionsMsg{counts: c, err: err}
		if q != nil {
			text := q.Text
			if r := []rune(text); len(r) > latestRunes {
				text = string(r[:latestRunes])
			}
			msg.latest = &latestQuestion{number: q.Number, slide: q.Slide, text: oneLine(text)}
		}
		return msg
	}
}

// WithClock fixes the time source (tests).
func (m Model) WithClock(clock func() time.Time) Model {
	m.Clock, m.now = clock, clock()
	return m
}

// SetStyles changes the theme.
func (m Model) SetStyles(s *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = s
	return m.relayout()
}

// SetSize gives the screen the window.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	m.width, m.height = max(width, 1), max(height, 1)
	return m.relayout()
}

// ShortHelp is the help line under the notes.
func (m Model) ShortHelp() []key.Binding {
	// Few enough to be whole at 80 columns; "?" lists the rest.
	return []key.Binding{m.keys.Next, m.keys.Prev, m.keys.Black, m.keys.Help, m.keys.Quit}
}

// FullHelp is every key of the screen, for "?".
func (m Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Jump},
		{k.Search, k.SearchNext, k.Overview, k.Black},
		{k.ScrollUp, k.ScrollDown, m.unpinKey, k.Help, k.Quit, k.Leave},
	}
}

func (m Model) slidePaneWidth() int {
	if m.width >= wideLayout {
		return m.width * 55 / 100
	}
	return 0
}

func (m Model) relayout() (Model, tea.Cmd) {
	m.help.SetWidth(m.width)
	m.search.SetWidth(max(m.width-4, 1))
	notesW := m.width
	var now tea.Cmd
	if pw := m.slidePaneWidth(); pw > 0 {
		notesW = m.width - pw - 1
		// The slide fills the box inside its border and padding: rendered wider, the box
		// wrapped its lines a second time ("thu" alone, "nhập cao" indented below).
		m.cache.Resize(pw-m.styles.Box.GetHorizontalFrameSize(), m.styles.Slide)
		now = m.cache.Ensure(m.pos)
	}
	m.notes.SetWidth(max(notesW, 10))
	m.notes.SetHeight(max(m.height-m.chromeHeight(), 1))
	offset := m.notes.YOffset()
	m.setNotes()
	m.notes.SetYOffset(offset)
	m = m.layoutPin()
	if m.slidePaneWidth() > 0 {
		return m, now
	}
	return m, nil
}

// chromeHeight is the lines above and below the notes in the narrow layout.
func (m Model) chromeHeight() int {
	extra := 0
	if m.att != nil {
		extra++ // the attendance line
	}
	if m.qs != nil {
		extra++ // the questions line
	}
	if m.slidePaneWidth() > 0 {
		return 4 + extra // clock bar, next-slide line, notes heading, help line
	}
	return 5 + extra // clock bar, current and next slide lines, notes heading, help line
}

func (m *Model) setNotes() {
	// A deck's notes are text, never terminal commands: an SGR or OSC
	// sequence written in them is dropped (line breaks stay).
	notes := textvi.Printable(m.deck.Slides[m.pos.Slide].Notes)
	if strings.TrimSpace(notes) == "" {
		notes = m.styles.Dim.Render(m.lang.T("follow.nonotes"))
	}
	// Wrap at word boundaries ourselves: the viewport's soft wrap cuts words in two.
	m.notes.SetContent(ansi.Wrap(notes, max(m.notes.Width(), 10), ""))
	m.notes.GotoTop()
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.SetSize(msg.Width, msg.Height)
	case slides.RenderedMsg:
		m.cache.Merge(msg)
	case tickMsg:
		m.now = time.Time(msg)
		if m.Clock != nil {
			m.now = m.Clock()
		}
		// The counters, questions and slide time are read again when the database was
		// written (a PolledMsg), and every refreshEvery as a safety net: read every second,
		// they kept an idle follow window at 1.2 % of a CPU (issue 16).
		m.ticks++
		if m.ticks%refreshEvery == 0 {
			return m, tea.Batch(tick(), m.refreshCmd())
		}
		return m, tick()
	case onSlideMsg:
		if msg.err == nil {
			m.onSlide = msg.clock
		}
		return m, nil
	case slides.BlackSavedMsg:
		if msg.ID == m.sess.ID {
			m.blackWriting = false
			if msg.Err != nil {
				m.black = !msg.On
				m.notice = m.lang.T("present.black.failed", msg.Err)
			}
		}
		return m, nil
	case slides.CloseMsg:
		if msg.ID == m.sess.ID {
			return m, func() tea.Msg { return DoneMsg{Ended: true} }
		}
		return m, nil
	case tea.PasteMsg:
		if m.searching {
			var cmd tea.Cmd
			*m.search, cmd = m.search.Update(msg)
			return m, cmd
		}
		return m, nil
	case countsMsg:
		if msg.err == nil {
			m.counts = msg.counts
		}
		return m, nil
	case questionsMsg:
		if msg.err == nil {
			m.asked, m.latest = msg.counts, msg.latest
		}
		return m, nil
	case slides.PolledMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		if msg.Err == nil { // the pin comes with every read, even while our own write holds the position back
			if !m.unpinning {
				m = m.setPin(msg.Pos.Pinned)
			}
			if !m.blackWriting {
				m.black = msg.Pos.Black
			}
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
			m, render = m.show(slides.Clamp(m.deck, p))
		}
		return m, tea.Batch(render, m.link.Poll(), m.refreshCmd())
	case slides.QuietMsg:
		if msg.ID != m.sess.ID {
			return m, nil
		}
		return m, m.link.Poll()
	case slides.SavedMsg:
		if msg.ID == m.sess.ID {
			return m, m.link.Saved(msg, m.pos)
		}
	case slides.UnpinnedMsg:
		if msg.ID == m.sess.ID {
			m.unpinning = false
			if msg.Err != nil {
				m.notice = m.lang.T("present.unpin.failed", msg.Err)
			}
		}
		return m, nil
	case endedMsg:
		if msg.err != nil && !errors.Is(msg.err, session.ErrEnded) { // ended from the other window: done too
			m.notice = m.lang.T("present.end.failed", msg.err)
			return m, nil
		}
		return m, func() tea.Msg { return DoneMsg{Ended: true} }
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseWheelMsg:
		var cmd tea.Cmd
		*m.notes, cmd = m.notes.Update(msg)
		return m, cmd
	}
	return m, nil
}

// key answers the keys the README lists for the presenter and follow, the same way.
func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	if m.ended {
		return m, func() tea.Msg { return DoneMsg{Ended: true} }
	}
	if key.Matches(msg, k.Leave) {
		return m, func() tea.Msg { return DoneMsg{} }
	}
	m.notice = ""
	if m.quitting { // the presenter's question and answers
		switch slides.QuitAnswer(msg.String()) {
		case slides.QuitEnd:
			m.quitting = false
			return m, m.end()
		case slides.QuitLeave:
			return m, func() tea.Msg { return DoneMsg{} }
		case slides.QuitBack:
			m.quitting = false
		}
		return m, nil
	}
	switch {
	case m.searching:
		return m.searchKey(msg)
	case m.overview:
		return m.overviewKey(msg)
	case m.helping: // any key closes the keys, as on the presenter
		m.helping = false
		if !key.Matches(msg, k.Quit) {
			return m, nil
		}
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
	if m.pinned != nil {
		// The question covers the slide on the audience screen: → and ← read it, as on the
		// presenter, so that the slide never moves unseen; a slide number still moves it.
		switch {
		case key.Matches(msg, m.unpinKey):
			return m.unpin()
		case key.Matches(msg, k.Next):
			if m.pinPage+1 < m.pinPages() {
				m.pinPage++
				return m, nil
			}
			m.notice = m.lang.T("present.pin.blocks")
			return m, nil
		case key.Matches(msg, k.Prev):
			if m.pinPage > 0 {
				m.pinPage--
				return m, nil
			}
			m.notice = m.lang.T("present.pin.blocks")
			return m, nil
		}
	}
	switch {
	case key.Matches(msg, k.Help):
		m.helping = true
	case key.Matches(msg, k.Quit):
		m.quitting = true
	case key.Matches(msg, k.Next):
		return m.goTo(slides.Next(m.deck, m.pos))
	case key.Matches(msg, k.Prev):
		return m.goTo(slides.Prev(m.deck, m.pos))
	case key.Matches(msg, k.First):
		return m.goTo(slides.First(m.deck))
	case key.Matches(msg, k.Last):
		return m.goTo(slides.Last(m.deck))
	case key.Matches(msg, k.Search):
		m.searching = true
		m.search.SetValue("")
		return m, m.search.Focus()
	case key.Matches(msg, k.SearchNext):
		return m.find(m.query)
	case key.Matches(msg, k.Overview):
		m.overview, m.selected = true, m.pos.Slide
	case key.Matches(msg, k.Black):
		m.black, m.blackWriting = !m.black, true
		return m, m.link.SetBlack(m.black)
	case key.Matches(msg, k.ScrollUp):
		m.notes.ScrollUp(1)
	case key.Matches(msg, k.ScrollDown):
		m.notes.ScrollDown(1)
	}
	return m, nil
}

func (m Model) searchKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.searching = false
		m.search.Blur()
		return m, nil
	case "enter":
		m.searching = false
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
		m.overview = false
	}
	if pick {
		return m.goTo(slides.Pos{Slide: sel})
	}
	return m, nil
}

// show puts slide p on screen; the Cmd renders it when it is not rendered yet.
func (m Model) show(p slides.Pos) (Model, tea.Cmd) {
	changed := p.Slide != m.pos.Slide
	m.pos = p
	var render tea.Cmd
	if m.slidePaneWidth() > 0 {
		render = m.cache.Ensure(p)
	}
	if changed {
		m.setNotes()
	}
	return m, render
}

type endedMsg struct{ err error }

// end ends the session, as the presenter's q k does.
func (m Model) end() tea.Cmd {
	svc, id := m.svc, m.sess.ID
	if svc == nil {
		return func() tea.Msg { return DoneMsg{} }
	}
	return func() tea.Msg { return endedMsg{err: svc.End(context.Background(), id)} }
}

func (m Model) goTo(p slides.Pos) (Model, tea.Cmd) {
	m, render := m.show(p)
	return m, tea.Batch(render, m.link.Moved(p))
}

// View draws the presenter view.
func (m Model) View() string {
	var b strings.Builder
	b.WriteString(m.clockBar() + "\n")
	if m.ended {
		msg := m.styles.Box.Width(min(m.width, 70)).Render(m.styles.Warn.Render(m.lang.T("session.ended.elsewhere", int(slides.EndedGrace/time.Second))))
		return b.String() + lipgloss.Place(m.width, max(m.height-1, 1), lipgloss.Center, lipgloss.Center, msg)
	}
	if m.quitting {
		ask := m.lang.T("present.quit.ask")
		box := m.styles.Box.Width(min(lipgloss.Width(ask)+m.styles.Box.GetHorizontalFrameSize(), m.width)).Render(ask)
		return b.String() + lipgloss.Place(m.width, max(m.height-1, 1), lipgloss.Center, lipgloss.Center, box)
	}
	if m.att != nil {
		b.WriteString(m.attendanceLine() + "\n")
	}
	if m.qs != nil {
		b.WriteString(m.questionsLine() + "\n")
	}
	next := m.lang.T("follow.next.none")
	if n := m.pos.Slide + 1; n < len(m.deck.Slides) {
		next = fmt.Sprintf("%d. %s", n+1, textvi.FieldText(m.deck.Slides[n].Title))
	}
	stepInfo := ""
	if steps := m.deck.StepCount(m.pos.Slide); steps > 1 {
		stepInfo = m.styles.Dim.Render("  " + m.lang.T("follow.step", m.pos.Step+1, steps))
	}
	nextLine := m.styles.Dim.Render(m.lang.T("follow.next")+" ") + next
	notesHead := m.styles.Title.Render(m.lang.T("follow.notes"))

	if pw := m.slidePaneWidth(); pw > 0 {
		h := max(m.height-m.chromeHeight()+2, 1)
		shown := fitLines(m.cache.Get(m.pos), h-2)
		switch {
		case m.black: // what the audience sees: nothing
			shown = m.styles.Warn.Render(m.lang.T("follow.black"))
		case m.pinned != nil: // what the audience sees: the question
			w, ph := m.pinSize()
			shown = m.pinView(w, ph)
		}
		slide := m.styles.Box.Width(pw).Height(h).Render(shown)
		right := lipgloss.JoinVertical(lipgloss.Left,
			truncate(nextLine+stepInfo, m.width-pw-1), notesHead, m.notesView())
		b.WriteString(lipgloss.JoinHorizontal(lipgloss.Top, slide, " ", right) + "\n")
	} else {
		cur := m.styles.Title.Render(fmt.Sprintf("%d/%d  %s", m.pos.Slide+1, len(m.deck.Slides), textvi.FieldText(m.deck.Slides[m.pos.Slide].Title)))
		b.WriteString(truncate(cur+stepInfo, m.width) + "\n")
		b.WriteString(truncate(nextLine, m.width) + "\n")
		if m.pinned != nil && !m.helping && !m.overview {
			b.WriteString(m.pinView(m.pinSize()) + "\n") // in place of the notes heading and the notes
		} else {
			b.WriteString(notesHead + "\n")
			b.WriteString(m.notesView() + "\n")
		}
	}
	b.WriteString(m.bottomLine())
	return b.String()
}

// bottomLine is the help line, or what is being typed (a search, a slide number), or a notice.
func (m Model) bottomLine() string {
	switch {
	case m.searching:
		return truncate(" "+m.search.View(), m.width)
	case m.jump != "":
		return truncate(" "+m.lang.T("present.jump", m.jump), m.width)
	case m.notice != "":
		return truncate(" "+m.styles.Warn.Render(m.notice), m.width)
	case m.link.Err != nil:
		return truncate(" "+m.styles.Warn.Render(m.link.ErrText(m.lang)), m.width)
	}
	return common.HelpLine(m.styles, m.width, m.ShortHelp())
}

// notesView is the notes, or every key while "?" is on.
func (m Model) notesView() string {
	if m.overview {
		return m.overviewView()
	}
	if !m.helping {
		return m.notes.View()
	}
	h := *m.help
	h.ShowAll = true
	h.SetWidth(m.notes.Width())
	return lipgloss.PlaceVertical(m.notes.Height(), lipgloss.Top, fitLines(h.View(m), m.notes.Height()))
}

// overviewView is the slide titles, the chosen one marked, in place of the notes.
func (m Model) overviewView() string {
	h := max(m.notes.Height(), 1)
	rows := max(h-1, 1)
	n := len(m.deck.Slides)
	first := min(max(m.selected-rows/2, 0), max(n-rows, 0))
	lines := []string{m.styles.Dim.Render(truncate(m.lang.T("present.overview.title"), m.notes.Width()))}
	for i := first; i < min(first+rows, n); i++ {
		line := truncate(fmt.Sprintf("%3d  %s", i+1, textvi.FieldText(m.deck.Slides[i].Title)), m.notes.Width())
		switch i {
		case m.selected:
			line = m.styles.Selected.Render(line)
		case m.pos.Slide:
			line = m.styles.Accent.Render(line)
		}
		lines = append(lines, line)
	}
	return lipgloss.PlaceVertical(h, lipgloss.Top, strings.Join(lines, "\n"))
}

// clockBar: slide N/M, a warning near the end of the planned time, elapsed, time on this
// slide, pace against the plan, wall clock; first of all, that the audience sees black.
// When that is wider than the screen it is said more tightly, then the least needed parts
// give way (pace, time on this slide, elapsed), so that the warnings and the clock stay whole.
func (m Model) clockBar() string {
	elapsed := m.now.Sub(m.sess.StartedAt)
	black, warn := "", m.timeWarning(elapsed)
	if m.black {
		black = m.lang.T("follow.black")
	}
	var pace string
	if m.deck.Meta.Duration > 0 {
		pace = m.paceText(Pace(m.deck.Meta.Duration, len(m.deck.Slides), m.pos.Slide, elapsed))
	}
	parts := []string{ // in the order they give way, last first
		m.lang.T("follow.elapsed", slides.Clock(elapsed)),
		m.lang.T("follow.onslide", slides.Clock(m.slideTime())),
		pace,
	}
	clock := m.now.Format("15:04")
	slide := fmt.Sprintf("%d/%d", m.pos.Slide+1, len(m.deck.Slides))

	bar := func(sep string) (head, warns, rest string) {
		head = " " + slide + sep
		warns = joinNonEmpty(sep, black, warn)
		rest = joinNonEmpty(sep, append(parts, clock)...) + " "
		if warns != "" {
			rest = sep + rest
		}
		return head, warns, rest
	}
	sep := "  ·  "
	fits := func() bool {
		h, w, r := bar(sep)
		return ansi.StringWidth(h+w+r) <= m.width+1 // the closing space may go
	}
	if !fits() {
		sep = " · "
	}
	for i := len(parts) - 1; i >= 0 && !fits(); i-- {
		parts[i] = ""
	}
	head, warns, rest := bar(sep)
	if ansi.StringWidth(head+warns+rest) > m.width {
		rest = strings.TrimSuffix(rest, " ")
	}
	rest += strings.Repeat(" ", max(m.width-ansi.StringWidth(head+warns+rest), 0))
	out := m.styles.Status.Render(head) + m.styles.Warn.Bold(true).Render(warns) + m.styles.Status.Render(rest)
	return truncate(out, m.width)
}

// joinNonEmpty joins the parts that are not "" with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

// slideTime is the time on the slide on screen: the session's count, read once a second,
// carried on to now; 0:00 for a slide it has not counted yet.
func (m Model) slideTime() time.Duration {
	c := m.onSlide
	if c.At.IsZero() || c.Slide != m.pos.Slide {
		// Not read yet for this slide (a second at most): since the position changed, which
		// on a slide just entered is the same.
		return max(m.now.Sub(m.link.Since()), 0)
	}
	return c.Spent + max(m.now.Sub(c.At), 0)
}

// warnBefore is how long before the planned end follow starts warning.
const warnBefore = 5 * time.Minute

// timeWarning says the planned time is nearly up (5 minutes or less left) or past; "" before
// that or without a plan.
func (m Model) timeWarning(elapsed time.Duration) string {
	if m.deck.Meta.Duration <= 0 {
		return ""
	}
	left := time.Duration(m.deck.Meta.Duration)*time.Minute - elapsed
	minutes := int((left.Abs() + time.Minute - 1) / time.Minute) // started minutes: 4:10 left says 5
	switch {
	case left > warnBefore:
		return ""
	case left > 0:
		return m.lang.T("follow.pace.left", minutes)
	case left > -time.Minute:
		return m.lang.T("follow.pace.overnow")
	default:
		return m.lang.T("follow.pace.over", int(-left/time.Minute))
	}
}

// attendanceLine: present now, by group, and the largest units.
func (m Model) attendanceLine() string {
	c := m.counts
	parts := append([]string{m.lang.T("desk.present", c.Present)}, c.GroupItems(m.lang)...)
	line := " " + strings.Join(parts, " · ")
	if len(c.ByUnit) > 0 {
		line += "  │  " + strings.Join(c.UnitItems(m.lang), " · ")
	}
	return m.styles.Accent.Render(truncate(line, m.width))
}

// questionsLine: questions waiting for an answer out of all, the pinned one (what the
// audience sees instead of the slide), and the latest question on what is left of the line.
func (m Model) questionsLine() string {
	l := m.lang
	if m.asked.Total() == 0 && m.pinned == nil {
		return m.styles.Accent.Render(truncate(" "+l.T("follow.questions.none"), m.width))
	}
	line := m.styles.Accent.Render(" " + l.T("follow.questions", m.asked.Open, m.asked.Total()))
	if m.pinned != nil {
		line += m.styles.Accent.Render(" · ") + m.styles.Warn.Render(l.T("follow.questions.pin", m.pinned.Number))
	}
	if q := m.latest; q != nil {
		line += m.styles.Accent.Render(" · " + l.T("follow.questions.last", q.number, q.slide+1, q.text))
	}
	return truncate(line, m.width)
}

// oneLine is a text on a single line without control characters, which a question typed at
// the desk may carry and which would break the layout.
func oneLine(s string) string { return textvi.OneLine(s) }

func (m Model) paceText(p time.Duration) string {
	minutes := int((p.Abs() + 30*time.Second) / time.Minute)
	switch {
	case minutes == 0:
		return m.lang.T("follow.pace.ontime")
	case p > 0:
		return m.lang.T("follow.pace.behind", minutes)
	default:
		return m.lang.T("follow.pace.ahead", minutes)
	}
}

// Pace is how far behind plan the talk is (negative: ahead): the time spent against the share
// of the planned minutes that the slides already left behind should have taken.
func Pace(durationMin, slideCount, slide int, elapsed time.Duration) time.Duration {
	if durationMin <= 0 || slideCount <= 0 {
		return 0
	}
	planned := time.Duration(durationMin) * time.Minute * time.Duration(slide) / time.Duration(slideCount)
	return elapsed - planned
}

func truncate(s string, w int) string { return ansi.Truncate(s, max(w, 0), "…") }

func fitLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:max(h, 0)]
	}
	return strings.Join(lines, "\n")
}
