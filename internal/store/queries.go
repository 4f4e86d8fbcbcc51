package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// querier is what reads need: the database outside a transaction or a Tx inside one.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// rowScanner is a *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// --- device and units ---

// Device reads this device's profile.
func (s *Store) Device(ctx context.Context) (Device, error) {
	var d Device
	var created int64
	err := s.db.QueryRowContext(ctx, `SELECT id, name, unit, created_at FROM device`).
		Scan(&d.ID, &d.Name, &d.Unit, &created)
	d.CreatedAt = fromMillis(created)
	return d, err
}

// SetDevice sets this device's name and unit.
func (t *Tx) SetDevice(ctx context.Context, name, unit string) error {
	_, err := t.exec(ctx, `UPDATE device SET name = ?, unit = ? WHERE id = ?`, name, unit, t.deviceID)
	return err
}

// --- decks ---

// Deck reads the deck row for a deck version.
func (t *Tx) Deck(ctx context.Context, deckID, version string) (Deck, error) {
	var d Deck
	err := t.QueryRowContext(ctx, `
		SELECT id, origin, hlc, deck_id, version, title, slides, duration_min
		FROM deck WHERE deck_id = ? AND version = ?`, deckID, version).
		Scan(&d.ID, &d.Origin, &d.HLC, &d.DeckID, &d.Version, &d.Title, &d.Slides, &d.DurationMin)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("deck %s version %s: %w", deckID, version, ErrNotFound)
	}
	return d, err
}

// InsertDeck stores a new deck version.
func (t *Tx) InsertDeck(ctx context.Context, d *Deck) error {
	if err := t.stampNew(ctx, &d.Meta); err != nil {
		return err
	}
	_, err := t.exec(ctx, `
		INSERT INTO deck (id, origin, hlc, deck_id, version, title, slides, duration_min)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Origin, d.HLC, d.DeckID, d.Version, d.Title, d.Slides, d.DurationMin)
	if err != nil {
		return fmt.Errorf("insert deck: %w", err)
	}
	return t.logChange(ctx, EntityDeck, OpInsert, d.Meta, d)
}

// UpdateDeck rewrites a deck row's title, slide count and duration.
func (t *Tx) UpdateDeck(ctx context.Context, d *Deck) error {
	if err := t.stampUpdate(ctx, &d.Meta); err != nil {
		return err
	}
	res, err := t.exec(ctx, `
		UPDATE deck SET hlc = ?, title = ?, slides = ?, duration_min = ? WHERE id = ?`,
		d.HLC, d.Title, d.Slides, d.DurationMin, d.ID)
	if err := checkUpdated(res, err, "deck", d.ID); err != nil {
		return err
	}
	return t.logChange(ctx, EntityDeck, OpUpdate, d.Meta, d)
}

// --- deck snapshots ---

// HasDeckSnapshot reports whether a deck version's source is stored.
func (t *Tx) HasDeckSnapshot(ctx context.Context, deckID, version string) (bool, error) {
	var has bool
	err := t.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM deck_snapshot WHERE deck_id = ? AND version = ?)`, deckID, version).Scan(&has)
	return has, err
}

// InsertDeckSnapshot stores a deck version's source. A version is stored
// once: a second insert of it fails on the unique key.
func (t *Tx) InsertDeckSnapshot(ctx context.Context, d *DeckSnapshot) error {
	if err := t.stampNew(ctx, &d.Meta); err != nil {
		return err
	}
	d.CreatedAt = normalize(d.CreatedAt)
	_, err := t.exec(ctx, `
		INSERT INTO deck_snapshot (id, origin, hlc, deck_id, version, source, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Origin, d.HLC, d.DeckID, d.Version, d.Source, toMillis(d.CreatedAt))
	if err != nil {
		return fmt.Errorf("insert deck snapshot: %w", err)
	}
	return t.logChange(ctx, EntityDeckSnapshot, OpInsert, d.Meta, d)
}

// DeckSnapshot reads the stored source of a deck version.
func (s *Store) DeckSnapshot(ctx context.Context, deckID, version string) (DeckSnapshot, error) {
	var d DeckSnapshot
	var created int64
	err := s.db.QueryRowContext(ctx, `
		SELECT id, origin, hlc, deck_id, version, source, created_at
		FROM deck_snapshot WHERE deck_id = ? AND version = ?`, deckID, version).
		Scan(&d.ID, &d.Origin, &d.HLC, &d.DeckID, &d.Version, &d.Source, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("deck snapshot %s version %s: %w", deckID, version, ErrNotFound)
	}
	d.CreatedAt = fromMillis(created)
	return d, err
}

// --- sessions ---

const sessionColumns = `id, origin, hlc, deck_id, deck_version, deck_title, slides, duration_min,
	title, unit, venue, form, rapporteur, started_at, ended_at, slide, step, position_at,
	pinned_question, pinned_at, chair, secretary`

// scanSession reads sessionColumns, then into extra any columns a query adds after them.
func scanSession(row rowScanner, extra ...any) (Session, error) {
	var s Session
	var started, positionAt int64
	var ended, pinnedAt sql.NullInt64
	err := row.Scan(append([]any{&s.ID, &s.Origin, &s.HLC, &s.DeckID, &s.DeckVersion, &s.DeckTitle, &s.Slides, &s.DurationMin,
		&s.Title, &s.Unit, &s.Venue, &s.Form, &s.Rapporteur, &started, &ended, &s.Slide, &s.Step, &positionAt,
		&s.PinnedQuestion, &pinnedAt, &s.Chair, &s.Secretary}, extra...)...)
	if err != nil {
		return s, err
	}
	s.PinnedAt = timePtr(pinnedAt)
	s.StartedAt = fromMillis(started)
	s.PositionAt = fromMillis(positionAt)
	if ended.Valid {
		t := fromMillis(ended.Int64)
		s.EndedAt = &t
	}
	return s, nil
}

func readSession(ctx context.Context, q querier, id string) (Session, error) {
	s, err := scanSession(q.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM session WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	return s, err
}

// readOpenSession returns the device's session that has not ended, or nil.
func readOpenSession(ctx context.Context, q querier, deviceID string) (*Session, error) {
	s, err := scanSession(q.QueryRowContext(ctx,
		`SELECT `+sessionColumns+` FROM session WHERE origin = ? AND ended_at IS NULL`, deviceID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &s, nil
}

func readSessions(ctx context.Context, q querier, query string, args ...any) ([]Session, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+sessionColumns+` FROM session `+query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var sessions []Session
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		sessions = append(sessions, s)
	}
	return sessions, rows.Err()
}

// Session reads a session by its full id.
func (s *Store) Session(ctx context.Context, id string) (Session, error) {
	return readSession(ctx, s.db, id)
}

// Session reads a session by its full id inside the transaction.
func (t *Tx) Session(ctx context.Context, id string) (Session, error) {
	return readSession(ctx, t, id)
}

// OpenSession returns this device's session that has not ended, or nil.
func (s *Store) OpenSession(ctx context.Context) (*Session, error) {
	return readOpenSession(ctx, s.db, s.deviceID)
}

// OpenSession returns this device's session that has not ended, or nil.
func (t *Tx) OpenSession(ctx context.Context) (*Session, error) {
	return readOpenSession(ctx, t, t.deviceID)
}

// Sessions lists sessions, newest first; limit <= 0 means all.
func (s *Store) Sessions(ctx context.Context, limit int) ([]Session, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	return readSessions(ctx, s.db, `ORDER BY started_at DESC, id DESC LIMIT ?`, limit)
}

// SessionsWithPrefix lists up to limit sessions whose id starts with prefix.
// Ids are lowercase hex and dashes, all below '~', so the range walks the
// primary key instead of scanning.
func (s *Store) SessionsWithPrefix(ctx context.Context, prefix string, limit int) ([]Session, error) {
	return readSessions(ctx, s.db, `WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`, prefix, prefix+"~", limit)
}

// Position reads what a poller needs with one prepared, indexed SELECT.
func (s *Store) Position(ctx context.Context, id string) (Position, error) {
	var p Position
	var at int64
	var q Pinned
	err := s.positionStmt.QueryRowContext(ctx, id).Scan(&p.Slide, &p.Step, &at, &p.Ended,
		&q.ID, &q.Number, &q.Slide, &q.Text, &q.AskerName, &q.AskerUnit, &q.Press, &p.Black)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	p.At = fromMillis(at)
	if q.ID != "" {
		p.Pinned = &q
	}
	return p, err
}

// InsertSession stores a new session.
func (t *Tx) InsertSession(ctx context.Context, s *Session) error {
	if err := t.stampNew(ctx, &s.Meta); err != nil {
		return err
	}
	normalizeSession(s)
	_, err := t.exec(ctx, `INSERT INTO session (`+sessionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.Origin, s.HLC, s.DeckID, s.DeckVersion, s.DeckTitle, s.Slides, s.DurationMin,
		s.Title, s.Unit, s.Venue, s.Form, s.Rapporteur,
		toMillis(s.StartedAt), endedMillis(s), s.Slide, s.Step, toMillis(s.PositionAt),
		s.PinnedQuestion, millisPtr(s.PinnedAt), s.Chair, s.Secretary)
	if err != nil {
		return fmt.Errorf("insert session: %w", err)
	}
	return t.logChange(ctx, EntitySession, OpInsert, s.Meta, s)
}

// UpdateSession rewrites what can change in a session: its descriptive
// fields, its end and its position. The deck and start time stay.
func (t *Tx) UpdateSession(ctx context.Context, s *Session) error {
	if err := t.stampUpdate(ctx, &s.Meta); err != nil {
		return err
	}
	normalizeSession(s)
	res, err := t.exec(ctx, `
		UPDATE session SET hlc = ?, title = ?, unit = ?, venue = ?, form = ?, rapporteur = ?,
			ended_at = ?, slide = ?, step = ?, position_at = ?, pinned_question = ?, pinned_at = ?,
			chair = ?, secretary = ?
		WHERE id = ?`,
		s.HLC, s.Title, s.Unit, s.Venue, s.Form, s.Rapporteur,
		endedMillis(s), s.Slide, s.Step, toMillis(s.PositionAt), s.PinnedQuestion, millisPtr(s.PinnedAt),
		s.Chair, s.Secretary, s.ID)
	if err := checkUpdated(res, err, "session", s.ID); err != nil {
		return err
	}
	return t.logChange(ctx, EntitySession, OpUpdate, s.Meta, s)
}

func normalizeSession(s *Session) {
	s.StartedAt = normalize(s.StartedAt)
	s.PositionAt = normalize(s.PositionAt)
	s.EndedAt = normalizePtr(s.EndedAt)
	s.PinnedAt = normalizePtr(s.PinnedAt)
}

func endedMillis(s *Session) any {
	if s.EndedAt == nil {
		return nil
	}
	return toMillis(*s.EndedAt)
}

// --- slide views ---

// InsertSlideView adds a step to a session's timeline.
func (t *Tx) InsertSlideView(ctx context.Context, v *SlideView) error {
	if err := t.stampNew(ctx, &v.Meta); err != nil {
		return err
	}
	v.ShownAt = normalize(v.ShownAt)
	_, err := t.exec(ctx, `
		INSERT INTO slide_view (id, origin, hlc, session_id, slide, step, shown_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		v.ID, v.Origin, v.HLC, v.SessionID, v.Slide, v.Step, toMillis(v.ShownAt))
	if err != nil {
		return fmt.Errorf("insert slide view: %w", err)
	}
	return t.logChange(ctx, EntitySlideView, OpInsert, v.Meta, v)
}

// SessionWithViews reads a session and its slide views, in the order they
// were shown, from one snapshot.
func (s *Store) SessionWithViews(ctx context.Context, id string) (Session, []SlideView, error) {
	var session Session
	var views []SlideView
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if session, err = readSession(ctx, tx, id); err != nil {
			return err
		}
		views, err = readSlideViews(ctx, tx, id)
		return err
	})
	return session, views, err
}

// Ordered by stamp, not by shown_at: stamps of one device never go back,
// the wall clock may.
func readSlideViews(ctx context.Context, q querier, sessionID string) ([]SlideView, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, origin, hlc, session_id, slide, step, shown_at
		FROM slide_view WHERE session_id = ? ORDER BY hlc`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var views []SlideView
	for rows.Next() {
		var v SlideView
		var shown int64
		if err := rows.Scan(&v.ID, &v.Origin, &v.HLC, &v.SessionID, &v.Slide, &v.Step, &shown); err != nil {
			return nil, err
		}
		v.ShownAt = fromMillis(shown)
		views = append(views, v)
	}
	return views, rows.Err()
}

// --- change log ---

// Changes lists this device's change-log rows after seq, oldest first, up to
// limit (<= 0: all).
func (s *Store) Changes(ctx context.Context, afterSeq int64, limit int) ([]Change, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT device_id, seq, entity, record_id, hlc, op, payload_json, created_at
		FROM change_log WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
		s.deviceID, afterSeq, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var changes []Change
	for rows.Next() {
		var c Change
		var payload string
		var created int64
		if err := rows.Scan(&c.DeviceID, &c.Seq, &c.Entity, &c.RecordID, &c.HLC, &c.Op, &payload, &created); err != nil {
			return nil, err
		}
		c.Payload = []byte(payload)
		c.CreatedAt = fromMillis(created)
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// checkUpdated turns "no row matched" into ErrNotFound.
func checkUpdated(res sql.Result, err error, entity, id string) error {
	if err != nil {
		return fmt.Errorf("update %s %s: %w", entity, id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %s: %w", entity, id, ErrNotFound)
	}
	return nil
}
