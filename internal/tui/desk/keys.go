package desk

import (
	"briefing/internal/i18n"
	"briefing/internal/tui/common"
	"charm.land/bubbles/v2/key"
)

// keyMap is the attendance tab's keys; its help line is drawn from them.
type keyMap struct {
	CheckIn, Up, Down, PageUp, PageDown, WalkIn, Clear, Questions, Quit key.Binding
	// Edit opens the highlighted person to correct them; NotYet lists those
	// expected who have not come.
	Edit, NotYet key.Binding
	// the list (after esc): single keys are commands
	Undo, Search, Type key.Binding
	// a scanned card offered to the people it may be
	ThisOne, FromCard, DropCard key.Binding
	// the walk-in form
	Save, Complete, CompleteNext, Cancel key.Binding
	SaveEdit                             key.Binding // the form correcting a person
}

func newKeys(l i18n.Lang) keyMap {
	b := func(shown, what string, keys ...string) key.Binding { return common.Binding(l, shown, what, keys...) }
	return keyMap{
		CheckIn:   b("enter", "hkey.checkin", "enter"),
		Up:        b("↑↓", "hkey.select", "up", "ctrl+p"),
		Down:      b("↓", "hkey.select", "down"),
		PageUp:    b("pgup", "hkey.select", "pgup"),
		PageDown:  b("pgdown", "hkey.select", "pgdown"),
		WalkIn:    b("ctrl+n", "hkey.walkin", "ctrl+n", "f2"),
		Clear:     b("esc", "hkey.clearlist", "esc"),
		Questions: b("tab", "hkey.questions", "tab"),
		Quit:      b("ctrl+c", "hkey.quit", "ctrl+c"),
		Edit:      b("ctrl+o", "desk13.hkey.edit", "ctrl+o", "f3"),
		NotYet:    b("ctrl+r", "desk13.hkey.notyet", "ctrl+r", "f4"),

		Undo:   b("u u", "hkey.undo", "u"),
		Search: b("/", "hkey.find", "esc", "/"),
		// Typing a name goes back to the search box: not a key of its own, only help.
		// (Help draws only bindings that have keys; no key is called "text".)
		Type: key.NewBinding(key.WithKeys("text"), key.WithHelp(l.T("hkey.typekey"), l.T("hkey.type"))),

		ThisOne:  b("enter", "hkey.thisone", "enter"),
		FromCard: b("ctrl+n", "hkey.fromcard", "ctrl+n", "f2"),
		DropCard: b("esc", "hkey.drop", "esc"),

		Save:         b("enter", "hkey.savecheck", "enter"),
		SaveEdit:     b("enter", "desk13.hkey.saveedit", "enter"),
		Complete:     b("→", "hkey.complete", "right", "end", "ctrl+e", "ctrl+f"),
		CompleteNext: b("tab", "hkey.completenx", "tab"),
		Cancel:       b("esc", "hkey.cancel", "esc"),
	}
}

// ShortHelp is the keys of what has the focus now.
func (m Model) ShortHelp() []key.Binding {
	if m.tab == tabQuestions {
		return m.questions.ShortHelp()
	}
	k := m.keys
	walkIn := k.WalkIn
	switch {
	case m.focus == focusWalkIn && m.walkIn.editing != nil:
		return []key.Binding{k.SaveEdit, k.Complete, k.CompleteNext, k.Cancel}
	case m.focus == focusWalkIn:
		return []key.Binding{k.Save, k.Complete, k.CompleteNext, k.Cancel}
	case m.card != nil && m.focus == focusSearch:
		return []key.Binding{k.ThisOne, k.Up, k.FromCard, k.DropCard}
	case m.focus == focusList:
		walkIn.SetHelp(walkIn.Help().Key, m.lang.T("hkey.walkin.reg"))
		return m.withTab(k.CheckIn, k.Undo, k.Type, walkIn, k.Edit, m.notYetKey(), k.Questions, k.Quit)
	}
	all := m.withTab(k.CheckIn, k.Up, walkIn, k.Clear, k.Edit, m.notYetKey(), k.Questions)
	if lineWidth(" "+common.NewHelp().ShortHelpView(all)) <= m.width {
		return all
	}
	// At 80 columns esc (clear, the list) matters more; ctrl+o shows in the
	// list's help and works all the same.
	return m.withTab(k.CheckIn, k.Up, walkIn, k.Clear, k.Questions)
}

// notYetKey is ctrl+r while someone is expected (a roster), else a key
// the help leaves out.
func (m Model) notYetKey() key.Binding {
	if m.counts().Expected > 0 {
		return m.keys.NotYet
	}
	return key.NewBinding(key.WithDisabled())
}

// withTab drops the key to the Questions tab when the desk has none.
func (m Model) withTab(keys ...key.Binding) []key.Binding {
	if m.questions != nil {
		return keys
	}
	out := keys[:0:0]
	for _, k := range keys {
		if k.Help().Key != m.keys.Questions.Help().Key {
			out = append(out, k)
		}
	}
	return out
}

// FullHelp is the same keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
