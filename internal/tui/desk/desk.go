// Package desk is the clerk's screen: a search box focused at once over the
// roster, Enter to check the highlighted person in, walk-ins, citizen-ID QR
// scans, undo, and the counters. Every write runs in a tea.Cmd and the
// confirmation is drawn only after the commit returned.
package desk

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/search"
	"briefing/internal/session"
	"briefing/internal/sqlitedb"
	"briefing/internal/textvi"
	"briefing/internal/tui/common"
	"briefing/internal/tui/qtab"
	"briefing/internal/tui/theme"
	"briefing/internal/unit"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// DoneMsg tells the parent the clerk left the desk.
type DoneMsg struct{}

// pollEvery is how often the desk looks for what other processes wrote.
const pollEvery = 300 * time.Millisecond

// resultLimit is how many matches a search shows at most.
const resultLimit = 50

// notYetLimit is how many of those not yet come the list holds at most
// (a ward's expected are a few hundred).
const notYetLimit = 2000

type focus int

const (
	focusSearch focus = iota // typing goes to the search box
	focusList                // single keys are commands (u, n, q)
	focusWalkIn              // the walk-in form
)

type tab int

const (
	tabAttendance tab = iota
	tabQuestions
)

// Model is the desk: the attendance tab (this package) and the Questions
// tab (qtab), switched with tab.
type Model struct {
	tab tab
	// questions is the Questions tab (nil without a questions service),
	// held by pointer: it is large, and the desk is copied on every call.
	questions *qtab.Model
	ref       *bookRef

	lang   i18n.Lang
	styles *theme.Styles
	keys   keyMap
	svc    *attendance.Service
	sess   *session.Service
	s      session.Session
	loc    *time.Location // check-in times are shown in it

	book    *book // nil until loaded
	loadErr error
	input   textinput.Model
	hits    []search.Hit
	rows    []row // what the list shows: matches, or recent check-ins
	// stale: the query changed since rows were made. Typing does not search
	// at once: it sends itself a searchMsg, which comes after the keys
	// already waiting, and only the last one (searchGen) searches; so a
	// burst of keys (a scanner gone wild) searches once, not once a key.
	// A key that acts on the list searches first.
	stale     bool
	searchGen uint64
	searches  int // searches run, for tests
	// tooBroad: while the roster loads, the query matched more people than
	// the database's search ranks (attendance.Search), and rowsGen is the
	// searchGen of the query its rows are for.
	tooBroad bool
	rowsGen  uint64
	// clearIfIn: while the roster loads, the query an Enter checked in
	// from, cleared once the check-in is confirmed new.
	clearIfIn string
	// misspelled: the query has diacritics and no match is spelled that way,
	// so every row is someone else ("Lê Văn Tâm" for "Lê Văn Tám").
	misspelled bool
	// card is a scanned card found by no number but by its name on people
	// with no card on file (cardPeople): the list offers them, and Enter
	// says the card is that person's.
	card       *cccd.Card
	cardPeople []attendance.Person
	// idFor is the citizen-ID number typed whose holders (idPeople) the
	// list shows: a 12-digit number is looked up as it is typed.
	idFor    string
	idPeople []attendance.Person
	// queued holds the keys typed while a walk-in is being saved: the clerk
	// goes on with the next person, and those keys belong to the search box
	// once the form has closed (or to the form, if it stays open).
	queued []tea.Msg
	// replaceQuery: the query stayed after "already checked in" (to pick
	// another person of that name), and the next letter typed starts a new
	// one instead of adding to it.
	replaceQuery bool
	// notYet: with the box empty, the list is the expected people not yet
	// here (ctrl+r), not the latest check-ins.
	notYet bool
	// undoArmed is the person whose undo waits for a second u.
	undoArmed string
	sel       int
	focus     focus
	// walkIn is held by pointer and replaced, never changed in place: the
	// form is most of the model's size, and Bubble Tea copies the model
	// with every message (20,000 pasted keys copied 60 KB each).
	walkIn      *walkInForm
	pending     map[string]bool // person ids being written
	status      theme.Notice
	endedPolled bool // the session has ended, as the desk's own poll saw it
	polling     bool
	units       []string

	width, height int
}

// row is one line of the list.
type row struct {
	person attendance.Person
}

// New makes the desk for an open session.
func New(c common.Common, svc *attendance.Service, sess *session.Service, s session.Session) Model {
	lang, styles := c.Lang, c.Styles
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = lang.T("desk.search.placeholder")
	in.CharLimit = 400 // a QR payload is long
	in.Focus()
	m := Model{
		walkIn: &walkInForm{},
		lang:   lang, styles: styles, keys: newKeys(lang), svc: svc, sess: sess, s: s, loc: time.Local,
		input: in, pending: map[string]bool{}, width: 80, height: 24, ref: &bookRef{},
	}
	return m
}

// WithQuestions adds the Questions tab.
func (m Model) WithQuestions(qs *questions.Service) Model {
	if qs == nil {
		return m
	}
	q := qtab.New(common.Common{Lang: m.lang, Styles: m.styles}, qs, m.sess, m.s, m.ref.askers).WithLocation(m.loc)
	m.questions = &q
	return m
}

// WithClock is for tests, whose clock is fixed: times are shown in UTC so
// that frames do not depend on the machine's zone. (Check-in times come from
// the attendance service's clock.)
func (m Model) WithClock(func() time.Time) Model {
	m.loc = time.UTC
	if m.questions != nil {
		*m.questions = m.questions.WithLocation(time.UTC)
	}
	return m
}

// --- messages ---

type loadedMsg struct {
	book  *book
	units []string // suggestions for the walk-in form
	err   error
}

type pollTickMsg struct{}

type changesMsg struct {
	people   []attendance.Person
	checkIns []attendance.CheckIn
	cursor   attendance.Cursor
	ended    bool
	err      error
}

type checkedInMsg struct {
	personID string
	checkIn  attendance.CheckIn
	err      error
}

type undoneMsg struct {
	personID string
	checkIn  attendance.CheckIn
	err      error
}

// scannedMsg is what a scanned card led to (attendance.Scan); personID is
// the holder the clerk chose, when they did.
type scannedMsg struct {
	personID string
	res      attendance.ScanResult
	err      error
}

// withRosterUnits adds to the known units those of the people on the
// roster, the most common first: what a walk-in's unit is likely to be.
func withRosterUnits(units []string, people []attendance.Person) []string {
	count := map[string]int{}
	for _, p := range people {
		if p.Unit != "" {
			count[p.Unit]++
		}
	}
	for _, u := range units {
		delete(count, u)
	}
	extra := make([]string, 0, len(count))
	for u := range count {
		extra = append(extra, u)
	}
	slices.SortFunc(extra, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	return append(units, extra...)
}

// Init loads the roster in the background; the first frame does not wait.
func (m Model) Init() tea.Cmd {
	svc, sess, id, host := m.svc, m.sess, m.s.ID, m.s.Info.Unit
	load := func() tea.Msg {
		b, err := loadBook(context.Background(), svc, id, host)
		units, _ := sess.Units(context.Background()) // only suggestions: none is fine
		if b != nil {
			units = withRosterUnits(units, b.people)
		}
		return loadedMsg{book: b, units: units, err: err}
	}
	if m.questions != nil {
		return tea.Batch(load, textinput.Blink, m.questions.Init())
	}
	return tea.Batch(load, textinput.Blink)
}

func pollTick() tea.Cmd {
	return tea.Tick(pollEvery, func(time.Time) tea.Msg { return pollTickMsg{} })
}

func (m Model) pollCmd() tea.Cmd {
	svc, sess, id, cursor := m.svc, m.sess, m.s.ID, m.book.cursor
	// The Questions tab polls the session's position already; without it
	// the desk reads it for the end of the session.
	readPosition := m.questions == nil
	return func() tea.Msg {
		ctx := context.Background()
		people, checkIns, next, err := svc.Changes(ctx, id, cursor)
		if err != nil || !readPosition {
			return changesMsg{people: people, checkIns: checkIns, cursor: next, err: err}
		}
		pos, err := sess.Position(ctx, id)
		return changesMsg{people: people, checkIns: checkIns, cursor: next, ended: pos.Ended, err: err}
	}
}

// SetSize gives the desk the window.
func (m Model) SetSize(width, height int) (common.Screen, tea.Cmd) {
	m.width, m.height = width, height
	// The tab gets all but the header, the notice and the help line.
	if m.questions != nil {
		s, _ := m.questions.SetSize(width, max(height-3, 4))
		*m.questions = s.(qtab.Model)
	}
	m.input.SetWidth(max(m.width-lineWidth(m.lang.T("desk.search.label"))-6, 10))
	m.setWalkIn(m.walkIn.resize(m.width))
	return m, nil
}

// toQuestions hands a message to the Questions tab.
func (m *Model) toQuestions(msg tea.Msg) tea.Cmd {
	s, cmd := m.questions.Update(msg)
	*m.questions = s.(qtab.Model)
	return cmd
}

// Update handles a message.
func (m Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return m.update(msg) }

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	if _, ok := msg.(qtab.Msg); ok && m.questions != nil {
		return m, m.toQuestions(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s, cmd := m.SetSize(msg.Width, msg.Height)
		return s.(Model), cmd

	case searchMsg:
		if msg.gen != m.searchGen || !m.stale {
			return m, nil
		}
		if number, ok := cccd.ParseNumber(m.input.Value()); ok && m.card == nil {
			m.refresh()
			return m, m.lookUpID(number, msg.gen)
		}
		if m.book == nil {
			m.stale = false
			return m, m.searchStore(m.input.Value(), msg.gen)
		}
		m.refresh()
		return m, nil

	case storeFoundMsg:
		if m.book != nil || msg.gen != m.searchGen || m.card != nil {
			return m, nil // the roster has loaded, or the query changed since
		}
		m.rows = m.rows[:0]
		for _, p := range msg.people {
			m.rows = append(m.rows, row{person: p})
		}
		m.tooBroad = msg.broad
		m.rowsGen = msg.gen
		m.sel = 0
		return m, nil

	case loadedMsg:
		if msg.err != nil {
			m.loadErr = msg.err
			return m, nil
		}
		m.book, m.units = msg.book, msg.units
		m.ref.b = msg.book
		m.refresh()
		return m, pollTick()

	case pollTickMsg:
		if m.book == nil || m.polling {
			return m, pollTick()
		}
		m.polling = true
		return m, m.pollCmd()

	case changesMsg:
		m.polling = false
		if msg.err == nil {
			m.book.addPeople(msg.people)
			m.book.apply(msg.checkIns)
			m.book.cursor = msg.cursor
			m.endedPolled = msg.ended
			if len(msg.people) > 0 || len(msg.checkIns) > 0 {
				m.refresh()
			}
		}
		return m, pollTick()

	case checkedInMsg:
		delete(m.pending, msg.personID)
		return m.checkedIn(msg.checkIn, msg.err), nil

	case undoneMsg:
		delete(m.pending, msg.personID)
		if msg.err != nil {
			m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(msg.err)}
			return m, nil
		}
		m.book.set(msg.checkIn)
		m.status = theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("desk.undone", msg.checkIn.Person.Name, m.unitSuffix(msg.checkIn.Person.Unit))}
		m.refresh()
		return m, nil

	case scannedMsg:
		return m.scanned(msg)

	case walkInSavedMsg:
		if msg.err != nil {
			w := *m.walkIn
			w.err, w.saving = m.writeError(msg.err), false
			m.setWalkIn(w)
			m.queued = nil // typed blind at a form that now shows an error
			return m, nil
		}
		m.focus = focusSearch
		m.book.addPeople([]attendance.Person{msg.checkIn.Person})
		m = m.checkedIn(msg.checkIn, nil)
		m.input.SetValue("")
		m.refresh()
		return m.replay(m.input.Focus())

	case personCorrectedMsg:
		if msg.err != nil {
			w := *m.walkIn
			w.err, w.saving = m.writeError(msg.err), false
			m.setWalkIn(w)
			m.queued = nil
			return m, nil
		}
		m.focus = focusSearch
		p := msg.person
		if m.book != nil {
			m.book.replace(p)
		}
		m.status = theme.Notice{Kind: theme.NoticeOK, Text: m.lang.T("desk13.edit.saved", p.Name, m.unitSuffix(p.Unit))}
		m.refresh()
		return m.replay(m.input.Focus())

	case walkInSimilarMsg:
		var cmd tea.Cmd
		var w walkInForm
		w, cmd = m.walkIn.similar(msg, m.svc, m.s.ID)
		m.setWalkIn(w)
		if !m.walkIn.saving { // the form stays open with a warning
			return m.replay(cmd)
		}
		return m, cmd

	case idLookupMsg:
		return m.idLookedUp(msg)

	case idMatchMsg:
		if msg.gen != m.searchGen || msg.err != nil {
			return m, nil // typed on since; an error shows on Enter (Resolve)
		}
		m.idFor, m.idPeople = msg.number, msg.people
		m.rowsGen = msg.gen
		m.refresh()
		return m, nil

	case tea.KeyPressMsg, tea.PasteMsg:
		if m.tab == tabAttendance && m.focus == focusWalkIn && m.walkIn.saving {
			m.queued = append(m.queued, msg)
			return m, nil
		}
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.tab == tabQuestions {
			return m.questionsKey(msg)
		}
		return m.key(msg)
	case tea.PasteMsg:
		if m.tab == tabQuestions {
			return m, m.toQuestions(msg)
		}
		if m.focus == focusWalkIn {
			var cmd tea.Cmd
			var w walkInForm
			w, cmd = m.walkIn.update(cleanInput(msg), m.svc, m.s.ID)
			m.setWalkIn(w)
			return m, cmd
		}
		m.focus = focusSearch
	}
	return m.typed(msg)
}

// replay handles the keys queued while a walk-in was being saved, in order.
func (m Model) replay(first tea.Cmd) (Model, tea.Cmd) {
	cmds := []tea.Cmd{first}
	queued := m.queued
	m.queued = nil
	for _, msg := range queued {
		var cmd tea.Cmd
		m, cmd = m.update(msg)
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// typed passes a message to the search box and searches again if the text changed.
func (m Model) typed(msg tea.Msg) (Model, tea.Cmd) {
	msg = cleanInput(msg)
	if m.focus == focusWalkIn {
		var cmd tea.Cmd
		var w walkInForm
		w, cmd = m.walkIn.update(cleanInput(msg), m.svc, m.s.ID)
		m.setWalkIn(w)
		return m, cmd
	}
	if m.replaceQuery {
		m.replaceQuery = false
		if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" {
			m.input.SetValue("") // a new person: the kept query goes
		}
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" && m.input.CharLimit > 0 &&
		utf8.RuneCountInString(m.input.Value()) >= m.input.CharLimit {
		return m, nil // the box is full: the rest of a long paste goes, at no cost
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != before {
		m.card = nil // typing is a new search
		m.sel = 0
		m.stale = true
		m.searchGen++
		gen := m.searchGen
		cmd = tea.Batch(cmd, func() tea.Msg { return searchMsg{gen: gen} })
	}
	return m, cmd
}

// cleanInput is a key or a paste as the desk's one-line fields take it:
// without control or invisible characters (a bidi override or a
// zero-width space would show raw in the box and be saved), line breaks
// as spaces.
func cleanInput(msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		msg.Content = textvi.FieldText(msg.Content)
		return msg
	case tea.KeyPressMsg:
		if textvi.HasInvisible(msg.Text) {
			msg.Text = textvi.FieldText(msg.Text)
		}
		return msg
	}
	return msg
}

// searchMsg asks for the search of the query as it was at searchGen gen.
type searchMsg struct{ gen uint64 }

// storeFoundMsg is what the database's search found for the query of
// searchGen gen (attendance.Search), while the roster loads.
type storeFoundMsg struct {
	gen    uint64
	people []attendance.Person
	broad  bool // the best of a pool of the many people the query matched
}

// searchStore searches query in the database, off the UI goroutine: the
// desk is searchable at once, before a large roster has been read and
// indexed. An error shows as no match; the roster's load reports its own.
func (m Model) searchStore(query string, gen uint64) tea.Cmd {
	svc := m.svc
	return func() tea.Msg {
		found, broad, _ := svc.Search(context.Background(), query, resultLimit)
		return storeFoundMsg{gen: gen, people: found, broad: broad}
	}
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.keys
	if m.stale && msg.Text == "" {
		m.refresh() // the list acted on is the query's
	}
	if key.Matches(msg, keys.Quit) {
		return m, func() tea.Msg { return DoneMsg{} }
	}
	if key.Matches(msg, keys.Questions) && m.questions != nil && m.focus != focusWalkIn {
		m.tab = tabQuestions
		m.input.Blur()
		return m, nil
	}
	if m.focus == focusWalkIn {
		if key.Matches(msg, keys.Cancel) {
			m.focus = focusSearch
			return m, m.input.Focus()
		}
		var cmd tea.Cmd
		var w walkInForm
		w, cmd = m.walkIn.update(cleanInput(msg), m.svc, m.s.ID)
		m.setWalkIn(w)
		return m, cmd
	}
	switch {
	case key.Matches(msg, keys.Up):
		m.sel = max(m.sel-1, 0)
		return m, nil
	case key.Matches(msg, keys.Down):
		m.sel = min(m.sel+1, max(len(m.rows)-1, 0))
		return m, nil
	case key.Matches(msg, keys.PageUp):
		m.sel = max(m.sel-m.listHeight(), 0)
		return m, nil
	case key.Matches(msg, keys.PageDown):
		m.sel = min(m.sel+m.listHeight(), max(len(m.rows)-1, 0))
		return m, nil
	case key.Matches(msg, keys.CheckIn):
		return m.enter()
	case key.Matches(msg, keys.Edit) && m.card == nil:
		return m.openEdit()
	case key.Matches(msg, keys.NotYet) && m.card == nil && m.counts().Expected > 0:
		m.notYet = !m.notYet
		m.sel = 0
		m.input.SetValue("") // the list is the box's when it is empty
		m.refresh()
		return m, nil
	case key.Matches(msg, keys.WalkIn):
		if m.card != nil {
			card := *m.card
			m.card = nil
			m.refresh()
			return m.openWalkInFromCard(card)
		}
		return m.openWalkIn(m.input.Value()) // what was typed is a start on the name
	}
	if key.Matches(msg, keys.DropCard) && m.card != nil {
		m.card = nil
		m.sel = 0
		m.refresh()
		return m, nil
	}
	if m.focus == focusList {
		// Only u is a command here, and it asks twice: a clerk who pressed
		// esc out of habit and types "Quang" or "Nguyễn" must reach the
		// search box, not quit, undo or open a form.
		armed := m.undoArmed
		m.undoArmed = ""
		switch {
		case key.Matches(msg, keys.Search):
			m.focus = focusSearch
			return m, m.input.Focus()
		case key.Matches(msg, keys.Undo):
			return m.undo(armed)
		}
		if msg.Text != "" { // typing a name goes back to the search box
			m.focus = focusSearch
			cmd := m.input.Focus()
			m, typed := m.typed(msg)
			return m, tea.Batch(cmd, typed)
		}
		return m, nil
	}
	if key.Matches(msg, keys.Clear) {
		m.replaceQuery = false
		if m.input.Value() != "" {
			m.input.SetValue("")
			m.sel = 0
			m.refresh()
			return m, nil
		}
		m.focus = focusList
		m.input.Blur()
		return m, nil
	}
	return m.typed(msg)
}

// questionsKey routes a key to the Questions tab, except the keys that
// leave it: tab back to attendance and q to quit, while no form or search
// box has the focus.
func (m Model) questionsKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Quit) {
		return m, func() tea.Msg { return DoneMsg{} }
	}
	if !m.questions.Capturing() {
		keys := m.questions.Keys()
		switch {
		case key.Matches(msg, keys.Attendance):
			m.tab = tabAttendance
			if m.focus == focusSearch {
				return m, m.input.Focus()
			}
			return m, nil
		case key.Matches(msg, keys.Quit):
			return m, func() tea.Msg { return DoneMsg{} }
		}
	}
	return m, m.toQuestions(msg)
}

// idMatchMsg is who holds the citizen-ID number typed at searchGen gen.
type idMatchMsg struct {
	gen    uint64
	number string
	people []attendance.Person
	err    error
}

// lookUpID finds the holder of a typed ID number off the UI goroutine (the
// number is hashed and looked up in the database: the desk's copy of the
// roster holds no hashes), so the list shows them before Enter.
func (m Model) lookUpID(number string, gen uint64) tea.Cmd {
	if m.idFor == number {
		return nil
	}
	svc := m.svc
	return func() tea.Msg {
		people, err := svc.ByCitizenID(context.Background(), number)
		return idMatchMsg{gen: gen, number: number, people: people, err: err}
	}
}

// typedID is the citizen-ID number the query is, if it is one.
func (m Model) typedID() (string, bool) {
	if m.card != nil {
		return "", false
	}
	return cccd.ParseNumber(m.input.Value())
}

// refresh recomputes the list: matches for the query, or the latest
// check-ins when the box is empty.
func (m *Model) refresh() {
	if number, ok := m.typedID(); ok {
		// The holders of a typed ID number, once looked up (idMatchMsg).
		m.stale, m.misspelled, m.tooBroad = false, false, false
		m.rows = m.rows[:0]
		if m.idFor == number {
			for _, p := range m.idPeople {
				m.rows = append(m.rows, row{person: p})
			}
		}
		m.sel = min(m.sel, max(len(m.rows)-1, 0))
		return
	}
	if m.book == nil {
		// The database's search fills the rows meanwhile (searchStore).
		if strings.TrimSpace(m.input.Value()) == "" {
			m.rows, m.tooBroad = m.rows[:0], false
		}
		return
	}
	m.stale = false
	m.rows = m.rows[:0]
	m.misspelled = false
	q := m.input.Value()
	switch {
	case m.card != nil:
		for _, p := range m.cardPeople {
			m.rows = append(m.rows, row{person: p})
		}
	case strings.TrimSpace(q) == "" && m.notYet:
		for _, p := range m.book.notYet(notYetLimit) {
			m.rows = append(m.rows, row{person: p})
		}
	case strings.TrimSpace(q) == "":
		for _, c := range m.book.recentPresent(resultLimit) {
			m.rows = append(m.rows, row{person: c.Person})
		}
	case cccd.LooksLikeQR(q):
		// a scanner is typing a card; the list waits for Enter
	default:
		m.searches++
		m.hits = m.book.index.SearchInto(m.hits[:0], q, resultLimit)
		// The rule Resolve picks by (briefing checkin --query), so that Enter
		// on the first row checks in whom the CLI would; within a rank, people
		// not yet here first (the one at the door is rarely in already).
		b := m.book
		ranked := attendance.Rank(q, m.hits, func(i int32) attendance.Person { return b.people[i] },
			func(p attendance.Person) bool { _, in := b.present[p.ID]; return in })
		agree := 0
		seen := map[string]bool{} // a corrected person has two entries (book.replace)
		for _, r := range ranked {
			p := b.people[r.Index]
			if seen[p.ID] || p.Removed {
				continue
			}
			seen[p.ID] = true
			m.rows = append(m.rows, row{person: p})
			if r.Agrees {
				agree++
			}
		}
		m.misspelled = len(ranked) > 0 && agree == 0
	}
	m.sel = min(m.sel, max(len(m.rows)-1, 0))
}

// enter checks in the highlighted person, reads a scanned card, or offers a
// walk-in when nothing matched.
func (m Model) enter() (Model, tea.Cmd) {
	if m.card != nil {
		return m.enterCard()
	}
	q := strings.TrimSpace(m.input.Value())
	if cccd.LooksLikeQR(q) {
		m.input.SetValue("")
		m.refresh()
		return m.scan(q)
	}
	if number, ok := cccd.ParseNumber(q); ok && (m.idFor != number || len(m.rows) == 0) {
		// Not looked up yet as typed (or no one has it): Resolve says.
		m.input.SetValue("") // like a check-in: the next person can be typed at once
		m.refresh()
		svc := m.svc
		return m, func() tea.Msg {
			res, err := svc.Resolve(context.Background(), number, "")
			return idLookupMsg{number: number, res: res, err: err}
		}
	}
	if m.book == nil && (len(m.rows) == 0 || m.rowsGen != m.searchGen) {
		// While the roster loads, Enter checks in from the database's
		// search, once it has answered this query; a walk-in waits for the
		// roster, against which it is checked.
		m.status = theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("desk.loading")}
		return m, nil
	}
	if len(m.rows) == 0 {
		if q != "" {
			return m.openWalkIn(q)
		}
		return m, nil
	}
	p := m.rows[m.sel].person
	if m.book != nil {
		if c, ok := m.book.present[p.ID]; ok && !m.pending[p.ID] {
			m.status = m.alreadyStatus(p, c)
			m.replaceQuery = true // ↑↓ Enter can still pick another; typing starts anew
			return m, nil
		}
	}
	if m.book == nil {
		// Whether p is here already is known only once the check-in
		// answers: the query stays until then (kept after "already checked
		// in", as with the roster loaded), and the next letter typed
		// starts a new search.
		m.replaceQuery, m.clearIfIn = true, m.input.Value()
		return m.checkInPerson(p, attendance.ByRoster)
	}
	m.input.SetValue("") // the next person in the queue can be typed at once
	m.refresh()
	return m.checkInPerson(p, attendance.ByRoster)
}

// checkInPerson checks p in, unless already done or under way; a card
// scan records that the personal-data notice was on screen.
func (m Model) checkInPerson(p attendance.Person, method attendance.Method) (Model, tea.Cmd) {
	if m.pending[p.ID] {
		return m, nil
	}
	if m.book != nil {
		if c, ok := m.book.present[p.ID]; ok {
			m.status = m.alreadyStatus(p, c)
			return m, nil
		}
	}
	m.pending[p.ID] = true
	svc, id, notice := m.svc, m.s.ID, method == attendance.ByQR
	return m, func() tea.Msg {
		c, err := svc.CheckIn(context.Background(), id, p.ID, method, notice)
		return checkedInMsg{personID: p.ID, checkIn: c, err: err}
	}
}

// checkedIn shows the result of a check-in that has been committed.
func (m Model) checkedIn(c attendance.CheckIn, err error) Model {
	if err != nil {
		m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(err)}
		return m
	}
	p := c.Person
	if c.Already {
		m.status = m.alreadyStatus(p, c)
	} else {
		m.status = theme.Notice{Kind: theme.NoticeOK, Text: m.lang.T("desk.checkedin", p.Name, m.unitSuffix(p.Unit), m.clockText(c.At))}
	}
	if m.book != nil { // else the roster's load or its next poll has it
		m.book.set(c)
	}
	if m.clearIfIn != "" && !c.Already && m.input.Value() == m.clearIfIn {
		m.input.SetValue("")
		m.replaceQuery = false
	}
	m.clearIfIn = ""
	m.refresh()
	return m
}

// undo takes back the highlighted person's check-in on the second u in a
// row (armed is who the first one named).
func (m Model) undo(armed string) (Model, tea.Cmd) {
	if m.book == nil || len(m.rows) == 0 {
		return m, nil
	}
	p := m.rows[m.sel].person
	if _, ok := m.book.present[p.ID]; !ok {
		m.status = theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("desk.undo.notin", p.Name)}
		return m, nil
	}
	if m.pending[p.ID] {
		return m, nil
	}
	if armed != p.ID {
		m.undoArmed = p.ID
		m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.lang.T("desk.undo.confirm", p.Name, m.unitSuffix(p.Unit))}
		return m, nil
	}
	m.pending[p.ID] = true
	svc, id := m.svc, m.s.ID
	return m, func() tea.Msg {
		c, err := svc.Undo(context.Background(), id, p.ID)
		return undoneMsg{personID: p.ID, checkIn: c, err: err}
	}
}

// scan acts on a scanned card by the rule of attendance.Scan.
func (m Model) scan(payload string) (Model, tea.Cmd) {
	svc, id := m.svc, m.s.ID
	return m, func() tea.Msg {
		res, err := svc.Scan(context.Background(), id, payload, attendance.ScanOptions{})
		return scannedMsg{res: res, err: err}
	}
}

// scanned shows what a scan led to: a check-in, the people the card may
// belong to, or the walk-in form filled from the card.
func (m Model) scanned(msg scannedMsg) (Model, tea.Cmd) {
	if msg.personID != "" {
		delete(m.pending, msg.personID)
	}
	if msg.err != nil {
		m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(msg.err)}
		return m, nil
	}
	switch msg.res.Outcome {
	case attendance.Choose:
		card := msg.res.Card
		m.card, m.cardPeople = &card, msg.res.Candidates
		m.focus, m.sel = focusSearch, 0
		m.input.SetValue("")
		m.refresh()
		m.status = theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("desk.card.choose", cccd.Last4(card.Number))}
		return m, nil
	case attendance.NewFromCard, attendance.NameUnclear:
		return m.openWalkInFromCard(msg.res.Card)
	}
	if m.book != nil {
		m.book.addPeople([]attendance.Person{msg.res.CheckIn.Person})
	}
	return m.checkedIn(msg.res.CheckIn, nil), nil
}

// idLookupMsg is who holds a typed citizen-ID number.
type idLookupMsg struct {
	number string
	res    attendance.Resolution
	err    error
}

// idLookedUp checks in the holder of a typed ID number. The number was
// typed, not read from a card, so the check-in is by roster.
func (m Model) idLookedUp(msg idLookupMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.writeError(msg.err)}
		return m, nil
	}
	if msg.res.One != nil {
		return m.checkInPerson(*msg.res.One, attendance.ByRoster)
	}
	m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.lang.T("desk.id.none", cccd.Last4(msg.number))}
	return m, nil
}

// enterCard checks in the highlighted person as the holder of the scanned
// card, which is kept on them.
func (m Model) enterCard() (Model, tea.Cmd) {
	if len(m.rows) == 0 || m.pending[m.rows[m.sel].person.ID] {
		return m, nil
	}
	p, card := m.rows[m.sel].person, *m.card
	m.card = nil
	m.pending[p.ID] = true
	m.sel = 0
	m.refresh()
	svc, id := m.svc, m.s.ID
	return m, func() tea.Msg {
		res, err := svc.ScanCard(context.Background(), id, card, attendance.ScanOptions{Holder: p.ID})
		return scannedMsg{personID: p.ID, res: res, err: err}
	}
}

func (m Model) openWalkIn(name string) (Model, tea.Cmd) {
	if m.ended() {
		m.status = theme.Notice{Kind: theme.NoticeWarn, Text: m.lang.T("desk.ended")}
		return m, nil
	}
	m.focus = focusWalkIn
	m.input.Blur()
	w := newWalkIn(m.lang, m.styles, m.units, m.catalog(), name, nil).resize(m.width)
	w.loc = m.loc
	m.setWalkIn(w)
	return m, m.walkIn.focusCmd()
}

// openEdit opens the highlighted person in the form, to correct them.
func (m Model) openEdit() (Model, tea.Cmd) {
	if m.book == nil || len(m.rows) == 0 || m.pending[m.rows[m.sel].person.ID] {
		return m, nil
	}
	p := m.rows[m.sel].person
	if q, ok := m.book.person(p.ID); ok {
		p = q // as last corrected
	}
	m.focus = focusWalkIn
	m.input.Blur()
	m.setWalkIn(newEdit(m.lang, m.styles, m.units, m.catalog(), p).resize(m.width))
	return m, m.walkIn.focusCmd()
}

func (m Model) openWalkInFromCard(card cccd.Card) (Model, tea.Cmd) {
	m.focus = focusWalkIn
	m.input.Blur()
	w := newWalkIn(m.lang, m.styles, m.units, m.catalog(), card.Name, &card).resize(m.width)
	w.loc = m.loc
	m.setWalkIn(w)
	// The unit the card's address names, as the catalog spells it.
	if u := attendance.FromCard(m.catalog(), card).Unit; u != "" {
		m.walkIn.inputs[walkUnit].SetValue(u)
		m.walkIn.checkUnit()
	}
	return m, m.walkIn.focusCmd()
}

// catalog is the units as loaded with the roster (nil before).
func (m Model) catalog() *unit.Catalog {
	if m.book == nil {
		return nil
	}
	return m.book.cat
}

// writeError says why a write failed, in the clerk's words
// (attendance.Message, as the CLI).
func (m Model) writeError(err error) string {
	if msg, ok := attendance.Message(m.lang, err, attendance.AtDesk); ok {
		return msg
	}
	switch sqlitedb.Classify(err) {
	case sqlitedb.Busy:
		return m.lang.T("desk.db.busy")
	case sqlitedb.Full:
		return m.lang.T("desk.db.full")
	case sqlitedb.ReadOnly, sqlitedb.CantOpen:
		return m.lang.T("desk.db.readonly")
	case sqlitedb.Corrupt, sqlitedb.NotADB:
		return m.lang.T("desk.db.damaged")
	}
	return m.lang.T("desk.write.failed", err.Error())
}

func (m Model) clockText(t time.Time) string { return t.In(m.loc).Format("15:04:05") }

// alreadyStatus says p was checked in before, at c's time, and nothing changed.
func (m Model) alreadyStatus(p attendance.Person, c attendance.CheckIn) theme.Notice {
	return theme.Notice{Kind: theme.NoticeInfo, Text: m.lang.T("desk.already", p.Name, m.unitSuffix(p.Unit), m.clockText(c.At))}
}

// unitSuffix is " · unit" after a name, the unit as the catalog names it.
func (m Model) unitSuffix(spelling string) string {
	return theme.UnitSuffix(m.book.unitLabel(spelling))
}

// ended says the session has ended, from whichever poll reads the position.
func (m Model) ended() bool {
	if m.questions != nil {
		return m.questions.Ended()
	}
	return m.endedPolled
}

// SetStyles changes the theme.
func (m Model) SetStyles(s *theme.Styles) (common.Screen, tea.Cmd) {
	m.styles = s
	w := *m.walkIn
	w.styles = s
	m.setWalkIn(w)
	if m.questions != nil {
		q, _ := m.questions.SetStyles(s)
		*m.questions = q.(qtab.Model)
	}
	return m, nil
}

// setWalkIn replaces the walk-in form.
func (m *Model) setWalkIn(w walkInForm) { m.walkIn = &w }
