package hub

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"briefing/internal/sync"
)

// heldColumns are what readHeld reads; payload is the first 8 KiB of it
// when only listing (enough for the unit and title shown, and a list of
// thousands of large held records stays small).
func heldColumns(listing bool) string {
	payload := "h.payload"
	if listing {
		payload = "substr(h.payload, 1, 8192)"
	}
	return `h.id, h.device_id, d.name, h.epoch, h.seq, h.entity, h.op, h.record_id, h.hlc, ` + payload + `, h.session_id,
	h.reason, h.field, h.message, h.held_at, h.released_at, h.released_by, h.dropped`
}

// Held lists the records the hub holds (with all, released ones too), in
// the order their devices wrote them.
func (s *SQLite) Held(ctx context.Context, all bool) ([]Held, error) {
	var out []Held
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = readHeld(ctx, tx, all, nil, true)
		return err
	})
	return out, err
}

// HeldCount counts a device's records still held.
func (s *SQLite) HeldCount(ctx context.Context, deviceID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM held WHERE device_id = ? AND released_at IS NULL`, deviceID).Scan(&n)
	return n, err
}

// readHeld reads held records: every one (all) or those still held, only
// those of ids when ids is not empty; listing reads only the start of
// their payloads.
func readHeld(ctx context.Context, tx *sql.Tx, all bool, ids []string, listing bool) ([]Held, error) {
	q := `SELECT ` + heldColumns(listing) + ` FROM held h JOIN device d ON d.id = h.device_id WHERE 1 = 1`
	var args []any
	if !all {
		q += ` AND h.released_at IS NULL`
	}
	if len(ids) > 0 {
		// A chosen record comes with its other held states (a session's
		// end) and, for a session, what was held under it.
		q += ` AND EXISTS (SELECT 1 FROM held c WHERE c.id IN (?` + strings.Repeat(", ?", len(ids)-1) + `)
			AND c.device_id = h.device_id AND (c.entity = h.entity AND c.record_id = h.record_id
				OR c.entity = 'session' AND h.session_id = c.record_id))`
		for _, id := range ids {
			args = append(args, id)
		}
	}
	q += ` ORDER BY h.device_id, h.epoch, h.seq, h.id`
	return scanHeld(ctx, tx, q, args...)
}

// scanHeld runs a query of heldColumns.
func scanHeld(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]Held, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Held
	for rows.Next() {
		var h Held
		var at int64
		var released sql.NullInt64
		if err := rows.Scan(&h.ID, &h.Device, &h.DeviceName, &h.Epoch, &h.Seq, &h.Entity, &h.op, &h.RecordID, &h.hlc,
			&h.payload, &h.SessionID, &h.Reason, &h.Field, &h.Message, &at, &released, &h.ReleasedBy, &h.Dropped); err != nil {
			return nil, err
		}
		h.HeldAt = time.UnixMilli(at).UTC()
		var shown struct{ Unit, Title, Text string }
		json.Unmarshal([]byte(h.payload), &shown) // what the district reads to decide; none is fine
		h.Unit, h.Title = shown.Unit, cmp.Or(shown.Title, shown.Text)
		h.ReleasedAt = fromMS(released)
		out = append(out, h)
	}
	return out, rows.Err()
}

// Release applies held records again, in the order their devices wrote
// them: those of ids (every one still held when ids is empty). A record
// that passes now (the catalog gained the unit or an alias, the hub learnt
// a field) is applied; with accept, the district accepts records held for
// their unit, and what was held under an accepted session. A record that
// fails again stays held. by names who released them.
func (s *SQLite) Release(ctx context.Context, ids []string, accept bool, by string, now time.Time) (released, still []Held, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		ids, err := heldIDs(ctx, tx, ids)
		if err != nil {
			return err
		}
		held, err := readHeld(ctx, tx, false, ids, false)
		if err != nil {
			return err
		}
		if released, still, err = s.releaseIn(ctx, tx, held, accept, by, now); err != nil {
			return err
		}
		var sessions []string
		for _, h := range released {
			if h.Entity == "session" {
				sessions = append(sessions, h.RecordID)
			}
		}
		more, err := s.releaseWaiting(ctx, tx, sessions, by, now)
		released = append(released, more...)
		return err
	})
	return released, still, err
}

// releaseWaiting checks and applies the records (of any laptop) that
// waited for one of sessions, now at the hub: as a push that brings a
// session does, and an acceptance that applies one.
func (s *SQLite) releaseWaiting(ctx context.Context, tx *sql.Tx, sessions []string, by string, now time.Time) ([]Held, error) {
	if len(sessions) == 0 {
		return nil, nil
	}
	waiting, err := heldUnder(ctx, tx, sessions)
	if err != nil {
		return nil, err
	}
	released, _, err := s.releaseIn(ctx, tx, waiting, false, by, now)
	return released, err
}

// Drop sets held records aside for good (the district looked and will not
// have them: another laptop's record, one no hub version will read): they
// no longer count against the device, and the same state pushed again is
// not held again.
func (s *SQLite) Drop(ctx context.Context, ids []string, by string, now time.Time) ([]Held, error) {
	var out []Held
	err := s.tx(ctx, func(tx *sql.Tx) error {
		full, err := heldIDs(ctx, tx, ids)
		if err != nil {
			return err
		}
		for _, id := range full {
			if _, err := tx.ExecContext(ctx, `UPDATE held SET released_at = ?, released_by = ?, dropped = 1
				WHERE id = ? AND released_at IS NULL`, ms(now), by, id); err != nil {
				return err
			}
		}
		out, err = scanHeld(ctx, tx, `SELECT `+heldColumns(true)+` FROM held h JOIN device d ON d.id = h.device_id
			WHERE h.id IN (?`+strings.Repeat(", ?", len(full)-1)+`)`, anySlice(full)...)
		return err
	})
	return out, err
}

// DropDevice drops every record still held of a device (the district looked
// at a laptop's held records and takes none of them).
func (s *SQLite) DropDevice(ctx context.Context, deviceID, by string, now time.Time) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE held SET released_at = ?, released_by = ?, dropped = 1
			WHERE device_id = ? AND released_at IS NULL`, ms(now), by, deviceID)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// releaseIn applies held records again inside tx, each with its own
// device's rights (Release; and a push that brought the session some waited
// for).
func (s *SQLite) releaseIn(ctx context.Context, tx *sql.Tx, held []Held, accept bool, by string, now time.Time) (released, still []Held, err error) {
	cat, err := readCatalog(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	var p *pusher
	for _, h := range held {
		if p == nil || p.dev.ID != h.Device || p.epoch != h.Epoch {
			if p != nil {
				if err := p.flush(); err != nil {
					return nil, nil, err
				}
			}
			var unitID string
			if err := tx.QueryRowContext(ctx, `SELECT unit_id FROM device WHERE id = ?`, h.Device).Scan(&unitID); err != nil {
				return nil, nil, err
			}
			p = &pusher{s: s, tx: tx, ctx: ctx, dev: Device{ID: h.Device, UnitID: unitID}, epoch: h.Epoch, now: now,
				release: true, cat: cat, scope: cat.Scope(unitID)}
		}
		p.accept = accept && h.Reason == sync.HeldScope
		ok, err := p.reapply(h)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			// Held again: for the reason it has now (a record that
			// waited for its session may now be outside its units).
			again := p.held[len(p.held)-1]
			h.Reason, h.Field, h.Message = again.Reason, again.Field, again.Message
			if _, err := tx.ExecContext(ctx, `UPDATE held SET reason = ?, field = ?, message = ? WHERE id = ?`,
				h.Reason, h.Field, h.Message, h.ID); err != nil {
				return nil, nil, err
			}
			still = append(still, h)
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE held SET released_at = ?, released_by = ? WHERE id = ?`, ms(now), by, h.ID); err != nil {
			return nil, nil, err
		}
		t := now.UTC()
		h.ReleasedAt, h.ReleasedBy = &t, by
		released = append(released, h)
	}
	if p != nil {
		if err := p.flush(); err != nil {
			return nil, nil, err
		}
	}
	return released, still, nil
}

// heldUnder reads the records still held waiting for one of sessions.
func heldUnder(ctx context.Context, tx *sql.Tx, sessions []string) ([]Held, error) {
	q := `SELECT ` + heldColumns(false) + ` FROM held h JOIN device d ON d.id = h.device_id
		WHERE h.released_at IS NULL AND h.reason = ? AND h.session_id IN (?` + strings.Repeat(", ?", len(sessions)-1) + `)
		ORDER BY h.device_id, h.epoch, h.seq, h.id`
	args := []any{sync.HeldSession}
	for _, id := range sessions {
		args = append(args, id)
	}
	return scanHeld(ctx, tx, q, args...)
}

// heldIDs resolves refs (ids, or their starts) to the ids of records
// still held (ErrNotFound, ErrAmbiguous).
func heldIDs(ctx context.Context, tx *sql.Tx, refs []string) ([]string, error) {
	ids := make([]string, len(refs))
	for i, ref := range refs {
		var err error
		if ids[i], err = heldID(ctx, tx, ref); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// heldID is the id of the record still held that ref names: its id, or
// the start of it (4 characters or more) when no other one starts so.
func heldID(ctx context.Context, tx *sql.Tx, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	rows, err := tx.QueryContext(ctx, `SELECT id FROM held WHERE released_at IS NULL
		AND (id = ? OR (length(?) >= 4 AND substr(id, 1, length(?)) = ?)) LIMIT 2`, ref, ref, ref, ref)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
		if id == ref {
			return id, nil
		}
		found = append(found, id)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("%w: held record %s (or it was released already)", ErrNotFound, ref)
	case 1:
		return found[0], nil
	}
	return "", fmt.Errorf("%w: held record %s", ErrAmbiguous, ref)
}

// reapply checks and applies one held record again through the push's
// path; false when it is held again (p.held says why).
func (p *pusher) reapply(h Held) (bool, error) {
	before := len(p.held)
	recs, err := checkRecords(h.Seq, h.Entity, h.op, h.RecordID, h.hlc, []byte(h.payload), h.Device)
	c := checked{Change: sync.Change{Seq: h.Seq, Entity: h.Entity, Op: h.op, RecordID: h.RecordID, HLC: h.hlc,
		Payload: []byte(h.payload)}, recs: recs}
	if err != nil {
		c.held = asFieldError(h.Seq, err)
	}
	// A session's unit may change what is held under it: ask again.
	clear(p.sessions)
	if err := p.apply(c); err != nil {
		return false, err
	}
	// A buffered row refused for its origin is held when written.
	if err := p.flush(); err != nil {
		return false, err
	}
	return len(p.held) == before, nil
}
