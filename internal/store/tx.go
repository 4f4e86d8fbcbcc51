package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Tx is a write transaction. Its Insert and Update methods are the only way
// syncable records change: each stamps the record and logs it.
type Tx struct {
	tx       *sql.Tx
	deviceID string
	now      func() time.Time
	stmts    *stmtCache
}

// DeviceID is this device's id.
func (t *Tx) DeviceID() string { return t.deviceID }

// maxCounter is the largest HLC counter that fits its five digits; past it the
// stamp borrows the next millisecond, which keeps the text order right.
const maxCounter = 99999

// formatHLC makes a stamp whose text order is its time order: wall-clock
// milliseconds, a counter for writes within one millisecond (or while the
// wall clock is behind the last stamp), and the device id to break ties
// between devices. The whole id is used because a UUIDv7 prefix is only its
// timestamp and would not tell two devices apart.
func formatHLC(wallMS int64, counter int, deviceID string) string {
	return fmt.Sprintf("%013d-%05d-%s", wallMS, counter, deviceID)
}

// nextHLC advances this device's clock. The state lives in the database and
// is read and written inside the write transaction, so stamps keep rising
// across processes, restarts and a wall clock set back.
func (t *Tx) nextHLC(ctx context.Context) (string, error) {
	stamps, err := t.nextHLCs(ctx, 1)
	if err != nil {
		return "", err
	}
	return stamps[0], nil
}

// nextHLCs advances the clock by n stamps with one statement, for bulk
// writes such as a roster import. SET expressions see the row as it was, so
// the statement is the same rule as for one stamp, then the rest of the
// stamps count on from it in Go and the clock is moved past them.
func (t *Tx) nextHLCs(ctx context.Context, n int) ([]string, error) {
	var wall int64
	var counter int
	err := t.QueryRowContext(ctx, `
		UPDATE clock SET
			wall_ms = CASE WHEN ?1 > wall_ms THEN ?1 WHEN counter < ?2 THEN wall_ms ELSE wall_ms + 1 END,
			counter = CASE WHEN ?1 > wall_ms THEN 0 WHEN counter < ?2 THEN counter + 1 ELSE 0 END
		WHERE device_id = ?3 RETURNING wall_ms, counter`,
		t.now().UnixMilli(), maxCounter, t.deviceID).Scan(&wall, &counter)
	if err != nil {
		return nil, fmt.Errorf("advance clock: %w", err)
	}
	stamps := make([]string, n)
	for i := range stamps {
		if i > 0 {
			if counter < maxCounter {
				counter++
			} else {
				wall, counter = wall+1, 0
			}
		}
		stamps[i] = formatHLC(wall, counter, t.deviceID)
	}
	if n > 1 {
		_, err = t.exec(ctx,
			`UPDATE clock SET wall_ms = ?, counter = ? WHERE device_id = ?`, wall, counter, t.deviceID)
		if err != nil {
			return nil, fmt.Errorf("advance clock: %w", err)
		}
	}
	return stamps, nil
}

// stampNew gives a new record its id (unless the caller chose one), this
// device as origin, and a fresh stamp.
func (t *Tx) stampNew(ctx context.Context, m *Meta) error {
	if m.ID == "" {
		m.ID = newID()
	}
	m.Origin = t.deviceID
	hlc, err := t.nextHLC(ctx)
	m.HLC = hlc
	return err
}

// stampUpdate gives an existing record a fresh stamp. A device writes only
// its own records; others reach it through sync.
func (t *Tx) stampUpdate(ctx context.Context, m *Meta) error {
	if m.Origin != t.deviceID {
		return fmt.Errorf("record %s belongs to device %s, not this one", m.ID, m.Origin)
	}
	hlc, err := t.nextHLC(ctx)
	m.HLC = hlc
	return err
}

// logChange appends rec, whole, to the change log with the next sequence
// number of this device. Being in the write transaction, numbers have no gaps.
func (t *Tx) logChange(ctx context.Context, entity, op string, m Meta, rec any) error {
	payload, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("log %s %s: %w", entity, m.ID, err)
	}
	return t.logPayload(ctx, entity, op, m.ID, m.HLC, payload)
}

// logPayload appends an encoded payload to the change log.
func (t *Tx) logPayload(ctx context.Context, entity, op, recordID, hlc string, payload []byte) error {
	_, err := t.exec(ctx, `
		INSERT INTO change_log (device_id, seq, entity, record_id, hlc, op, payload_json, created_at)
		SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7
		FROM change_log WHERE device_id = ?1`,
		t.deviceID, entity, recordID, hlc, op, string(payload), t.now().UnixMilli())
	if err != nil {
		return fmt.Errorf("log %s %s: %w", entity, recordID, err)
	}
	return nil
}

// rowsPerInsert is the rows of a multi-row INSERT: with up to 14 columns,
// well under SQLite's limit of 32766 bound parameters. Bulk writers send
// multiples of it, so that one prepared statement serves every chunk.
const rowsPerInsert = 250

// execRows runs "prefix (?, ...), (?, ...)" for rows rows. The one-row and
// full-chunk statements are kept prepared; a last, shorter chunk is not, so
// the cache does not fill with every size.
func (t *Tx) execRows(ctx context.Context, prefix string, rows, cols int, args ...any) (sql.Result, error) {
	query := prefix + valuesList(rows, cols)
	if rows == 1 || rows == rowsPerInsert {
		return t.exec(ctx, query, args...)
	}
	return t.tx.ExecContext(ctx, query, args...)
}

// valuesList is "(?, ?), (?, ?)" for rows rows of cols columns.
func valuesList(rows, cols int) string {
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	var b strings.Builder
	b.Grow(rows * (len(row) + 2))
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}

// inChunks calls f over [0, n) in pieces of at most size.
func inChunks(n, size int, f func(lo, hi int) error) error {
	for lo := 0; lo < n; lo += size {
		if err := f(lo, min(lo+size, n)); err != nil {
			return err
		}
	}
	return nil
}

// GrowCache lets this transaction's connection cache up to mb megabytes of
// pages, so a bulk write of tens of megabytes is not spilled to the WAL page
// by page before its commit. For one-shot commands: the connection keeps the
// larger cache until it closes.
func (t *Tx) GrowCache(ctx context.Context, mb int) error {
	_, err := t.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", mb*1024))
	return err
}
