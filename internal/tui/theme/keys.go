package theme

import (
	"briefing/internal/i18n"
	"charm.land/bubbles/v2/key"
)

// Keys are the slide keys shared by the presenter and follow windows.
type Keys struct {
	Next, Prev, First, Last, Jump key.Binding
	Search, SearchNext, Overview  key.Binding
	Black, Help, Quit, Leave      key.Binding
	ScrollUp, ScrollDown          key.Binding
}

// NewKeys makes the bindings with help text in the user's language.
func NewKeys(l i18n.Lang) Keys {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], l.T(help)))
	}
	k := Keys{
		Next:       b("key.next", "right", "l", "space", "pgdown", "enter"),
		Prev:       b("key.prev", "left", "h", "pgup"),
		First:      b("key.first", "g", "home"),
		Last:       b("key.last", "G", "end"),
		Jump:       key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("N enter", l.T("key.jump"))),
		Search:     b("key.search", "/"),
		SearchNext: b("key.searchnext", "n"),
		Overview:   b("key.overview", "o"),
		Black:      b("key.black", "b"),
		Help:       b("key.help", "?"),
		Quit:       b("key.quit", "q"),
		Leave:      b("key.leave", "ctrl+c"),
		ScrollUp:   b("key.scrollup", "up", "k"),
		ScrollDown: b("key.scrolldown", "down", "j"),
	}
	k.Next.SetHelp("→/space", l.T("key.next"))
	k.Prev.SetHelp("←", l.T("key.prev"))
	k.First.SetHelp("g/home", l.T("key.first"))
	k.Last.SetHelp("G/end", l.T("key.last"))
	return k
}
