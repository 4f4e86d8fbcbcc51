// Package hub is the district's server: it enrols devices, takes the change
// logs they push (exactly once, in order, within their rights), publishes
// decks, the unit catalog and answers on a feed they pull, and reports on
// what every unit did. The protocol is internal/sync's doc comment; this
// package is the hub's side of it, over a Store (SQLite here; the SQL is
// kept portable for PostgreSQL). A hub process keeps no state of its own:
// everything another process would need is in the Store.
package hub

import (
	"context"
	"errors"
	"time"

	"briefing/internal/sync"
	"briefing/internal/unit"
)

// ErrNotFound: no such device, question or unit.
var ErrNotFound = errors.New("not found")

// Device is an enrolled device.
type Device struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	UnitID     string     `json:"unit_id"`
	PublicKey  string     `json:"public_key"`
	EnrolledAt time.Time  `json:"enrolled_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
	LastSeen   *time.Time `json:"last_seen"`
	Acked      int64      `json:"acked"` // the acknowledged seq of its latest epoch
}

// Enrolment is a one-time code waiting for its device.
type Enrolment struct {
	CodeHash  string
	UnitID    string
	Name      string
	ForDevice string // a known device this code enrols again ("" for a new one)
	CreatedAt time.Time
	ExpiresAt time.Time
}

// Refusal is a request the protocol answers with an error: the HTTP status
// and the wire error.
type Refusal struct {
	Status int
	Wire   sync.Error
}

func (r *Refusal) Error() string { return r.Wire.Error() }

func refuse(status int, code, msg string) *Refusal {
	return &Refusal{Status: status, Wire: sync.Error{Code: code, Message: msg}}
}

// Held is a record of a pushed change the hub acknowledged but did not
// apply (sync.HeldRecord): it waits for the district.
type Held struct {
	ID         string     `json:"id"`
	Device     string     `json:"device_id"`
	DeviceName string     `json:"device_name"`
	Epoch      int64      `json:"epoch"`
	Seq        int64      `json:"seq"`
	Entity     string     `json:"entity"`
	RecordID   string     `json:"record_id"`
	SessionID  string     `json:"session_id,omitempty"`
	Unit       string     `json:"unit,omitempty"`  // a session's host unit, a person's unit, as written
	Title      string     `json:"title,omitempty"` // a session's title, a question's text
	Reason     string     `json:"reason"`          // sync.HeldScope, HeldOrigin, HeldContract
	Field      string     `json:"field"`
	Message    string     `json:"message"`
	HeldAt     time.Time  `json:"held_at"`
	ReleasedAt *time.Time `json:"released_at"`
	ReleasedBy string     `json:"released_by,omitempty"`
	Dropped    bool       `json:"dropped,omitempty"` // released by being dropped, not applied
	// What the change said of the record, to apply it again.
	op, hlc, payload string
}

// Question is a question as the hub sees it now: its latest version.
type Question struct {
	ID          string     `json:"id"`
	SessionID   string     `json:"session_id"`
	Origin      string     `json:"origin"`
	Device      string     `json:"device"`
	Unit        string     `json:"unit"` // the session's host unit, as recorded
	Number      int        `json:"number"`
	Text        string     `json:"text"`
	Status      string     `json:"status"`
	ForwardedTo string     `json:"forwarded_to"`
	ForwardedAt *time.Time `json:"forwarded_at"`
	Answer      string     `json:"answer"`
	AnsweredBy  string     `json:"answered_by"`
	CreatedAt   time.Time  `json:"created_at"`
	Version     int        `json:"version"`
}

// Facts are what reports are computed from: the sessions of a period with
// their check-ins and questions.
type Facts struct {
	Sessions  []FactSession
	CheckIns  []FactCheckIn
	Questions []Question
}

// FactSession is a session at the hub.
type FactSession struct {
	ID, Origin, Unit, Form, DeckID, DeckTitle, Title string
	StartedAt                                        time.Time
}

// FactCheckIn is a standing check-in with what tells its person apart.
type FactCheckIn struct {
	SessionID, PersonID, Origin  string
	Group, NameKey, Unit, IDHash string
}

// Store is the hub's database. Every method is one transaction.
type Store interface {
	// HubID is the hub's id (the origin of what it publishes); IDKey the
	// citizen-ID hash key it gives devices (base64url).
	HubID() string
	IDKey() string

	AddEnrolment(ctx context.Context, e Enrolment) error
	// Enroll uses a code (by its hash) for a device; a *Refusal says why not.
	Enroll(ctx context.Context, codeHash string, req sync.EnrollRequest, now time.Time) (Device, error)
	Device(ctx context.Context, id string) (Device, error)
	// FindDevice finds a device by its id, the start of its id or its name
	// (ErrNotFound, ErrAmbiguous).
	FindDevice(ctx context.Context, ref string) (Device, error)
	Devices(ctx context.Context) ([]Device, error)
	// Revoke revokes a device by its id, the start of its id or its name.
	Revoke(ctx context.Context, ref string, now time.Time) (Device, error)
	Seen(ctx context.Context, id string, now time.Time) error

	// Push stores and applies a batch of a device's change log.
	Push(ctx context.Context, dev Device, req sync.PushRequest, now time.Time) (sync.PushResponse, error)
	// Pull reads the feed after a cursor, as dev may see it.
	Pull(ctx context.Context, dev Device, after int64, limit int) (items []sync.Item, next int64, more bool, err error)
	Status(ctx context.Context, dev Device) (epoch, acked, feedHead int64, err error)

	Catalog(ctx context.Context) (*unit.Catalog, error)
	// AddUnit, SetAlias write the hub's catalog and publish the record.
	AddUnit(ctx context.Context, u unit.Unit, now time.Time) (unit.Unit, error)
	SetAlias(ctx context.Context, spelling, unitID string, now time.Time) error

	// PublishDeck publishes a deck version; false if it was published before.
	PublishDeck(ctx context.Context, d sync.FeedDeck) (bool, error)

	Questions(ctx context.Context, status string) ([]Question, error)
	// Answer adds the hub's version of a question and publishes it.
	Answer(ctx context.Context, id, text, by string, replace bool, now time.Time) (Question, error)

	// Facts reads the sessions started in [from, to) (zero: unbounded).
	Facts(ctx context.Context, from, to time.Time) (Facts, error)
	// Quarantined counts the changes held aside.
	Quarantined(ctx context.Context) (int, error)
	// HeldCount counts a device's records still held.
	HeldCount(ctx context.Context, deviceID string) (int, error)
	// Held lists the records held instead of applied (all: released too).
	Held(ctx context.Context, all bool) ([]Held, error)
	// Release applies held records again (ids; none: all); accept accepts
	// records held for their unit. Those that fail again stay held.
	Release(ctx context.Context, ids []string, accept bool, by string, now time.Time) (released, still []Held, err error)
	// Drop sets held records aside for good: nothing of them is applied.
	Drop(ctx context.Context, ids []string, by string, now time.Time) ([]Held, error)
	// DropDevice drops every record still held of a device; it says how many.
	DropDevice(ctx context.Context, deviceID, by string, now time.Time) (int, error)

	// BundleImported says whether a bundle id was imported, when, and what the
	// hub now holds of its device's log in its epoch.
	BundleImported(ctx context.Context, id string) (at time.Time, acked int64, ok bool, err error)
	// PushBundle applies a bundle's batches in one transaction (with its
	// device's enrolment, when enrol is given); Fresh counts the changes the
	// hub did not hold before.
	PushBundle(ctx context.Context, dev Device, m sync.Manifest, reqs []sync.PushRequest, enrol *sync.EnrollRequest, now time.Time) (BundleApplied, error)

	Close() error
}
