package store

import (
	"encoding/json"
	"time"

	"briefing/internal/record"
)

// Records mirror the tables. Their JSON form is the change-log payload, so a
// field's json name is its column name. Times are UTC with millisecond
// precision, the precision the database keeps.

// Meta is the identity every syncable record carries (record.Meta). Tx fills it.
type Meta = record.Meta

// Device is this device's profile; it is not synced as a record.
type Device struct {
	ID        string
	Name      string
	Unit      string
	CreatedAt time.Time
}

// Spelling is a unit as typed on records, and how many records carry it.
type Spelling struct {
	Unit  string
	Count int
}

// Position is the part of a session that pollers read, with the question
// pinned on the audience screen (nil: none).
type Position struct {
	Slide, Step int
	At          time.Time
	Ended       bool
	Pinned      *Pinned
	Black       bool // the audience screen is blacked out (BlackSetting)
}

// Pinned is what the audience screen shows of a pinned question.
type Pinned struct {
	ID        string
	Number    int
	Slide     int
	Text      string
	AskerName string
	AskerUnit string
	Press     bool
}

// The syncable records are the plain records of package record; the store
// reads and writes them as they are.
type (
	Unit            = record.Unit
	UnitAlias       = record.UnitAlias
	Deck            = record.Deck
	DeckSnapshot    = record.DeckSnapshot
	Session         = record.Session
	SlideView       = record.SlideView
	Person          = record.Person
	Attendance      = record.Attendance
	Question        = record.Question
	QuestionVersion = record.QuestionVersion
)

// Change is one change_log row.
type Change struct {
	DeviceID  string
	Seq       int64
	Entity    string
	RecordID  string
	HLC       string
	Op        string
	Payload   json.RawMessage
	CreatedAt time.Time
}

// Entity names in the change log: the table names.
const (
	EntityUnit            = "unit"
	EntityUnitAlias       = "unit_alias"
	EntityDeck            = "deck"
	EntityDeckSnapshot    = "deck_snapshot"
	EntitySession         = "session"
	EntitySlideView       = "slide_view"
	EntityPerson          = "person"
	EntityAttendance      = "attendance"
	EntityQuestion        = "question"
	EntityQuestionVersion = "question_version"
)

// Change operations.
const (
	OpInsert = "insert"
	OpUpdate = "update"
	// OpInsertMany is a bulk insert: the payload is a JSON array of whole
	// records, and the entry's record id and stamp are its last record's.
	OpInsertMany = "insert_many"
)

// Attendee is a check-in with its person, for lists and exports.
type Attendee struct {
	Attendance Attendance
	Person     Person
}
