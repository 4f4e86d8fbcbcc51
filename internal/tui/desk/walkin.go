package desk

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/textvi"
	"briefing/internal/tui/theme"
	"briefing/internal/unit"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

const (
	walkName = iota
	walkUnit
	walkGroup
	walkPhone
	walkPosition // last: optional, and the keys to the others stay as they were
	walkFields
)

// walkInForm registers someone who is not on the roster, and checks them in
// with the same commit. Filled from a scanned card, it carries the card's
// number (never shown whole) and records that the notice was on screen.
type walkInForm struct {
	lang   i18n.Lang
	styles *theme.Styles
	inputs [walkFields]textinput.Model
	focus  int
	card   *cccd.Card
	// editing is the person the form corrects (attendance.CorrectPerson),
	// nil for a walk-in.
	editing *attendance.Person
	loc     *time.Location // times are shown in it
	cat     *unit.Catalog  // nil: the roster is not loaded yet, no unit is flagged
	// unitUnknown: the unit typed names no unit of the catalog; it is kept as
	// typed (and listed by briefing unit list --unknown), the form only says so.
	unitUnknown bool
	warned      bool   // the duplicate warning was shown; Enter again saves
	warning     string // a likely duplicate, or a name to check
	err         string
	saving      bool
	width       int
	// choices are what the unit and group fields complete to; offered[i]
	// holds the choices behind field i's suggestions now, in their order.
	choices [walkFields][]choice
	offered [walkFields][]string
}

// choice is a unit or group label and its folded form (textvi.Fold), so a
// suggestion matches "khu pho 3" or "hoi" typed without diacritics.
type choice struct{ label, folded string }

func choicesOf(labels []string) []choice {
	cs := make([]choice, 0, len(labels))
	for _, l := range labels {
		if strings.TrimSpace(l) != "" {
			cs = append(cs, choice{l, textvi.Fold(l)})
		}
	}
	return cs
}

type walkInSimilarMsg struct {
	person  attendance.NewPerson
	similar []attendance.Similar
	err     error
}

// personCorrectedMsg is a correction saved (or refused).
type personCorrectedMsg struct {
	person attendance.Person
	err    error
}

type walkInSavedMsg struct {
	checkIn attendance.CheckIn
	err     error
}

func newWalkIn(l i18n.Lang, styles *theme.Styles, units []string, cat *unit.Catalog, name string, card *cccd.Card) walkInForm {
	f := walkInForm{lang: l, styles: styles, card: card, cat: cat, width: 80, loc: time.Local}
	for i := range f.inputs {
		in := textinput.New()
		in.Prompt = ""
		// Typed text past a field's limit stays visible and is refused by
		// name on Enter (n.Check): the input's own cap would cut it silently
		// and save it cut. This cap only bounds a runaway keyboard.
		in.CharLimit = 4 * attendance.MaxNameLength
		// The form takes suggestions itself (accept): the input's own tab
		// would append the rest of a suggestion to text typed without
		// diacritics ("hoi viên/đoàn viên").
		in.KeyMap.AcceptSuggestion.SetEnabled(false)
		f.inputs[i] = in
	}
	f.inputs[walkName].SetValue(strings.TrimSpace(name))
	f.choices[walkUnit] = choicesOf(units)
	f.inputs[walkUnit].ShowSuggestions = true
	var groups []string
	for _, g := range roster.Groups {
		groups = append(groups, g.Label(l))
	}
	f.choices[walkGroup] = choicesOf(groups)
	f.inputs[walkGroup].ShowSuggestions = true
	f.inputs[walkGroup].Placeholder = l.T("walkin.group.placeholder")
	f.inputs[walkPhone].CharLimit = 20
	if card != nil && !card.NameTrusted {
		f.warning = l.T("walkin.name.check")
	}
	f.inputs[walkName].Focus()
	return f
}

// newEdit is the form filled with p, to correct them.
func newEdit(l i18n.Lang, styles *theme.Styles, units []string, cat *unit.Catalog, p attendance.Person) walkInForm {
	f := newWalkIn(l, styles, units, cat, p.Name, nil)
	f.editing = &p
	f.inputs[walkUnit].SetValue(p.Unit)
	f.inputs[walkPosition].SetValue(p.Position)
	if p.Group != "" {
		f.inputs[walkGroup].SetValue(p.Group.Label(l))
	}
	f.inputs[walkPhone].SetValue(p.Phone)
	f.checkUnit()
	// The unit is what is most often wrong (a walk-in's, typed in a hurry).
	f.inputs[walkName].Blur()
	f.focus = walkUnit
	f.inputs[walkUnit].Focus()
	f.inputs[walkUnit].CursorEnd()
	return f
}

func (f walkInForm) resize(width int) walkInForm {
	f.width = width
	for i := range f.inputs {
		f.inputs[i].SetWidth(max(min(width-24, 50), 10))
	}
	return f
}

func (f walkInForm) focusCmd() tea.Cmd { return f.inputs[f.focus].Focus() }

// update handles a key or a paste. Tab takes the suggestion shown (the
// rest of a unit or group, in grey) and moves on; → or End at the end of
// the text takes it and stays; ↓ moves on without it.
func (f walkInForm) update(msg tea.Msg, svc *attendance.Service, sessionID string) (walkInForm, tea.Cmd) {
	before := f.values()
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab":
			if !f.saving && f.accept() {
				f.edited(before)
			}
			return f.move(1)
		case "down":
			return f.move(1)
		case "shift+tab", "up":
			return f.move(-1)
		case "enter":
			return f.submit(svc, sessionID)
		case "right", "end", "ctrl+e", "ctrl+f":
			in := f.inputs[f.focus]
			if !f.saving && in.Position() == len([]rune(in.Value())) && f.accept() {
				f.edited(before)
				return f, nil
			}
		}
	}
	if f.saving {
		return f, nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		// A paste is one clean line; one that would put the name or the
		// unit over its limit is refused whole, with the field's error,
		// rather than cut by the input and saved cut.
		p.Content = textvi.FieldText(p.Content)
		if key, limit := walkLimit(f.focus); limit > 0 {
			if n := utf8.RuneCountInString(f.inputs[f.focus].Value()) + utf8.RuneCountInString(p.Content); n > limit {
				f.err = f.lang.T("walkin.field."+key+".long", strconv.Itoa(n))
				return f, nil
			}
		}
		msg = p
	}
	var cmd tea.Cmd
	f.inputs[f.focus], cmd = f.inputs[f.focus].Update(msg)
	f.edited(before)
	return f, cmd
}

// walkLimit is field i's key in the walk-in messages and its limit in
// characters (attendance's, as the CLI's), or 0 for a field without one.
func walkLimit(i int) (key string, limit int) {
	switch i {
	case walkName:
		return "name", attendance.MaxNameLength
	case walkUnit:
		return "unit", attendance.MaxUnitLength
	case walkPosition:
		return "position", attendance.MaxPositionLength
	}
	return "", 0
}

func (f walkInForm) values() [walkFields]string {
	var v [walkFields]string
	for i, in := range f.inputs {
		v[i] = in.Value()
	}
	return v
}

// edited follows a change of the fields from before: the error shown was
// about the text as it was, a changed name or unit deserves a new duplicate
// check, and a changed unit or group new suggestions.
func (f *walkInForm) edited(before [walkFields]string) {
	after := f.values()
	if after == before {
		return
	}
	f.err = ""
	if f.warned && (after[walkName] != before[walkName] || after[walkUnit] != before[walkUnit]) {
		f.warned, f.warning = false, ""
	}
	for i := range after {
		if after[i] != before[i] {
			f.suggest(i)
		}
	}
	if after[walkUnit] != before[walkUnit] {
		f.checkUnit()
	}
}

// checkUnit flags a unit the catalog does not know (an in-memory lookup).
func (f *walkInForm) checkUnit() {
	u := strings.TrimSpace(f.inputs[walkUnit].Value())
	_, known := f.cat.Resolve(u)
	f.unitUnknown = f.cat != nil && u != "" && !known
}

// suggest offers field i the choices whose folded form starts with the
// folded text, one spelled the same when folded first. The input matches
// suggestions by their exact start only, so each is given to it as the text
// typed followed by the rest of the choice: "hoi" is offered "hoi" + " viên/
// đoàn viên", shown as the grey rest, and accept puts the choice itself.
// A few hundred units fold once, when the form opens; a key costs one Fold
// of the text and a prefix test per choice.
func (f *walkInForm) suggest(i int) {
	if f.choices[i] == nil {
		return
	}
	typed := f.inputs[i].Value()
	want := textvi.Fold(typed)
	var labels, sugs []string
	if want != "" {
		same := 0
		for _, c := range f.choices[i] {
			if !strings.HasPrefix(c.folded, want) {
				continue
			}
			rest, ok := restAfter(c.label, want, typed)
			if !ok {
				continue
			}
			if c.folded == want {
				labels = slices.Insert(labels, same, c.label)
				sugs = slices.Insert(sugs, same, typed+rest)
				same++
				continue
			}
			labels = append(labels, c.label)
			sugs = append(sugs, typed+rest)
		}
	}
	f.offered[i] = labels
	f.inputs[i].SetSuggestions(sugs)
}

// restAfter is what label has beyond its shortest start that folds to want
// (the folded text typed). Text typed ending in a space ends a word: the
// label must have a space there, and the rest starts after it.
func restAfter(label, want, typed string) (string, bool) {
	runes := []rune(label)
	k := 1
	for ; k <= len(runes) && textvi.Fold(string(runes[:k])) != want; k++ {
	}
	if k > len(runes) {
		return "", false
	}
	if t := []rune(typed); len(t) > 0 && unicode.IsSpace(t[len(t)-1]) && k < len(runes) {
		if !unicode.IsSpace(runes[k]) {
			return "", false
		}
		for k < len(runes) && unicode.IsSpace(runes[k]) {
			k++
		}
	}
	return string(runes[k:]), true
}

// accept puts the suggestion on offer in the focused field, whole and as
// the choice spells it, and reports whether the text changed.
func (f *walkInForm) accept() bool {
	i := f.focus
	n := f.inputs[i].CurrentSuggestionIndex()
	if n >= len(f.offered[i]) || len(f.inputs[i].MatchedSuggestions()) == 0 {
		return false
	}
	label := f.offered[i][n]
	if label == f.inputs[i].Value() {
		return false
	}
	f.inputs[i].SetValue(label)
	f.inputs[i].CursorEnd()
	return true
}

func (f walkInForm) move(step int) (walkInForm, tea.Cmd) {
	f.inputs[f.focus].Blur()
	f.focus = (f.focus + step + walkFields) % walkFields
	return f, f.inputs[f.focus].Focus()
}

func (f walkInForm) person() attendance.NewPerson {
	n := attendance.NewPerson{
		Name:     f.inputs[walkName].Value(),
		Unit:     f.inputs[walkUnit].Value(),
		Position: f.inputs[walkPosition].Value(),
		Group:    f.inputs[walkGroup].Value(),
		Phone:    f.inputs[walkPhone].Value(),
	}
	if f.card != nil {
		n.CitizenID, n.NoticeShown = f.card.Number, true
	}
	return n
}

// submit checks for a likely duplicate first; the answer comes back as a
// walkInSimilarMsg, and similar() saves.
func (f walkInForm) submit(svc *attendance.Service, sessionID string) (walkInForm, tea.Cmd) {
	if f.saving {
		return f, nil
	}
	// A start of one group's name ("Hội", "nhan") stands for it: the field
	// shows the group chosen. One shared by two groups ("c") is refused below.
	if g := f.inputs[walkGroup].Value(); g != "" {
		if _, ok := roster.ParseGroup(g); !ok {
			if group, ok := roster.GroupByPrefix(g); ok {
				f.inputs[walkGroup].SetValue(group.Label(f.lang))
				f.inputs[walkGroup].CursorEnd()
				f.suggest(walkGroup)
			}
		}
	}
	n := f.person()
	var fe *attendance.FieldError
	if errors.As(n.Check(), &fe) {
		f.err = f.lang.T("walkin.field."+fe.Field, fe.Value)
		return f, nil
	}
	f.err = ""
	f.saving = true
	if f.editing != nil {
		id := f.editing.ID
		c := attendance.Correction{Name: n.Name, Unit: n.Unit, Position: n.Position, Group: n.Group, Phone: n.Phone}
		return f, func() tea.Msg {
			p, err := svc.CorrectPerson(context.Background(), id, c)
			return personCorrectedMsg{person: p, err: err}
		}
	}
	return f, func() tea.Msg {
		similar, err := svc.SimilarTo(context.Background(), sessionID, n)
		return walkInSimilarMsg{person: n, similar: similar, err: err}
	}
}

func (f walkInForm) similar(msg walkInSimilarMsg, svc *attendance.Service, sessionID string) (walkInForm, tea.Cmd) {
	if msg.err != nil {
		f.saving, f.err = false, msg.err.Error()
		return f, nil
	}
	if len(msg.similar) > 0 && !f.warned {
		f.saving, f.warned = false, true
		f.warning = f.duplicateWarning(msg.similar[0])
		return f, nil
	}
	n := msg.person
	return f, func() tea.Msg {
		c, err := svc.RegisterWalkIn(context.Background(), sessionID, n)
		return walkInSavedMsg{checkIn: c, err: err}
	}
}

// duplicateWarning names who the walk-in may be, and why: the same phone,
// and whether they are checked in already (then no one need be saved).
func (f walkInForm) duplicateWarning(sim attendance.Similar) string {
	p := sim.Person
	label := p.Unit
	if f.cat != nil {
		label, _ = f.cat.Label(p.Unit)
	}
	var why []string
	if sim.SamePhone {
		why = append(why, f.lang.T("desk13.dup.phone", p.PhoneLast3()))
	}
	if sim.CheckedIn {
		why = append(why, f.lang.T("desk13.dup.in", sim.At.In(f.loc).Format("15:04")))
	}
	if len(why) == 0 {
		return f.lang.T("walkin.duplicate", p.Name, theme.UnitSuffix(label))
	}
	return f.lang.T("desk13.walkin.duplicate", p.Name, theme.UnitSuffix(label), strings.Join(why, ", "))
}

// view draws the form over hint, its keys.
func (f walkInForm) view(hint string) string {
	labels := [walkFields]string{
		f.lang.T("walkin.name"), f.lang.T("walkin.unit"), f.lang.T("walkin.group"), f.lang.T("walkin.phone"), f.lang.T("desk13.walkin.position"),
	}
	labelW := 0
	for _, l := range labels {
		labelW = max(labelW, ansi.StringWidth(l))
	}
	var b strings.Builder
	title := f.lang.T("walkin.title")
	if f.card != nil {
		title = f.lang.T("walkin.title.card", cccd.Last4(f.card.Number))
	}
	if f.editing != nil {
		title = f.lang.T("desk13.edit.title", f.editing.Name)
	}
	b.WriteString(f.styles.Title.Render(title) + "\n\n")
	for i, in := range f.inputs {
		label := theme.PadRight(labels[i], labelW)
		if i == f.focus {
			label = f.styles.Title.Render(label)
		} else {
			label = f.styles.Dim.Render(label)
		}
		b.WriteString(label + "  " + in.View() + "\n")
		if i == walkUnit && f.unitUnknown {
			b.WriteString(strings.Repeat(" ", labelW+2) + f.styles.Dim.Render(f.lang.T("walkin.unit.unknown")) + "\n")
		}
	}
	if f.warning != "" {
		b.WriteString("\n" + f.styles.Warn.Render(f.warning) + "\n")
	}
	if f.err != "" {
		b.WriteString("\n" + f.styles.Warn.Render(f.err) + "\n")
	}
	if f.card != nil {
		b.WriteString("\n" + f.styles.Dim.Render(f.lang.T("desk.notice")) + "\n")
	}
	b.WriteString("\n" + hint)
	return b.String()
}
