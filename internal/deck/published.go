package deck

// Published is a deck version the district published through the hub, as
// the device keeps it: its exact source.
type Published struct {
	ID, Version string
	Source      []byte
}

// WithPublished adds published decks to a library (Library's answer): the
// first of each id in published (the caller passes the newest first) goes
// before the embedded decks, so it wins over an embedded deck of the same
// id; the data directory's own files stay first. A version already in the
// library is not added twice.
func WithPublished(lib []Entry, published []Published) []Entry {
	if len(published) == 0 {
		return lib
	}
	have := map[string]bool{}
	cut := len(lib)
	for i, e := range lib {
		have[e.Deck.Meta.ID+"@"+e.Deck.Version] = true
		if e.Embedded && cut == len(lib) {
			cut = i
		}
	}
	var add []Entry
	seen := map[string]bool{}
	for _, p := range published {
		if seen[p.ID] || have[p.ID+"@"+p.Version] {
			seen[p.ID] = true
			continue
		}
		seen[p.ID] = true
		d, ps := Parse("hub:"+p.ID+"@"+p.Version, p.Source)
		if d != nil {
			add = append(add, Entry{Deck: d, Problems: ps})
		}
	}
	out := make([]Entry, 0, len(lib)+len(add))
	out = append(out, lib[:cut]...)
	out = append(out, add...)
	return append(out, lib[cut:]...)
}
