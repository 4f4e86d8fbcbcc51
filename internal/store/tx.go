package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Tx is a write transaction. Its Insert and Update methods are the only way
// syncable records change: each stamps the record and logs it.
type Tx struct {
	tx       *sql.Tx
	deviceID string
	now      func() time.Time
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
	var wall int64
	var counter int
	err := t.tx.QueryRowContext(ctx,
		`SELECT wall_ms, counter FROM clock WHERE device_id = ?`, t.deviceID).Scan(&wall, &counter)
	if err != nil {
		return "", fmt.Errorf("read clock: %w", err)
	}
	if now := t.now().UnixMilli(); now > wall {
		wall, counter = now, 0
	} else if counter < maxCounter {
		counter++
	} else {
		wall, counter = wall+1, 0
	}
	_, err = t.tx.ExecContext(ctx,
		`UPDATE clock SET wall_ms = ?, counter = ? WHERE device_id = ?`, wall, counter, t.deviceID)
	if err != nil {
		return "", fmt.Errorf("advance clock: %w", err)
	}
	return formatHLC(wall, counter, t.deviceID), nil
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
	_, err = t.tx.ExecContext(ctx, `
		INSERT INTO change_log (device_id, seq, entity, record_id, hlc, op, payload_json, created_at)
		SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7
		FROM change_log WHERE device_id = ?1`,
		t.deviceID, entity, m.ID, m.HLC, op, string(payload), t.now().UnixMilli())
	if err != nil {
		return fmt.Errorf("log %s %s: %w", entity, m.ID, err)
	}
	return nil
}
