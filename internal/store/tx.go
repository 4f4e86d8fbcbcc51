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

// hlcSpan is how many stamps one millisecond holds: counter 0..maxCounter.
const hlcSpan = maxCounter + 1

// nextHLCs advances the clock by n stamps with one statement. A stamp read
// as the number wall*hlcSpan+counter is one of a sequence: the next one is
// the later of the wall clock now and the last stamp plus one (a counter
// past its five digits borrows the next millisecond), and n stamps are that
// and the n-1 after it. The clock keeps the last.
func (t *Tx) nextHLCs(ctx context.Context, n int) ([]string, error) {
	var wall, counter int64
	err := t.QueryRowContext(ctx, `
		UPDATE clock SET
			wall_ms = (max(?1 * ?2, wall_ms * ?2 + counter + 1) + ?3 - 1) / ?2,
			counter = (max(?1 * ?2, wall_ms * ?2 + counter + 1) + ?3 - 1) % ?2
		WHERE device_id = ?4 RETURNING wall_ms, counter`,
		t.now().UnixMilli(), hlcSpan, n, t.deviceID).Scan(&wall, &counter)
	if err != nil {
		return nil, fmt.Errorf("advance clock: %w", err)
	}
	first := wall*hlcSpan + counter - int64(n-1)
	stamps := make([]string, n)
	for i := range stamps {
		v := first + int64(i)
		stamps[i] = formatHLC(v/hlcSpan, int(v%hlcSpan), t.deviceID)
	}
	return stamps, nil
}

// stampNew gives new records their ids (unless the caller chose them), this
// device as origin, and fresh stamps, with one clock step for them all.
func (t *Tx) stampNew(ctx context.Context, ms ...*Meta) error {
	stamps, err := t.nextHLCs(ctx, len(ms))
	if err != nil {
		return err
	}
	for i, m := range ms {
		if m.ID == "" {
			m.ID = newID()
		}
		m.Origin, m.HLC = t.deviceID, stamps[i]
	}
	return nil
}

// stampUpdate gives an existing record a fresh stamp, and any new records
// written with it (a question's next version) theirs, in one clock step. A
// device writes only its own records; others reach it through sync.
func (t *Tx) stampUpdate(ctx context.Context, m *Meta, news ...*Meta) error {
	if m.Origin != t.deviceID {
		return fmt.Errorf("record %s belongs to device %s, not this one", m.ID, m.Origin)
	}
	stamps, err := t.nextHLCs(ctx, 1+len(news))
	if err != nil {
		return err
	}
	m.HLC = stamps[0]
	for i, nm := range news {
		if nm.ID == "" {
			nm.ID = newID()
		}
		nm.Origin, nm.HLC = t.deviceID, stamps[1+i]
	}
	return nil
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
