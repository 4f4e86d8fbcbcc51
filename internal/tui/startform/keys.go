package startform

import (
	"briefing/internal/i18n"
	"briefing/internal/tui/common"
	"charm.land/bubbles/v2/key"
)

// keyMap is the form's keys; the hint under it is drawn from them.
type keyMap struct {
	Next, Prev, Submit, Cancel, NextDeck, PrevDeck key.Binding
}

func newKeys(l i18n.Lang) keyMap {
	b := func(shown, what string, keys ...string) key.Binding { return common.Binding(l, shown, what, keys...) }
	return keyMap{
		Next:     b("tab", "hkey.nextfield", "tab", "down"),
		Prev:     b("shift+tab", "hkey.nextfield", "shift+tab", "up"),
		Submit:   b("enter", "hkey.start", "enter"),
		Cancel:   b("esc", "hkey.cancel", "esc", "ctrl+c"),
		NextDeck: b("pgup/pgdn", "hkey.deck", "ctrl+right", "pgdown"),
		PrevDeck: b("pgup", "hkey.deck", "ctrl+left", "pgup"),
	}
}

// ShortHelp is the hint under the form; changing the deck only when there is a choice.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	if len(m.decks) > 1 {
		return []key.Binding{k.NextDeck, k.Next, k.Submit, k.Cancel}
	}
	return []key.Binding{k.Next, k.Submit, k.Cancel}
}

// FullHelp is the same keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
