package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"briefing/internal/record"
)

// --- settings ---

// Setting reads a device setting; ok is false when it was never set.
func (s *Store) Setting(ctx context.Context, name string) (value string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT value FROM setting WHERE name = ?`, name).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return value, err == nil, err
}

// BlackSetting is the device setting that names the session whose audience
// screen is blacked out: a state of the screens, not a record, so not synced.
const BlackSetting = "projector_black"

// Setting reads a device setting inside a transaction; ok is false when it
// was never set.
func (t *Tx) Setting(ctx context.Context, name string) (value string, ok bool, err error) {
	return t.setting(ctx, name)
}

// SetSetting writes a device setting.
func (t *Tx) SetSetting(ctx context.Context, name, value string) error {
	_, err := t.exec(ctx,
		`INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
		name, value)
	return err
}

// --- people ---

const personColumns = `rowid, id, origin, hlc, name, name_key, unit, position, grp, phone,
	id_hash, id_last4, source, notice_at, created_at, removed_at`

// onRoster is the condition of the people on the roster: those taken off it
// are kept for the sessions that name them, and found only by id.
const onRoster = `removed_at IS NULL`

func scanPerson(row rowScanner) (Person, error) {
	var p Person
	var notice, removed sql.NullInt64
	var created int64
	err := row.Scan(&p.Row, &p.ID, &p.Origin, &p.HLC, &p.Name, &p.NameKey, &p.Unit, &p.Position, &p.Group,
		&p.Phone, &p.IDHash, &p.IDLast4, &p.Source, &notice, &created, &removed)
	p.NoticeAt = timePtr(notice)
	p.RemovedAt = timePtr(removed)
	p.CreatedAt = fromMillis(created)
	return p, err
}

func readPeople(ctx context.Context, q querier, where string, args ...any) ([]Person, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM person `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var people []Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		people = append(people, p)
	}
	return people, rows.Err()
}

// EachPerson calls fn for every person with a rowid above afterRow, in rowid
// order, without holding them all in memory.
func (s *Store) EachPerson(ctx context.Context, afterRow int64, fn func(Person) error) error {
	return eachPerson(ctx, s.db, afterRow, fn)
}

// EachPerson is Store.EachPerson inside the transaction.
func (t *Tx) EachPerson(ctx context.Context, afterRow int64, fn func(Person) error) error {
	return eachPerson(ctx, t, afterRow, fn)
}

func eachPerson(ctx context.Context, q querier, afterRow int64, fn func(Person) error) error {
	return eachPersonWhere(ctx, q, `WHERE rowid > ? AND `+onRoster+` ORDER BY rowid`, fn, afterRow)
}

// eachPersonWhere calls fn for each person the clause (WHERE, ORDER BY)
// selects, one row at a time.
func eachPersonWhere(ctx context.Context, q querier, where string, fn func(Person) error, args ...any) error {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM person `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PersonAtRow reads the person with rowid row, inside the transaction.
func (t *Tx) PersonAtRow(ctx context.Context, row int64) (Person, error) {
	p, err := scanPerson(t.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE rowid = ?`, row))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("person at row %d: %w", row, ErrNotFound)
	}
	return p, err
}

// Person reads a person by id inside the transaction.
func (t *Tx) Person(ctx context.Context, id string) (Person, error) {
	p, err := scanPerson(t.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("person %s: %w", id, ErrNotFound)
	}
	return p, err
}

// Person reads a person by id.
func (s *Store) Person(ctx context.Context, id string) (Person, error) {
	p, err := scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("person %s: %w", id, ErrNotFound)
	}
	return p, err
}

// PeopleWithIDHash lists the people whose citizen-ID hash is hash.
func (s *Store) PeopleWithIDHash(ctx context.Context, hash string) ([]Person, error) {
	return readPeople(ctx, s.db, `WHERE id_hash = ? AND id_hash <> '' AND `+onRoster+` ORDER BY rowid`, hash)
}

// PeopleWithNameKey lists the people whose folded name is key.
func (s *Store) PeopleWithNameKey(ctx context.Context, key string) ([]Person, error) {
	return readPeople(ctx, s.db, `WHERE name_key = ? AND `+onRoster+` ORDER BY rowid`, key)
}

// PeopleWithIDPrefix lists up to limit people whose id starts with prefix.
func (s *Store) PeopleWithIDPrefix(ctx context.Context, prefix string, limit int) ([]Person, error) {
	return readPeople(ctx, s.db, `WHERE id >= ? AND id < ? AND `+onRoster+` ORDER BY id LIMIT ?`, prefix, prefix+"~", limit)
}

// InsertPerson stores a new person.
func (t *Tx) InsertPerson(ctx context.Context, p *Person) error {
	return t.InsertPeople(ctx, []*Person{p})
}

// InsertPeople stores new people with one clock step and multi-row INSERTs.
// The change log gets one entry per chunk of up to peoplePerEntry people,
// whose payload is the array of their records (op insert_many; a chunk of
// one is a plain insert of the record): a roster import of 100,000 people would otherwise write its data twice over, as
// rows and as 100,000 log entries, and take seconds.
func (t *Tx) InsertPeople(ctx context.Context, people []*Person) error {
	if len(people) == 0 {
		return nil
	}
	metas := make([]*Meta, len(people))
	for i, p := range people {
		metas[i] = &p.Meta
	}
	if err := t.stampNew(ctx, metas...); err != nil {
		return err
	}
	const cols = 14
	payload := make([]byte, 0, 320*min(len(people), peoplePerEntry))
	args := make([]any, 0, rowsPerInsert*cols)
	return inChunks(len(people), peoplePerEntry, func(lo, hi int) error {
		many := hi-lo > 1
		payload = payload[:0]
		if many {
			payload = append(payload, '[')
		}
		for i, p := range people[lo:hi] {
			p.CreatedAt = normalize(p.CreatedAt)
			p.NoticeAt = normalizePtr(p.NoticeAt)
			if i > 0 {
				payload = append(payload, ',')
			}
			payload = record.AppendPersonJSON(payload, p)
		}
		op := OpInsert
		if many {
			payload, op = append(payload, ']'), OpInsertMany
		}
		err := inChunks(hi-lo, rowsPerInsert, func(clo, chi int) error {
			args = args[:0]
			for _, p := range people[lo+clo : lo+chi] {
				args = append(args, p.ID, p.Origin, p.HLC, p.Name, p.NameKey, p.Unit, p.Position, p.Group,
					p.Phone, p.IDHash, p.IDLast4, p.Source, millisPtr(p.NoticeAt), toMillis(p.CreatedAt))
			}
			rows, err := t.insertPeopleRows(ctx, `INSERT OR FAIL INTO person (id, origin, hlc, name, name_key, unit, position, grp,
				phone, id_hash, id_last4, source, notice_at, created_at) VALUES `, people[lo+clo:lo+chi], cols, args...)
			if err != nil {
				return err
			}
			return t.writeSearchKeys(ctx, rows, people[lo+clo:lo+chi], false)
		})
		if err != nil {
			return fmt.Errorf("insert person: %w", err)
		}
		last := people[hi-1]
		return t.logPayload(ctx, EntityPerson, op, last.ID, last.HLC, payload)
	})
}

// peoplePerEntry is how many people one change-log entry of a bulk insert
// carries: about 250 KB of payload.
const peoplePerEntry = 1000

// UpdatePerson rewrites a person's fields; the id, origin and creation stay.
func (t *Tx) UpdatePerson(ctx context.Context, p *Person) error {
	if err := t.stampUpdate(ctx, &p.Meta); err != nil {
		return err
	}
	// created_at is not rewritten, but the payload carries it: as stored.
	p.NoticeAt, p.CreatedAt, p.RemovedAt = normalizePtr(p.NoticeAt), normalize(p.CreatedAt), normalizePtr(p.RemovedAt)
	res, err := t.exec(ctx, `
		UPDATE person SET hlc = ?, name = ?, name_key = ?, unit = ?, position = ?, grp = ?, phone = ?,
			id_hash = ?, id_last4 = ?, notice_at = ?, removed_at = ?
		WHERE id = ?`,
		p.HLC, p.Name, p.NameKey, p.Unit, p.Position, p.Group, p.Phone, p.IDHash, p.IDLast4,
		millisPtr(p.NoticeAt), millisPtr(p.RemovedAt), p.ID)
	if err := checkUpdated(res, err, "person", p.ID); err != nil {
		return err
	}
	var row int64
	if err := t.QueryRowContext(ctx, `SELECT rowid FROM person WHERE id = ?`, p.ID).Scan(&row); err != nil {
		return err
	}
	if err := t.writeSearchKeys(ctx, []int64{row}, []*Person{p}, true); err != nil {
		return err
	}
	return t.logChange(ctx, EntityPerson, OpUpdate, p.Meta, p)
}

// --- attendance ---

const attendanceColumns = `id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at, notice_at`

func scanAttendance(row rowScanner, a *Attendance) error {
	var checked int64
	var undone, notice sql.NullInt64
	err := row.Scan(&a.ID, &a.Origin, &a.HLC, &a.SessionID, &a.PersonID, &a.Method, &checked, &undone, &notice)
	a.CheckedInAt = fromMillis(checked)
	a.UndoneAt = timePtr(undone)
	a.NoticeAt = timePtr(notice)
	return err
}

// Attendance reads the check-in of person in session, or nil if there is none.
func (t *Tx) Attendance(ctx context.Context, sessionID, personID string) (*Attendance, error) {
	var a Attendance
	err := scanAttendance(t.QueryRowContext(ctx,
		`SELECT `+attendanceColumns+` FROM attendance WHERE session_id = ? AND person_id = ?`,
		sessionID, personID), &a)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// InsertAttendance stores a new check-in.
func (t *Tx) InsertAttendance(ctx context.Context, a *Attendance) error {
	if err := t.stampNew(ctx, &a.Meta); err != nil {
		return err
	}
	normalizeAttendance(a)
	_, err := t.exec(ctx, `INSERT INTO attendance (`+attendanceColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Origin, a.HLC, a.SessionID, a.PersonID, a.Method, toMillis(a.CheckedInAt),
		millisPtr(a.UndoneAt), millisPtr(a.NoticeAt))
	if err != nil {
		return fmt.Errorf("insert attendance: %w", err)
	}
	return t.logChange(ctx, EntityAttendance, OpInsert, a.Meta, a)
}

// UpdateAttendance rewrites a check-in: undone, or checked in again.
func (t *Tx) UpdateAttendance(ctx context.Context, a *Attendance) error {
	if err := t.stampUpdate(ctx, &a.Meta); err != nil {
		return err
	}
	normalizeAttendance(a)
	// Found by its key (session, person); the id must match too.
	res, err := t.exec(ctx, `
		UPDATE attendance SET hlc = ?, method = ?, checked_in_at = ?, undone_at = ?, notice_at = ?
		WHERE session_id = ? AND person_id = ? AND id = ?`,
		a.HLC, a.Method, toMillis(a.CheckedInAt), millisPtr(a.UndoneAt), millisPtr(a.NoticeAt),
		a.SessionID, a.PersonID, a.ID)
	if err := checkUpdated(res, err, "attendance", a.ID); err != nil {
		return err
	}
	return t.logChange(ctx, EntityAttendance, OpUpdate, a.Meta, a)
}

// AttendanceSince lists session's check-ins, undone ones included, whose
// stamp is after hlc ("" for all), oldest first: what a poller missed.
func (s *Store) AttendanceSince(ctx context.Context, sessionID, hlc string) ([]Attendance, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+attendanceColumns+` FROM attendance
		WHERE session_id = ? AND hlc > ? ORDER BY hlc`, sessionID, hlc)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Attendance
	for rows.Next() {
		var a Attendance
		if err := scanAttendance(rows, &a); err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	return list, rows.Err()
}

// Attendees lists the people checked in to session (not undone) in check-in
// order, with their records.
func (s *Store) Attendees(ctx context.Context, sessionID string) ([]Attendee, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.id, a.origin, a.hlc, a.session_id, a.person_id, a.method, a.checked_in_at, a.undone_at, a.notice_at,
			p.rowid, p.id, p.origin, p.hlc, p.name, p.name_key, p.unit, p.position, p.grp, p.phone,
			p.id_hash, p.id_last4, p.source, p.notice_at, p.created_at
		FROM attendance a JOIN person p ON p.id = a.person_id
		WHERE a.session_id = ? AND a.undone_at IS NULL
		ORDER BY a.checked_in_at, a.hlc`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Attendee
	for rows.Next() {
		var at Attendee
		var a = &at.Attendance
		var p = &at.Person
		var checked, created int64
		var undone, notice, pNotice sql.NullInt64
		err := rows.Scan(&a.ID, &a.Origin, &a.HLC, &a.SessionID, &a.PersonID, &a.Method, &checked, &undone, &notice,
			&p.Row, &p.ID, &p.Origin, &p.HLC, &p.Name, &p.NameKey, &p.Unit, &p.Position, &p.Group, &p.Phone,
			&p.IDHash, &p.IDLast4, &p.Source, &pNotice, &created)
		if err != nil {
			return nil, err
		}
		a.CheckedInAt, a.UndoneAt, a.NoticeAt = fromMillis(checked), timePtr(undone), timePtr(notice)
		p.NoticeAt, p.CreatedAt = timePtr(pNotice), fromMillis(created)
		list = append(list, at)
	}
	return list, rows.Err()
}

func normalizeAttendance(a *Attendance) {
	a.CheckedInAt = normalize(a.CheckedInAt)
	a.UndoneAt = normalizePtr(a.UndoneAt)
	a.NoticeAt = normalizePtr(a.NoticeAt)
}

func timePtr(ms sql.NullInt64) *time.Time {
	if !ms.Valid {
		return nil
	}
	t := fromMillis(ms.Int64)
	return &t
}

func millisPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return toMillis(*t)
}

func normalizePtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	n := normalize(*t)
	return &n
}

// CheckInState reads, with one statement, what a check-in decides on:
// person, their attendance to session (nil if none), and whether session is
// missing or ended; and the clock that the check-in's stamp needs. A
// check-in waits on every statement it runs.
func (t *Tx) CheckInState(ctx context.Context, sessionID, personID string) (p Person, a *Attendance, ended bool, err error) {
	var aID, aOrigin, aHLC, aSession, aPerson, aMethod sql.NullString
	var aChecked, aUndone, aNotice, notice, removed sql.NullInt64
	var sessionEnded sql.NullBool
	var created, clockRow, clockSeq int64
	var clockHLC string
	err = t.QueryRowContext(ctx, `
		SELECT p.rowid, p.id, p.origin, p.hlc, p.name, p.name_key, p.unit, p.position, p.grp, p.phone,
			p.id_hash, p.id_last4, p.source, p.notice_at, p.created_at, p.removed_at,
			a.id, a.origin, a.hlc, a.session_id, a.person_id, a.method, a.checked_in_at, a.undone_at, a.notice_at,
			(SELECT s.ended_at IS NOT NULL FROM session s WHERE s.id = ?1), `+clockColumns("?3")+`
		FROM person p LEFT JOIN attendance a ON a.session_id = ?1 AND a.person_id = p.id
		WHERE p.id = ?2`, sessionID, personID, t.deviceID).Scan(
		&p.Row, &p.ID, &p.Origin, &p.HLC, &p.Name, &p.NameKey, &p.Unit, &p.Position, &p.Group, &p.Phone,
		&p.IDHash, &p.IDLast4, &p.Source, &notice, &created, &removed,
		&aID, &aOrigin, &aHLC, &aSession, &aPerson, &aMethod, &aChecked, &aUndone, &aNotice, &sessionEnded,
		&clockRow, &clockSeq, &clockHLC)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil, false, fmt.Errorf("person %s: %w", personID, ErrNotFound)
	}
	if err != nil {
		return p, nil, false, err
	}
	if t.clk == nil {
		if _, err := t.setClock(clockRow, clockSeq, clockHLC); err != nil {
			return p, nil, false, err
		}
	}
	if !sessionEnded.Valid {
		return p, nil, false, fmt.Errorf("session %s: %w", sessionID, ErrNotFound)
	}
	p.NoticeAt, p.CreatedAt, p.RemovedAt = timePtr(notice), fromMillis(created), timePtr(removed)
	if aID.Valid {
		a = &Attendance{
			Meta:      Meta{ID: aID.String, Origin: aOrigin.String, HLC: aHLC.String},
			SessionID: aSession.String, PersonID: aPerson.String, Method: aMethod.String,
			CheckedInAt: fromMillis(aChecked.Int64), UndoneAt: timePtr(aUndone), NoticeAt: timePtr(aNotice),
		}
	}
	return p, a, sessionEnded.Bool, nil
}
