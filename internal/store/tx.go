package store

import (
	"briefing/internal/sqlitedb"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"
)

// Tx is a write transaction. Its Insert and Update methods are the only way
// syncable records change: each stamps the record and logs it.
type Tx struct {
	tx       *sql.Tx
	path     string // the database file
	deviceID string
	now      func() time.Time
	stmts    *sqlitedb.StmtCache
	clk      *txClock
}

// DeviceID is this device's id.
func (t *Tx) DeviceID() string { return t.deviceID }

// CheckTable checks table and its indexes page by page (quick_check(table))
// when the file is larger than CheckLimit, which Open does not check whole: a
// write that is confirmed to the user (a check-in's ✓) first checks the table
// it writes, in time proportional to that table, not to the file (seconds
// for a city's roster). A damaged table is a *sqlitedb.DamagedError; damage
// elsewhere in the file is not looked for (see CheckLimit).
func (t *Tx) CheckTable(ctx context.Context, table string) error {
	if st, err := os.Stat(t.path); err != nil || st.Size() <= CheckLimit {
		return nil
	}
	return sqlitedb.CheckTable(ctx, t.tx, t.path, table)
}

// maxCounter is the largest HLC counter that fits its five digits; past it the
// stamp borrows the next millisecond, which keeps the text order right.
const maxCounter = 99999

// formatHLC makes a stamp whose text order is its time order: wall-clock
// milliseconds, a counter for writes within one millisecond (or while the
// wall clock is behind the last stamp), and the device id to break ties
// between devices. The whole id is used because a UUIDv7 prefix is only its
// timestamp and would not tell two devices apart.
func formatHLC(wallMS int64, counter int, deviceID string) string {
	b := make([]byte, 0, 20+len(deviceID)) // a bulk insert makes 100,000: no Sprintf
	b = appendZeroPadded(b, wallMS, 13)
	b = append(b, '-')
	b = appendZeroPadded(b, int64(counter), 5)
	b = append(b, '-')
	return string(append(b, deviceID...))
}

// appendZeroPadded appends v (not negative) in at least width digits.
func appendZeroPadded(b []byte, v int64, width int) []byte {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], v, 10)
	for range width - len(d) {
		b = append(b, '0')
	}
	return append(b, d...)
}

// nextHLC advances this device's clock by one stamp.
func (t *Tx) nextHLC(ctx context.Context) (string, error) {
	stamps, err := t.nextHLCs(ctx, 1)
	if err != nil {
		return "", err
	}
	return stamps[0], nil
}

// hlcSpan is how many stamps one millisecond holds: counter 0..maxCounter.
const hlcSpan = maxCounter + 1

// txClock is the device's clock and change-log position as this write
// transaction sees them. Stamps are numbers wall*hlcSpan+counter, a plain
// sequence: a counter past its five digits borrows the next millisecond.
//
// The clock's state is the later of the clock row and the stamp of the
// device's last change-log entry. Every stamped write is logged in its
// transaction, so the log alone usually keeps the clock, and a check-in
// writes no clock row: one statement and one flushed page fewer. The row is
// written at commit only when a stamp went out that the last entry does not
// cover (and by sync, when a remote stamp is ahead).
type txClock struct {
	row    int64 // the clock row's stamp
	last   int64 // the last stamp issued or seen
	seq    int64 // the last change-log sequence number
	logged int64 // the stamp of the last change-log entry
}

// clock reads the state once per transaction; the write lock, taken at
// BEGIN, keeps it true until commit.
func (t *Tx) clock(ctx context.Context) (*txClock, error) {
	if t.clk != nil {
		return t.clk, nil
	}
	var row, seq int64
	var hlc string
	err := t.QueryRowContext(ctx, `SELECT `+clockColumns("?1"), t.deviceID).Scan(&row, &seq, &hlc)
	if err != nil {
		return nil, fmt.Errorf("read clock: %w", err)
	}
	return t.setClock(row, seq, hlc)
}

// clockColumns selects the clock's state as three columns, device the
// parameter that holds this device's id. A query that a write runs anyway
// can carry them and pass them to setClock, which saves the clock its own
// statement (CheckInState does).
func clockColumns(device string) string {
	return `(SELECT wall_ms * ` + strconv.Itoa(hlcSpan) + ` + counter FROM clock WHERE device_id = ` + device + `),
		COALESCE((SELECT seq FROM change_log ORDER BY seq DESC LIMIT 1), 0),
		COALESCE((SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1), '')`
}

// setClock takes the state read by clockColumns as this transaction's.
func (t *Tx) setClock(row, seq int64, hlc string) (*txClock, error) {
	c := txClock{row: row, seq: seq}
	if hlc != "" {
		var err error
		if c.logged, err = parseHLC(hlc); err != nil {
			return nil, fmt.Errorf("read clock: change log entry %d: %w", seq, err)
		}
	}
	c.last = max(c.row, c.logged)
	t.clk = &c
	return t.clk, nil
}

// parseHLC reads a stamp made by formatHLC back as a number.
func parseHLC(hlc string) (int64, error) {
	if len(hlc) < 20 || hlc[13] != '-' || hlc[19] != '-' {
		return 0, fmt.Errorf("malformed stamp %q", hlc)
	}
	wall, err1 := strconv.ParseInt(hlc[:13], 10, 64)
	counter, err2 := strconv.ParseInt(hlc[14:19], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("malformed stamp %q", hlc)
	}
	return wall*hlcSpan + counter, nil
}

// nextHLCs advances the clock by n stamps: the first is the later of the
// wall clock now and the last stamp plus one, the rest follow it, so stamps
// keep rising across processes, restarts and a wall clock set back.
func (t *Tx) nextHLCs(ctx context.Context, n int) ([]string, error) {
	c, err := t.clock(ctx)
	if err != nil {
		return nil, err
	}
	first := max(t.now().UnixMilli()*hlcSpan, c.last+1)
	c.last = first + int64(n-1)
	stamps := make([]string, n)
	for i := range stamps {
		v := first + int64(i)
		stamps[i] = formatHLC(v/hlcSpan, int(v%hlcSpan), t.deviceID)
	}
	return stamps, nil
}

// saveClock writes the clock row before commit if a stamp went out that the
// last change-log entry does not cover.
func (t *Tx) saveClock(ctx context.Context) error {
	c := t.clk
	if c == nil || c.last <= max(c.row, c.logged) {
		return nil
	}
	_, err := t.exec(ctx, `UPDATE clock SET wall_ms = ?, counter = ? WHERE device_id = ?`,
		c.last/hlcSpan, c.last%hlcSpan, t.deviceID)
	if err != nil {
		return fmt.Errorf("save clock: %w", err)
	}
	c.row = c.last
	return nil
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

// logPayload appends an encoded payload to the change log, numbered after
// the last entry. hlc is a stamp of this device's clock.
func (t *Tx) logPayload(ctx context.Context, entity, op, recordID, hlc string, payload []byte) error {
	fail := func(err error) error { return fmt.Errorf("log %s %s: %w", entity, recordID, err) }
	c, err := t.clock(ctx)
	if err != nil {
		return fail(err)
	}
	stamp, err := parseHLC(hlc)
	if err != nil {
		return fail(err)
	}
	_, err = t.exec(ctx, `
		INSERT INTO change_log (device_id, seq, entity, record_id, hlc, op, payload_json, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		t.deviceID, c.seq+1, entity, recordID, hlc, op, string(payload), t.now().UnixMilli())
	if err != nil {
		return fail(err)
	}
	c.seq, c.logged = c.seq+1, stamp
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
	query := prefix + sqlitedb.ValuesList(rows, cols)
	if rows == 1 || rows == rowsPerInsert {
		return t.exec(ctx, query, args...)
	}
	return t.tx.ExecContext(ctx, query, args...)
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
