package home

import (
	"briefing/internal/i18n"
	"briefing/internal/tui/common"
	"charm.land/bubbles/v2/key"
)

// keyMap is the home screen's keys; the help line is drawn from them.
type keyMap struct {
	Up, Down, Present, Resume, Follow, End, Device, Quit key.Binding
	// the recent sessions (tab), and one opened
	Sessions, Show, Export, Back, PageUp, PageDown key.Binding
	// the first-run (device) form
	Save, Later, PrevUnit, NextUnit key.Binding
	// the choice between the open session and another deck
	ChooseResume, ChooseEnd, ChooseCancel, Interrupt key.Binding
}

func newKeys(l i18n.Lang) keyMap {
	b := func(shown, what string, keys ...string) key.Binding { return common.Binding(l, shown, what, keys...) }
	return keyMap{
		Up:      b("↑↓", "hkey.choose", "up", "k"),
		Down:    b("↓", "hkey.choose", "down", "j"),
		Present: b("enter", "hkey.present", "enter", "space"),
		Resume:  b("r", "hkey.resume", "r"),
		Follow:  b("f", "hkey.follow", "f"),
		End:     b("e", "hkey.end", "e"),
		Device:  b("p", "hkey.device", "p"),
		Quit:    b("q", "hkey.quit", "q", "esc", "ctrl+c"),

		Sessions: b("tab", "desk13.hkey.sessions", "tab"),
		Show:     b("enter", "desk13.hkey.show", "enter", "space"),
		Export:   b("x", "desk13.hkey.export", "x"),
		Back:     b("esc", "desk13.hkey.back", "esc"),
		PageUp:   b("pgup", "hkey.choose", "pgup"),
		PageDown: b("pgdown", "hkey.choose", "pgdown", "space"),

		Save:     b("enter", "hkey.save", "enter"),
		Later:    b("esc", "hkey.later", "esc"),
		PrevUnit: b("↑", "hkey.choose", "up", "shift+tab"),
		NextUnit: b("↓", "hkey.choose", "down", "tab"),

		ChooseResume: b("r", "hkey.resumeopen", "r", "enter"),
		ChooseEnd:    b("e", "hkey.endstart", "e"),
		ChooseCancel: b("esc", "hkey.nevermind", "esc", "q"),
		Interrupt:    b("ctrl+c", "hkey.quit", "ctrl+c"),
	}
}

// ShortHelp is the keys of what is on screen now.
func (m Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.profile:
		return []key.Binding{k.Save, k.Later}
	case m.choosing():
		return []key.Binding{k.ChooseResume, k.ChooseEnd, k.ChooseCancel}
	case m.showing != nil:
		scroll := k.Up
		scroll.SetHelp(scroll.Help().Key, m.lang.T("desk13.hkey.scroll"))
		return []key.Binding{scroll, k.Export, k.Back}
	case m.inSessions:
		back := k.Sessions
		back.SetHelp(back.Help().Key, m.lang.T("desk13.hkey.decks"))
		return []key.Binding{k.Up, k.Show, k.Export, back, k.Quit}
	}
	var keys []key.Binding
	if m.open != nil {
		keys = []key.Binding{k.Up, k.Resume, k.Follow, k.End, k.Device, k.Quit}
	} else {
		keys = []key.Binding{k.Up, k.Present, k.Device, k.Quit}
	}
	if m.gather != nil && len(m.ended()) > 0 {
		// before quit, which stays last
		keys = append(keys[:len(keys)-1:len(keys)-1], k.Sessions, keys[len(keys)-1])
	}
	return keys
}

// FullHelp is the same keys in one column.
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
