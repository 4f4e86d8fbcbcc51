package qtab

import (
	"briefing/internal/i18n"
	"briefing/internal/tui/common"
	"charm.land/bubbles/v2/key"
)

// KeyMap is the Questions tab's keys; the desk's help line is drawn from them.
type KeyMap struct {
	// the list
	Up, Down, PageUp, PageDown, Top, Bottom, View, New, Edit, Answer, Forward, Reopen, Pin, History,
	Find, Status, OnScreen, PrevSlide, NextSlide, Filter, ClearFilter, Attendance, Quit key.Binding
	// the detail and history views
	Scroll, Back key.Binding
	// the search box
	TypeFilter, SearchDone, SearchClear key.Binding
	// the forms
	Save, NextField, Asker, EnterSaves, Cancel key.Binding
	// forwarding
	ToDistrict, ToSpokesperson, ToDefault key.Binding
}

func newKeys(l i18n.Lang) KeyMap {
	b := func(shown, what string, keys ...string) key.Binding { return common.Binding(l, shown, what, keys...) }
	return KeyMap{
		Up:          b("↑↓", "hkey.select", "up", "k"),
		Down:        b("↓", "hkey.select", "down", "j"),
		PageUp:      b("pgup", "hkey.select", "pgup"),
		PageDown:    b("pgdown", "hkey.select", "pgdown"),
		Top:         b("g", "hkey.select", "home", "g"),
		Bottom:      b("G", "hkey.select", "end", "G"),
		View:        b("enter", "hkey.view", "enter"),
		New:         b("n", "hkey.new", "n", "ctrl+n", "f2"),
		Edit:        b("e", "hkey.edit", "e"),
		Answer:      b("a", "hkey.answer", "a"),
		Forward:     b("f", "hkey.forward", "f"),
		Reopen:      b("r", "hkey.reopen", "r"),
		Pin:         b("p", "hkey.pin", "p"),
		History:     b("h", "hkey.history", "h"),
		Find:        b("/", "hkey.find", "/"),
		Status:      b("s", "hkey.filter", "s"),
		OnScreen:    b("t", "hkey.filter", "t"),
		PrevSlide:   b("[", "hkey.filter", "["),
		NextSlide:   b("]", "hkey.filter", "]"),
		Filter:      b("s/t/[ ]", "hkey.filter", "s", "t", "[", "]"), // the four above in one item of help
		ClearFilter: b("esc", "hkey.clearfind", "esc"),
		Attendance:  b("tab", "hkey.attendance", "tab", "shift+tab"),
		Quit:        b("q", "hkey.quit", "q"),

		Scroll: b("↑↓", "hkey.scroll", "up", "k", "down", "j", "pgup", "pgdown"),
		Back:   b("esc", "hkey.back", "esc", "enter", "q"),

		TypeFilter:  key.NewBinding(key.WithKeys(anyText), key.WithHelp(l.T("hkey.typekey"), l.T("hkey.typefilter"))),
		SearchDone:  b("enter", "hkey.done", "enter", "down"),
		SearchClear: b("esc", "hkey.clearfind", "esc"),

		Save:       b("ctrl+s", "hkey.save", "ctrl+s"),
		NextField:  b("tab", "hkey.nextfield", "tab"),
		Asker:      b("←→", "hkey.asker", "left", "right"), // the asker field's own keys (form.go)
		EnterSaves: b("enter", "hkey.entersaves", "enter"),
		Cancel:     b("esc", "hkey.cancel", "esc"),

		ToDistrict:     b("d", "hkey.district", "d", "1"),
		ToSpokesperson: b("s", "hkey.spokes", "s", "2"),
		ToDefault:      b("enter", "hkey.default", "enter"),
	}
}

// anyText stands for typing text, which no binding matches: help draws only bindings
// that have keys.
const anyText = "text"

// Keys are the tab's bindings, for the desk's keys that leave the tab (tab, q).
func (m Model) Keys() KeyMap { return m.keys }

// ShortHelp is the keys of the current mode.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.mode == modeForm:
		return []key.Binding{k.Save, k.NextField, k.Asker, k.EnterSaves, k.Cancel}
	case m.mode == modeAnswer:
		return []key.Binding{k.Save, k.NextField, k.Cancel}
	case m.mode == modeForward:
		return []key.Binding{k.ToDistrict, k.ToSpokesperson, k.ToDefault, k.Cancel}
	case m.mode == modeHistory:
		return []key.Binding{k.Scroll, k.Back}
	case m.searching:
		return []key.Binding{k.TypeFilter, k.SearchDone, k.SearchClear}
	case m.mode == modeDetail:
		return []key.Binding{k.Answer, k.Forward, k.Pin, k.Edit, k.Reopen, k.History, k.Scroll, k.Back}
	}
	return []key.Binding{k.New, k.View, k.Answer, k.Forward, k.Pin, k.Edit, k.Filter, k.Find, k.Attendance}
}

// FullHelp is the same keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
