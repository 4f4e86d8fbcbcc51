package record

import "time"

// The syncable records besides the question (question.go), one per change-log
// entity (docs/changelog.md): the store reads and writes them as they are.

// Unit is a host unit in the catalog: a ward, a school, an agency.
// ParentID is the unit it belongs to, or empty.
type Unit struct {
	Meta
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	SortOrder int    `json:"sort_order"`
	ParentID  string `json:"parent_id"`
}

// UnitAlias is another spelling of a unit's name.
type UnitAlias struct {
	Meta
	UnitID   string `json:"unit_id"`
	Spelling string `json:"spelling"`
}

// Deck is a deck version as presented; Version is its content hash.
type Deck struct {
	Meta
	DeckID      string `json:"deck_id"`
	Version     string `json:"version"`
	Title       string `json:"title"`
	Slides      int    `json:"slides"`
	DurationMin int    `json:"duration_min"`
}

// DeckSnapshot is the exact source of a deck version, kept once per version
// so that a session can always show the deck it presented. Version is the
// content hash of Source.
type DeckSnapshot struct {
	Meta
	DeckID    string    `json:"deck_id"`
	Version   string    `json:"version"`
	Source    string    `json:"source"`
	CreatedAt time.Time `json:"created_at"`
}

// Session is one briefing, with the position currently on screen.
type Session struct {
	Meta
	DeckID      string     `json:"deck_id"`
	DeckVersion string     `json:"deck_version"`
	DeckTitle   string     `json:"deck_title"`
	Slides      int        `json:"slides"`
	DurationMin int        `json:"duration_min"`
	Title       string     `json:"title"`
	Unit        string     `json:"unit"`
	Venue       string     `json:"venue"`
	Form        string     `json:"form"`
	Rapporteur  string     `json:"rapporteur"`
	StartedAt   time.Time  `json:"started_at"`
	EndedAt     *time.Time `json:"ended_at"`
	Slide       int        `json:"slide"`
	Step        int        `json:"step"`
	PositionAt  time.Time  `json:"position_at"`
	// PinnedQuestion is the id of the question shown on the audience
	// screen, or empty.
	PinnedQuestion string     `json:"pinned_question"`
	PinnedAt       *time.Time `json:"pinned_at"`
	// Chair and Secretary sign the minutes (migration 0018); a record
	// from an older device has neither, so they are left out when empty.
	Chair     string `json:"chair,omitempty"`
	Secretary string `json:"secretary,omitempty"`
}

// SlideView records that a session's screen moved to a slide and step.
type SlideView struct {
	Meta
	SessionID string    `json:"session_id"`
	Slide     int       `json:"slide"`
	Step      int       `json:"step"`
	ShownAt   time.Time `json:"shown_at"`
}

// Person is someone on a roster or registered at the desk. Of a citizen-ID
// number only IDHash (keyed, "<key id>:<hex>") and IDLast4 are kept.
type Person struct {
	Meta
	Name      string     `json:"name"`
	NameKey   string     `json:"name_key"`
	Unit      string     `json:"unit"`
	Position  string     `json:"position"`
	Group     string     `json:"grp"`
	Phone     string     `json:"phone"`
	IDHash    string     `json:"id_hash"`
	IDLast4   string     `json:"id_last4"`
	Source    string     `json:"source"`
	NoticeAt  *time.Time `json:"notice_at"`
	CreatedAt time.Time  `json:"created_at"`
	// RemovedAt is when the person was taken off the roster (roster remove,
	// an import undone); nil while on it. The record stays, for the
	// sessions that name them.
	RemovedAt *time.Time `json:"removed_at"`
	// Row is the table's rowid: people only ever get larger ones, so a
	// poller asks for those after the last it saw. Not synced.
	Row int64 `json:"-"`
}

// Attendance is a person's check-in to a session. UndoneAt marks a check-in
// taken back; the row stays.
type Attendance struct {
	Meta
	SessionID   string     `json:"session_id"`
	PersonID    string     `json:"person_id"`
	Method      string     `json:"method"`
	CheckedInAt time.Time  `json:"checked_in_at"`
	UndoneAt    *time.Time `json:"undone_at"`
	NoticeAt    *time.Time `json:"notice_at"`
}
