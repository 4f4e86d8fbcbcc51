// Package attendance is the clerk's domain: the roster of people, check-ins
// to a session (with undo kept as a tombstone), walk-ins, citizen-ID scans,
// and the counts the desk and the presenter show. The TUI and the CLI call
// only this.
//
// A check-in is committed durably (synchronous=FULL) before any method here
// returns, so a confirmation drawn after it survives kill -9 and power loss.
package attendance

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/internal/cccd"
	"briefing/internal/roster"
	"briefing/internal/store"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

var (
	// ErrNotFound: no such person or session.
	ErrNotFound = store.ErrNotFound
	// ErrEnded: the session has ended; check-ins are closed.
	ErrEnded = errors.New("session has ended")
	// ErrNotCheckedIn: undo of a person who is not checked in.
	ErrNotCheckedIn = errors.New("not checked in")
	// ErrInvalid: a field is missing or malformed; the error says which.
	ErrInvalid = errors.New("invalid")
	// ErrAmbiguous: an id prefix matches several people.
	ErrAmbiguous = errors.New("id prefix matches several people")
	// ErrOtherCard: the person already has another citizen-ID card on file.
	ErrOtherCard = errors.New("the person has another ID card on file")
	// ErrRemoved: the person was taken off the roster.
	ErrRemoved = errors.New("the person was taken off the roster")
)

// FieldError names the field of a walk-in that is wrong.
type FieldError struct {
	// Field is name, group, phone or id; or name.long, unit.long or
	// position.long when the field is longer than Max characters, with
	// Value its length; or, with the rule roster.CheckName, name.chars
	// (Value the character no name has), name.noletter or name.digits
	// (Value the name). "walkin.field."+Field is the message's i18n key.
	Field string
	Value string
	Max   int // the limit, for the .long fields
}

func (e *FieldError) Error() string {
	if field, ok := strings.CutSuffix(e.Field, ".long"); ok {
		return fmt.Sprintf("%s is %s characters long, over %d: %v", field, e.Value, e.Max, ErrInvalid)
	}
	return fmt.Sprintf("%s %q: %v", e.Field, e.Value, ErrInvalid)
}
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Method is how a person was checked in.
type Method string

const (
	ByRoster Method = "roster"  // found in the roster (search, id, query)
	WalkIn   Method = "walk_in" // registered at the desk
	ByQR     Method = "qr"      // citizen-ID card scanned
)

// sourceRoster is the Source of a person imported from a roster; a walk-in's
// Source is the method that registered them (WalkIn or ByQR).
const sourceRoster = string(ByRoster)

// Person is someone on the roster as the desk and the CLI see them: a view
// of record.Person with its group typed and without the citizen-ID hash,
// which no screen needs (personal data stays minimal where it is shown).
type Person struct {
	ID       string
	Name     string
	Unit     string
	Position string
	Group    roster.Group
	Phone    string
	IDLast4  string // last four digits of the citizen ID, if known
	// FromRoster: imported from a roster, not registered at a desk.
	FromRoster bool
	// Removed: taken off the roster (roster remove, an import undone); only
	// Changes gives such a person, for a desk to drop them.
	Removed bool
	// Row increases with every person added; pollers resume after it.
	Row int64
}

// PhoneLast3 is the last three characters of the phone number, which tell two
// people of the same name apart without showing the whole number; "" when the
// number is shorter.
func (p Person) PhoneLast3() string {
	if n := len(p.Phone); n >= 3 {
		return p.Phone[n-3:]
	}
	return ""
}

// CheckIn is a person's check-in to a session: a view joining
// record.Attendance to the person, with the outcome of the write.
type CheckIn struct {
	Person Person
	Method Method
	At     time.Time
	// Already: the person was checked in before; At is that earlier time and
	// nothing changed.
	Already bool
	// Undone: the check-in was taken back (Undo, or seen by a poller).
	Undone bool
	// Stamp orders check-ins for pollers.
	Stamp string
}

// Counts are the desk's counters.
type Counts struct {
	Present int
	// Expected is how many people are expected (Tally.Expect; 0 when no
	// one was), whether or not they came.
	Expected int
	ByGroup  []Count // every group that has someone, largest first
	ByUnit   []Count // largest first
}

// Count is a group code or unit name and how many are present. Unknown:
// the unit, kept as typed, is not in the catalog (unit list --unknown).
type Count struct {
	Key     string
	Count   int
	Unknown bool
	// Expected: of a unit, how many of its people are expected, and NotYet
	// how many of those have not come (0 and 0 when none is expected).
	Expected, NotYet int
}

// Service applies the attendance rules over a store.
type Service struct {
	st    *store.Store
	now   func() time.Time
	units *unit.Service
	keys  KeySource
}

// New returns a Service; now is the clock for check-in times (nil: time.Now).
// Without WithKeys, citizen-ID numbers are hashed under a key held in memory
// (see WithKeys).
func New(st *store.Store, now func() time.Time, opts ...Option) *Service {
	if now == nil {
		now = time.Now
	}
	s := &Service{st: st, now: now, units: unit.New(st, now), keys: newMemoryKeys()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// CheckIn checks person into session, durably. A second check-in changes
// nothing and returns the first, with Already set. noticeShown records that
// the personal-data notice was on screen (citizen-ID scans).
func (s *Service) CheckIn(ctx context.Context, sessionID, personID string, m Method, noticeShown bool) (CheckIn, error) {
	return s.checkInTx(ctx, sessionID, personID, m, noticeShown, nil)
}

// checkInTx is one check-in transaction; before, if given, first changes
// the person (the time is the check-in's).
func (s *Service) checkInTx(ctx context.Context, sessionID, personID string, m Method, noticeShown bool,
	before func(tx *store.Tx, p *store.Person, now time.Time) error) (CheckIn, error) {
	var result CheckIn
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		p, existing, ended, err := tx.CheckInState(ctx, sessionID, personID)
		if err != nil {
			return err
		}
		if ended {
			return ErrEnded
		}
		if p.RemovedAt != nil {
			return ErrRemoved // a desk that had them listed before it was told
		}
		if before != nil {
			if err := before(tx, &p, now); err != nil {
				return err
			}
		}
		a, err := checkIn(ctx, tx, existing, sessionID, p.ID, m, now, noticeShown)
		result = checkInOf(a, fromRecord(p))
		return err
	})
	if err != nil {
		return CheckIn{}, fmt.Errorf("check in: %w", err)
	}
	return result, nil
}

// checkIn writes the attendance row: new, renewed after an undo, or left as
// it is when the person is already in. The returned record's HLC is empty in
// the last case, which is how callers tell.
//
// The attendance table is checked first (store.Tx.CheckTable): the check-in
// is confirmed (✓) only into a table that is not damaged, even in a file too
// large for Open to check whole.
func checkIn(ctx context.Context, tx *store.Tx, existing *store.Attendance, sessionID, personID string, m Method, now time.Time, noticeShown bool) (store.Attendance, error) {
	if err := tx.CheckTable(ctx, "attendance"); err != nil {
		return store.Attendance{}, err
	}
	var notice *time.Time
	if noticeShown {
		notice = &now
	}
	switch {
	case existing == nil:
		a := store.Attendance{SessionID: sessionID, PersonID: personID, Method: string(m), CheckedInAt: now, NoticeAt: notice}
		err := tx.InsertAttendance(ctx, &a)
		return a, err
	case existing.UndoneAt != nil:
		existing.UndoneAt, existing.Method, existing.CheckedInAt = nil, string(m), now
		if notice != nil {
			existing.NoticeAt = notice
		}
		err := tx.UpdateAttendance(ctx, existing)
		return *existing, err
	default:
		already := *existing
		already.HLC = ""
		return already, nil
	}
}

func checkInOf(a store.Attendance, p Person) CheckIn {
	return CheckIn{
		Person:  p,
		Method:  Method(a.Method),
		At:      a.CheckedInAt,
		Already: a.HLC == "",
		Undone:  a.UndoneAt != nil,
		Stamp:   a.HLC,
	}
}

// checkOpen refuses check-ins to a missing or ended session.
func checkOpen(ctx context.Context, tx *store.Tx, sessionID string) error {
	sess, err := tx.Session(ctx, sessionID)
	if err != nil {
		return err
	}
	if sess.EndedAt != nil {
		return ErrEnded
	}
	return nil
}

// Undo takes back person's check-in to session. The row stays, marked undone.
func (s *Service) Undo(ctx context.Context, sessionID, personID string) (CheckIn, error) {
	var result CheckIn
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		p, a, ended, err := tx.CheckInState(ctx, sessionID, personID)
		if err != nil {
			return err
		}
		if ended {
			return ErrEnded
		}
		if a == nil || a.UndoneAt != nil {
			return ErrNotCheckedIn
		}
		a.UndoneAt = &now
		if err := tx.UpdateAttendance(ctx, a); err != nil {
			return err
		}
		result = checkInOf(*a, fromRecord(p))
		return nil
	})
	if err != nil {
		return CheckIn{}, fmt.Errorf("undo check-in: %w", err)
	}
	return result, nil
}

// NewPerson is a walk-in: someone not on the roster, registered at the desk.
type NewPerson struct {
	Name, Unit, Position string
	Group                string // a group label or code, or ""
	Phone                string
	// CitizenID, from a scanned card, is hashed; only the hash and the last
	// four digits are stored.
	CitizenID string
	// NoticeShown: the personal-data notice was on screen when the card was read.
	NoticeShown bool
}

// The longest name, unit and position a walk-in may have, in characters:
// the roster's limits, so a walk-in and a roster row take the same.
const (
	MaxNameLength     = roster.MaxNameLength
	MaxUnitLength     = roster.MaxUnitLength
	MaxPositionLength = roster.MaxPositionLength
)

// Check reports the first field the walk-in cannot be saved with (name,
// its length, unit and position lengths, group, phone, then card number)
// as a *FieldError, or nil: what RegisterWalkIn would refuse, for a form
// to say before it asks.
func (n NewPerson) Check() error {
	_, _, err := n.clean()
	return err
}

// clean validates and normalises a walk-in's fields.
func (n NewPerson) clean() (NewPerson, roster.Group, error) {
	// One clean line each, without control or invisible characters: an
	// escape sequence in a unit would reach every list that shows it. A
	// name loses its format characters (a bidi override, a zero-width
	// space: invisible, they would hide it from searches) and keeps its
	// control characters, for roster.CheckName to refuse and name.
	n.Name = textvi.CleanSpaces(textvi.DropFormat(n.Name))
	if t, ok := roster.TitleCaseName(n.Name); ok { // typed in capitals, as a roster's are read
		n.Name = t
	}
	n.Unit = textvi.FieldText(n.Unit)
	n.Position = textvi.FieldText(n.Position)
	if textvi.FieldText(n.Name) == "" { // invisible characters only: no name
		n.Name = ""
		return n, "", &FieldError{Field: "name"}
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"name", n.Name, MaxNameLength}, {"unit", n.Unit, MaxUnitLength}, {"position", n.Position, MaxPositionLength}} {
		if l := utf8.RuneCountInString(f.value); l > f.max {
			return n, "", &FieldError{Field: f.field + ".long", Value: strconv.Itoa(l), Max: f.max}
		}
	}
	switch fault, r := roster.CheckName(n.Name); fault {
	case roster.NameBadChar:
		return n, "", &FieldError{Field: "name.chars", Value: string(r)}
	case roster.NameNoLetter:
		return n, "", &FieldError{Field: "name.noletter", Value: n.Name}
	case roster.NameMostlyDigits:
		return n, "", &FieldError{Field: "name.digits", Value: n.Name}
	}
	group, ok := roster.ParseGroup(n.Group)
	if !ok {
		return n, "", &FieldError{Field: "group", Value: n.Group}
	}
	phone, ok := roster.NormalizePhone(n.Phone)
	if !ok {
		return n, "", &FieldError{Field: "phone", Value: n.Phone}
	}
	n.Phone = phone
	n.CitizenID = strings.TrimSpace(n.CitizenID)
	if n.CitizenID != "" && !roster.ValidCitizenID(n.CitizenID) {
		return n, "", &FieldError{Field: "id", Value: "…" + cccd.Last4(n.CitizenID)}
	}
	return n, group, nil
}

// RegisterWalkIn saves a walk-in and checks them into session in one
// transaction. The method is WalkIn, or ByQR when a card was scanned.
func (s *Service) RegisterWalkIn(ctx context.Context, sessionID string, n NewPerson) (CheckIn, error) {
	n, group, err := n.clean()
	if err != nil {
		return CheckIn{}, fmt.Errorf("walk-in: %w", err)
	}
	now := s.now()
	method := WalkIn
	rec := store.Person{
		Name: n.Name, NameKey: textvi.Fold(n.Name), Unit: n.Unit, Position: n.Position,
		Group: string(group), Phone: n.Phone, CreatedAt: now,
	}
	if n.CitizenID != "" {
		hasher, err := s.Hasher(ctx)
		if err != nil {
			return CheckIn{}, err
		}
		method = ByQR
		rec.IDHash, rec.IDLast4 = hasher.Hash(n.CitizenID), cccd.Last4(n.CitizenID)
	}
	rec.Source = string(method)
	if n.NoticeShown {
		rec.NoticeAt = &now
	}
	var result CheckIn
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		if err := checkOpen(ctx, tx, sessionID); err != nil {
			return err
		}
		if err := tx.InsertPerson(ctx, &rec); err != nil {
			return err
		}
		a, err := checkIn(ctx, tx, nil, sessionID, rec.ID, method, now, n.NoticeShown)
		result = checkInOf(a, fromRecord(rec))
		return err
	})
	if err != nil {
		return CheckIn{}, fmt.Errorf("walk-in: %w", err)
	}
	return result, nil
}

// SamePerson lists people with the same name (marksAgree) and unit as a
// walk-in about to be saved, so the CLI can warn of a likely duplicate: the
// desk's rule (SimilarTo) without a phone or a session.
func (s *Service) SamePerson(ctx context.Context, name, unit string) ([]Person, error) {
	similar, err := s.SimilarTo(ctx, "", NewPerson{Name: name, Unit: unit})
	if err != nil {
		return nil, err
	}
	same := make([]Person, len(similar))
	for i, sim := range similar {
		same[i] = sim.Person
	}
	return same, nil
}

// WithoutCardNamed lists the people named name (marksAgree) who have no card
// on file: who a scanned card not found by its number may belong to, such as
// a roster person imported without a citizen ID.
func (s *Service) WithoutCardNamed(ctx context.Context, name string) ([]Person, error) {
	key := textvi.Fold(name)
	if key == "" {
		return nil, nil
	}
	people, err := s.st.PeopleWithNameKey(ctx, key)
	if err != nil {
		return nil, err
	}
	marks := textvi.Marks(name)
	var none []Person
	for _, p := range people {
		if p.IDHash == "" && marksAgree(marks, textvi.Marks(p.Name)) {
			none = append(none, fromRecord(p))
		}
	}
	return none, nil
}

// CheckInWithCard checks in the person the clerk said a scanned card belongs
// to, in one transaction with keeping the card on the person (its hash and
// last four digits, and that the notice was shown), so that the next scan
// finds them. A person who already has another card on file is refused
// (ErrOtherCard). Another device's person is checked in without the card:
// only the device that made a record changes it.
func (s *Service) CheckInWithCard(ctx context.Context, sessionID, personID, number string) (CheckIn, error) {
	number = strings.TrimSpace(number)
	hashers, err := s.hashers(ctx)
	if err != nil {
		return CheckIn{}, err
	}
	hashes := hashesOf(hashers, number)
	hash := hashes[0]
	return s.checkInTx(ctx, sessionID, personID, ByQR, true, func(tx *store.Tx, p *store.Person, now time.Time) error {
		switch {
		case slices.Contains(hashes, p.IDHash):
		case p.IDHash != "":
			return ErrOtherCard
		case p.Origin == tx.DeviceID():
			p.IDHash, p.IDLast4, p.NoticeAt = hash, cccd.Last4(number), &now
			return tx.UpdatePerson(ctx, p)
		}
		return nil
	})
}

// ByCitizenID finds the people whose card number is number (through its
// hash under each key this installation holds: a card kept before the device
// enrolled is still found).
func (s *Service) ByCitizenID(ctx context.Context, number string) ([]Person, error) {
	hashers, err := s.hashers(ctx)
	if err != nil {
		return nil, err
	}
	var found []store.Person
	for _, hash := range hashesOf(hashers, strings.TrimSpace(number)) {
		people, err := s.st.PeopleWithIDHash(ctx, hash)
		if err != nil {
			return nil, err
		}
		found = append(found, people...)
	}
	return fromRecords(found), nil
}

// MinIDPrefix is the fewest characters of a person's id Person takes.
const MinIDPrefix = 6

// Person finds a person by id or a unique id prefix (at least MinIDPrefix
// characters): ErrInvalid for a shorter one, ErrNotFound, or ErrAmbiguous
// when the prefix is several people's.
func (s *Service) Person(ctx context.Context, id string) (Person, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if len(id) < MinIDPrefix {
		return Person{}, fmt.Errorf("person id %q is shorter than %d characters: %w", id, MinIDPrefix, ErrInvalid)
	}
	found, err := s.st.PeopleWithIDPrefix(ctx, id, 2)
	switch {
	case err != nil:
		return Person{}, err
	case len(found) == 0:
		return Person{}, fmt.Errorf("person %s: %w", id, ErrNotFound)
	case len(found) > 1 && found[0].ID != id:
		return Person{}, fmt.Errorf("person %s: %w", id, ErrAmbiguous)
	}
	return fromRecord(found[0]), nil
}

// EachPerson streams the roster in the order people were added, starting
// after row (0: from the start).
func (s *Service) EachPerson(ctx context.Context, afterRow int64, fn func(Person) error) error {
	return s.st.EachPerson(ctx, afterRow, func(p store.Person) error { return fn(fromRecord(p)) })
}

// Attendees lists who is checked in to session, in check-in order.
func (s *Service) Attendees(ctx context.Context, sessionID string) ([]CheckIn, error) {
	list, err := s.st.Attendees(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	out := make([]CheckIn, len(list))
	for i, a := range list {
		out[i] = checkInOf(a.Attendance, fromRecord(a.Person))
		out[i].Already = false
	}
	return out, nil
}

// Cursor is where a poller left off: the last person row and the last
// check-in stamp it has seen.
type Cursor struct {
	PersonRow int64
	Stamp     string
	// ChangeSeq: the change log entry after which people edited or taken
	// off the roster are read (store.PeopleUpdatedSince).
	ChangeSeq int64
}

// Changes returns the people added, edited or taken off the roster (Removed)
// and the check-ins written or undone (by any process on this device) since
// cursor, and the cursor to pass next time. The first call, with the zero
// Cursor, reads the whole roster.
func (s *Service) Changes(ctx context.Context, sessionID string, since Cursor) ([]Person, []CheckIn, Cursor, error) {
	var people []Person
	// The log's position first: a person edited while the roster is read
	// comes again next time, never not at all.
	if since == (Cursor{}) {
		seq, err := s.st.LastChangeSeq(ctx)
		if err != nil {
			return nil, nil, since, err
		}
		since.ChangeSeq = seq
	} else {
		updated, seq, err := s.st.PeopleUpdatedSince(ctx, since.ChangeSeq)
		if err != nil {
			return nil, nil, since, err
		}
		people, since.ChangeSeq = fromRecords(updated), seq
	}
	err := s.EachPerson(ctx, since.PersonRow, func(p Person) error {
		people = append(people, p)
		since.PersonRow = p.Row
		return nil
	})
	if err != nil {
		return nil, nil, since, err
	}
	recs, err := s.st.AttendanceSince(ctx, sessionID, since.Stamp)
	if err != nil {
		return nil, nil, since, err
	}
	checkIns := make([]CheckIn, len(recs))
	for i, a := range recs {
		checkIns[i] = checkInOf(a, Person{ID: a.PersonID})
		since.Stamp = a.HLC
	}
	return people, checkIns, since, nil
}

// fromRecord is a stored person as the desk, the CLI and the reports show
// them: name, unit and position one line each without control or invisible
// characters (textvi.Shown), so a record stored with an escape sequence
// (an old database, a record synced in) shows harmless everywhere.
func fromRecord(p store.Person) Person {
	return Person{
		ID: p.ID, Name: textvi.Shown(p.Name), Unit: textvi.Shown(p.Unit), Position: textvi.Shown(p.Position),
		Group: roster.Group(p.Group),
		Phone: p.Phone, IDLast4: p.IDLast4, Row: p.Row, FromRoster: p.Source == sourceRoster,
		Removed: p.RemovedAt != nil,
	}
}

func fromRecords(people []store.Person) []Person {
	out := make([]Person, len(people))
	for i, p := range people {
		out[i] = fromRecord(p)
	}
	return out
}

// Two names are one person's name when they fold the same
// (textvi.Fold, what search and the import's keys use) and their diacritics
// agree: a name written without any diacritics ("LE VAN TAM", as many
// official lists are typed) agrees with every spelling of its letters, and a
// name with diacritics agrees only with one that has the same letters (â, ă,
// ê, ô, ơ, ư, đ) and the same tone on every word, in any letter case and with
// the old or the new tone placement ("Hoà", "Hòa"). So "Lê Văn Tám" and "Lê
// Văn Tâm" are two people, and "Le Van Tam" may be either. A name with
// diacritics on some words only is taken as written: "Lê Văn Tam" is not "Lê
// Văn Tâm", because Tam is a name too.
//
// marksAgree is the second half of that rule, on two names' textvi.Marks.
func marksAgree(a, b string) bool { return a == "" || b == "" || a == b }
