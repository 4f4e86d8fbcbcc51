package startform

import (
	"briefing/internal/i18n"
	"briefing/internal/tui/common"
	"charm.land/bubbles/v2/key"
)

// keyMap is the form's keys; the hint under it is drawn from them.
type keyMap struct {
	Next, Prev, Submit, Cancel, NextDeck, PrevDeck key.Binding
	// Choose moves in the list of a field that has one (unit, form).
	Choose key.Binding
}

func newKeys(l i18n.Lang) keyMap {
	b := func(shown, what string, keys ...string) key.Binding { return common.Binding(l, shown, what, keys...) }
	return keyMap{
		Next:     b("tab", "hkey.nextfield", "tab", "down"),
		Prev:     b("shift+tab", "hkey.nextfield", "shift+tab", "up"),
		Choose:   b("↑↓", "hkey.choose", "up", "down"),
		Submit:   b("enter", "hkey.start", "enter"),
		Cancel:   b("esc", "hkey.cancel", "esc", "ctrl+c"),
		NextDeck: b("pgup/pgdn", "hkey.deck", "ctrl+right", "pgdown"),
		PrevDeck: b("pgup", "hkey.deck", "ctrl+left", "pgup"),
	}
}

// ShortHelp is the hint under the form; changing the deck only when there is a choice.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	keys := []key.Binding{k.Next, k.Submit, k.Cancel}
	if m.pickers[m.focus].Len() > 0 {
		keys = append([]key.Binding{k.Choose}, keys...)
	}
	if len(m.decks) > 1 {
		keys = append([]key.Binding{k.NextDeck}, keys...)
	}
	return keys
}

// FullHelp is the same keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
