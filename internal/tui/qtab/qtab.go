// Package qtab is the desk's Questions tab: the clerk records audience
// questions against the slide on screen, answers or forwards them, and pins
// one on the audience screen. Every write runs in a tea.Cmd and is shown
// only after it was committed; a poll keeps the list in step with what the
// CLI or another desk wrote.
package qtab

import (
	"context"
	"sort"
	"strconv"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// pollEvery is how often the tab reads what other processes wrote and
// which slide the presenter shows.
const pollEvery = 300 * time.Millisecond

// Asker is someone checked in to the session, whom the clerk can name as
// the asker.
type Asker struct {
	PersonID, Name, Unit string
}

// PresentFunc lists up to limit people checked in whose name or unit
// matches query (all of them for an empty query).
type PresentFunc func(query string, limit int) []Asker

type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
	modeAnswer
	modeForward
	modeHistory
)

// Model is the Questions tab.
type Model struct {
	lang    i18n.Lang
	styles  *theme.Styles
	keys    KeyMap
	svc     *questions.Service
	sess    *session.Service
	s       session.Session
	loc     *time.Location
	present PresentFunc

	all     []questions.Question // in number order
	stamp   string               // the newest write seen
	loaded  bool
	loadErr error
	screen  int    // the slide on the presenter's screen, 0-based
	pinned  string // the id of the pinned question
	ended   bool
	polling bool

	filter    questions.Filter
	search    textinput.Model
	searching bool
	rows      []int // indexes into all that pass the filter
	sel       int

	mode mode
	// The forms are large (text areas); held by pointer, the tab and the
	// desk that holds it stay cheap to copy on every message.
	form    *form       // while mode is modeForm
	answer  *answerForm // while mode is modeAnswer
	history []questions.Version
	scroll  int // detail and history scroll offset
	wraps   *wrapCache
	busy    bool
	status  theme.Notice

	width, height int
}

// New makes the tab for session s. present lists the people checked in.
func New(c common.Common, svc *questions.Service, sess *session.Service, s session.Session, present PresentFunc) Model {
	lang, styles := c.Lang, c.Styles
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = lang.T("qtab.search.placeholder")
	in.CharLimit = 100
	return Model{
		lang: lang, styles: styles, keys: newKeys(lang), svc: svc, sess: sess, s: s, loc: time.Local, present: present,
		filter: questions.Filter{Slide: questions.AnySlide}, search: in,
		screen: s.Slide, width: 80, height: 20, wraps: &wrapCache{},
	}
}

// WithLocation shows times in loc (tests use UTC).
func (m Model) WithLocation(loc *time.Location) Model {
	m.loc = loc
	return m
}

// SetStyles changes the theme.
func (m Model) SetStyles(s *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = s
	return m, nil
}

// SetSize gives the tab its room: the desk's window less the desk's own lines.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	m.width, m.height = width, height
	m.search.SetWidth(max(min(m.width/3, 40), 10))
	// The forms exist only while open (a zero textarea cannot be sized).
	switch m.mode {
	case modeForm:
		*m.form = m.form.resize(m.width, m.height)
	case modeAnswer:
		*m.answer = m.answer.resize(m.width, m.height)
	}
	return m, nil
}

// Ended says the session has ended, as the last poll saw it.
func (m Model) Ended() bool { return m.ended }

// Capturing says the tab takes every key, tab and q included: a form or
// the search box has the focus.
func (m Model) Capturing() bool {
	return m.searching || (m.mode != modeList && m.mode != modeDetail && m.mode != modeHistory)
}

// Msg is every message of this tab; the parent routes them here whichever
// tab is on screen.
type Msg interface{ qtabMsg() }

type pollTickMsg struct{}

type polledMsg struct {
	list  []questions.Question
	pos   session.Position
	since string // the stamp the read started from
	err   error
}

type savedMsg struct {
	what string // added, edited, answered, forwarded, reopened
	q    questions.Question
	err  error
}

type pinnedMsg struct {
	q   *questions.Question // nil: unpinned
	err error
}

type historyMsg struct {
	versions []questions.Version
	err      error
}

func (pollTickMsg) qtabMsg() {}
func (polledMsg) qtabMsg()   {}
func (savedMsg) qtabMsg()    {}
func (pinnedMsg) qtabMsg()   {}
func (historyMsg) qtabMsg()  {}

// Init reads the session's questions at once, then keeps polling.
func (m Model) Init() tea.Cmd { return m.pollCmd() }

func pollTick() tea.Cmd {
	return tea.Tick(pollEvery, func(time.Time) tea.Msg { return pollTickMsg{} })
}

func (m Model) pollCmd() tea.Cmd {
	svc, sess, id, stamp := m.svc, m.sess, m.s.ID, m.stamp
	return func() tea.Msg {
		ctx := context.Background()
		list, err := svc.Since(ctx, id, stamp)
		if err != nil {
			return polledMsg{since: stamp, err: err}
		}
		pos, err := sess.Position(ctx, id)
		return polledMsg{list: list, pos: pos, since: stamp, err: err}
	}
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.SetSize(msg.Width, msg.Height)

	case pollTickMsg:
		if m.polling {
			return m, pollTick()
		}
		m.polling = true
		return m, m.pollCmd()

	case polledMsg:
		m.polling = false
		if msg.err != nil {
			if !m.loaded {
				m.loadErr = msg.err
			}
			return m, pollTick()
		}
		m.loaded, m.loadErr = true, nil
		m.merge(msg.list)
		m.screen, m.ended = msg.pos.Slide, msg.pos.Ended
		m.pinned = ""
		if msg.pos.Pinned != nil {
			m.pinned = msg.pos.Pinned.ID
		}
		if m.mode == modeForm {
			*m.form = m.form.screenMoved(m.screen)
		}
		return m, pollTick()

	case savedMsg:
		return m.saved(msg), nil

	case pinnedMsg:
		m.busy = false
		switch {
		case msg.err != nil:
			m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(msg.err)}
		case msg.q == nil:
			m.pinned = ""
			m.status = theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("qtab.unpinned")}
		default:
			m.pinned = msg.q.ID
			m.status = theme.Notice{Kind: theme.NoticeOK, Text: m.lang.T("qtab.pinned", msg.q.Number)}
		}
		return m, nil

	case historyMsg:
		if msg.err != nil {
			m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(msg.err)}
			return m, nil
		}
		m.history, m.mode, m.scroll = msg.versions, modeHistory, 0
		return m, nil

	case tea.KeyPressMsg:
		return m.key(msg)

	case tea.PasteMsg:
		switch m.mode {
		case modeForm:
			var cmd tea.Cmd
			*m.form, cmd = m.form.update(msg, m.present)
			return m, cmd
		case modeAnswer:
			var cmd tea.Cmd
			*m.answer, cmd = m.answer.update(msg)
			return m, cmd
		}
		if m.searching {
			return m.typedSearch(msg)
		}
	}
	switch m.mode {
	case modeForm:
		var cmd tea.Cmd
		*m.form, cmd = m.form.update(msg, m.present)
		return m, cmd
	case modeAnswer:
		var cmd tea.Cmd
		*m.answer, cmd = m.answer.update(msg)
		return m, cmd
	}
	if m.searching {
		return m.typedSearch(msg)
	}
	return m, nil
}

// merge puts questions read by a poll (or a write) into the list.
func (m *Model) merge(list []questions.Question) {
	if len(list) == 0 {
		return
	}
	var selID string
	if q, ok := m.selected(); ok {
		selID = q.ID
	}
	for _, q := range list {
		if q.HLC > m.stamp {
			m.stamp = q.HLC
		}
		i := sort.Search(len(m.all), func(i int) bool { return m.all[i].Number >= q.Number })
		switch {
		case i < len(m.all) && m.all[i].ID == q.ID:
			if q.Version >= m.all[i].Version {
				m.all[i] = q
			}
		default:
			m.all = append(m.all, questions.Question{})
			copy(m.all[i+1:], m.all[i:])
			m.all[i] = q
		}
	}
	m.refilter(selID)
}

// refilter recomputes the rows and keeps the selection on the question it
// was on, if it still passes.
func (m *Model) refilter(selID string) {
	m.rows = m.rows[:0]
	for i, q := range m.all {
		if m.filter.Match(q) {
			m.rows = append(m.rows, i)
		}
	}
	for r, i := range m.rows {
		if m.all[i].ID == selID {
			m.sel = r
			return
		}
	}
	m.sel = min(m.sel, max(len(m.rows)-1, 0))
}

func (m Model) selected() (questions.Question, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return questions.Question{}, false
	}
	return m.all[m.rows[m.sel]], true
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch m.mode {
	case modeForm:
		return m.formKey(msg)
	case modeAnswer:
		return m.answerKey(msg)
	case modeForward:
		return m.forwardKey(msg)
	case modeHistory:
		return m.scrollKey(msg, func(m Model) Model { m.mode = modeDetail; return m })
	}
	if m.searching {
		switch {
		case key.Matches(msg, k.SearchDone):
			m.searching = false
			m.search.Blur()
			return m, nil
		case key.Matches(msg, k.SearchClear):
			m.searching = false
			m.search.Blur()
			m.search.SetValue("")
			m.filter.Query = ""
			m.refilter("")
			return m, nil
		}
		return m.typedSearch(msg)
	}
	if m.mode == modeDetail {
		switch {
		case key.Matches(msg, k.Back) && msg.String() != "q":
			m.mode = modeList
			return m, nil
		case key.Matches(msg, k.Scroll):
			return m.scrollKey(msg, nil)
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		m.sel = max(m.sel-1, 0)
		m.scroll = 0
	case key.Matches(msg, k.Down):
		m.sel = min(m.sel+1, max(len(m.rows)-1, 0))
		m.scroll = 0
	case key.Matches(msg, k.PageUp):
		m.sel = max(m.sel-m.listHeight(), 0)
	case key.Matches(msg, k.PageDown):
		m.sel = min(m.sel+m.listHeight(), max(len(m.rows)-1, 0))
	case key.Matches(msg, k.Top):
		m.sel = 0
	case key.Matches(msg, k.Bottom):
		m.sel = max(len(m.rows)-1, 0)
	case key.Matches(msg, k.View):
		if _, ok := m.selected(); ok {
			m.mode, m.scroll = modeDetail, 0
		}
	case key.Matches(msg, k.New):
		return m.openForm(nil)
	case key.Matches(msg, k.Edit):
		if q, ok := m.selected(); ok {
			return m.openForm(&q)
		}
	case key.Matches(msg, k.Answer):
		if q, ok := m.selected(); ok {
			return m.openAnswer(q)
		}
	case key.Matches(msg, k.Forward):
		if _, ok := m.selected(); ok {
			m.mode = modeForward
		}
	case key.Matches(msg, k.Reopen):
		if q, ok := m.selected(); ok && q.Status != questions.Open {
			return m.write("reopened", func(svc *questions.Service) (questions.Question, error) {
				return svc.Reopen(context.Background(), q.ID)
			})
		}
	case key.Matches(msg, k.Pin):
		return m.togglePin()
	case key.Matches(msg, k.History):
		if q, ok := m.selected(); ok {
			svc := m.svc
			return m, func() tea.Msg {
				v, err := svc.History(context.Background(), q.ID)
				return historyMsg{versions: v, err: err}
			}
		}
	case key.Matches(msg, k.Find):
		m.searching = true
		return m, m.search.Focus()
	case key.Matches(msg, k.Status):
		m.filter.Status = nextStatus(m.filter.Status)
		m.refilter("")
	case key.Matches(msg, k.OnScreen):
		if m.filter.Slide == questions.AnySlide {
			m.filter.Slide = m.screen
		} else {
			m.filter.Slide = questions.AnySlide
		}
		m.refilter("")
	case key.Matches(msg, k.PrevSlide):
		if m.filter.Slide > 0 {
			m.filter.Slide--
			m.refilter("")
		}
	case key.Matches(msg, k.NextSlide):
		if m.filter.Slide == questions.AnySlide {
			m.filter.Slide = 0
		} else if m.filter.Slide+1 < m.s.Deck.Slides {
			m.filter.Slide++
		}
		m.refilter("")
	case key.Matches(msg, k.ClearFilter):
		m.filter = questions.Filter{Slide: questions.AnySlide}
		m.search.SetValue("")
		m.refilter("")
	}
	return m, nil
}

// scrollKey moves through a long question or its history; back is what esc
// does (nil: back to the list).
func (m Model) scrollKey(msg tea.KeyPressMsg, back func(Model) Model) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		if back != nil {
			return back(m), nil
		}
		m.mode = modeList
	case key.Matches(msg, k.Up):
		m.scroll = max(m.scroll-1, 0)
	case key.Matches(msg, k.Down):
		m.scroll++
	case key.Matches(msg, k.PageUp):
		m.scroll = max(m.scroll-m.listHeight(), 0)
	case key.Matches(msg, k.PageDown):
		m.scroll += m.listHeight()
	}
	return m, nil
}

func nextStatus(s questions.Status) questions.Status {
	if s == "" {
		return questions.Statuses[0]
	}
	for i, st := range questions.Statuses {
		if st == s && i+1 < len(questions.Statuses) {
			return questions.Statuses[i+1]
		}
	}
	return ""
}

func (m Model) typedSearch(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(msg)
	if m.search.Value() != m.filter.Query {
		m.filter.Query = m.search.Value()
		m.refilter("")
	}
	return m, cmd
}

// --- writes ---

// write runs one change of a question in a Cmd.
func (m Model) write(what string, do func(*questions.Service) (questions.Question, error)) (Model, tea.Cmd) {
	if m.busy {
		return m, nil
	}
	m.busy = true
	svc := m.svc
	return m, func() tea.Msg {
		q, err := do(svc)
		return savedMsg{what: what, q: q, err: err}
	}
}

func (m Model) saved(msg savedMsg) Model {
	m.busy = false
	if msg.err != nil {
		text := m.writeError(msg.err)
		switch m.mode {
		case modeForm:
			m.form.err, m.form.saving = text, false
		case modeAnswer:
			m.answer.err, m.answer.saving = text, false
		default:
			m.status = theme.Notice{Kind: theme.NoticeWarn, Text: text}
		}
		return m
	}
	q := msg.q
	if m.mode != modeDetail {
		m.mode = modeList
	}
	if msg.what == "added" {
		// A new question should be seen even under a filter that hides it.
		m.filter = questions.Filter{Slide: questions.AnySlide}
		m.search.SetValue("")
	}
	m.merge([]questions.Question{q})
	m.refilter(q.ID)
	m.status = theme.Notice{Kind: theme.NoticeOK, Text: m.lang.T("qtab.saved."+msg.what, q.Number, q.Slide+1)}
	return m
}

func (m Model) togglePin() (Model, tea.Cmd) {
	q, ok := m.selected()
	if !ok || m.busy {
		return m, nil
	}
	m.busy = true
	svc, sessionID, unpin := m.svc, m.s.ID, q.ID == m.pinned
	return m, func() tea.Msg {
		if unpin {
			_, err := svc.Unpin(context.Background(), sessionID)
			return pinnedMsg{err: err}
		}
		p, err := svc.Pin(context.Background(), q.ID)
		return pinnedMsg{q: &p, err: err}
	}
}

// writeError says why a write failed, in the questions service's words.
func (m Model) writeError(err error) string {
	if msg, ok := questions.Message(m.lang, err); ok {
		return msg
	}
	return m.lang.T("qtab.err.write", err.Error())
}

// --- forms ---

func (m Model) openForm(q *questions.Question) (Model, tea.Cmd) {
	m.mode = modeForm
	f := newForm(m.lang, m.styles, m.s.Deck.Slides, m.screen, q).resize(m.width, m.height)
	cmd := f.focusCurrent()
	m.form = &f
	return m, cmd
}

func (m Model) formKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		if m.form.escape(m.form.snapshot()) {
			m.mode = modeList
		}
		return m, nil
	case key.Matches(msg, k.Save):
		return m.submitForm()
	case key.Matches(msg, k.EnterSaves):
		if m.form.enterSaves() {
			return m.submitForm()
		}
	}
	m.form.discarding = false
	var cmd tea.Cmd
	*m.form, cmd = m.form.update(msg, m.present)
	return m, cmd
}

func (m Model) submitForm() (Model, tea.Cmd) {
	if m.form.saving {
		return m, nil
	}
	d, err := m.form.draft()
	if err != "" {
		m.form.err = err
		return m, nil
	}
	m.form.saving, m.form.err = true, ""
	sessionID, editing := m.s.ID, m.form.editing
	if editing == "" {
		return m.write("added", func(svc *questions.Service) (questions.Question, error) {
			return svc.Add(context.Background(), sessionID, d)
		})
	}
	return m.write("edited", func(svc *questions.Service) (questions.Question, error) {
		return svc.Edit(context.Background(), editing, d)
	})
}

func (m Model) openAnswer(q questions.Question) (Model, tea.Cmd) {
	m.mode = modeAnswer
	by := q.AnsweredBy
	if by == "" && q.Status == questions.Open {
		by = m.s.Info.Rapporteur
	}
	a := newAnswerForm(m.lang, m.styles, q, by).resize(m.width, m.height)
	cmd := a.focusCurrent()
	m.answer = &a
	return m, cmd
}

func (m Model) answerKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		if m.answer.escape(m.answer.snapshot()) {
			m.mode = modeList
		}
		return m, nil
	case key.Matches(msg, k.Save):
		return m.submitAnswer()
	case key.Matches(msg, k.EnterSaves):
		if m.answer.focus == answerBy {
			return m.submitAnswer()
		}
	}
	m.answer.discarding = false
	var cmd tea.Cmd
	*m.answer, cmd = m.answer.update(msg)
	return m, cmd
}

func (m Model) submitAnswer() (Model, tea.Cmd) {
	if m.answer.saving {
		return m, nil
	}
	m.answer.saving, m.answer.err = true, ""
	id, text, by := m.answer.q.ID, m.answer.text.Value(), m.answer.by.Value()
	return m.write("answered", func(svc *questions.Service) (questions.Question, error) {
		return svc.Answer(context.Background(), id, text, by)
	})
}

func (m Model) forwardKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	q, ok := m.selected()
	if !ok {
		m.mode = modeList
		return m, nil
	}
	var to questions.Destination
	switch {
	case key.Matches(msg, k.ToDistrict):
		to = questions.ToDistrict
	case key.Matches(msg, k.ToSpokesperson):
		to = questions.ToSpokesperson
	case key.Matches(msg, k.ToDefault):
		to = "" // the service's default: the spokesperson for a press question
	case key.Matches(msg, k.Cancel):
		m.mode = modeList
		return m, nil
	default:
		return m, nil
	}
	m.mode = modeList
	return m.write("forwarded", func(svc *questions.Service) (questions.Question, error) {
		return svc.Forward(context.Background(), q.ID, to)
	})
}

// --- small helpers ---

func (m Model) clockText(t time.Time) string { return t.In(m.loc).Format("15:04") }

func slideText(slide int) string { return strconv.Itoa(slide + 1) }
