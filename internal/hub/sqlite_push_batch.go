package hub

import (
	"briefing/internal/sqlitedb"
	"database/sql"
	"strings"
)

// A push of 1000 changes writes them with multi-row statements: one row per
// statement cost modernc's SQLite most of a push's time. The statements
// are portable (ON CONFLICT runs on PostgreSQL too) and count the rows they
// wrote, so no row needs a statement of its own unless one was not written.

// rowsPerStatement is the rows of one multi-row INSERT: 250 rows of up to
// 12 columns stay far below SQLite's 32766 bound parameters. A batch of
// MaxPushChanges is four such statements, prepared once per push.
const rowsPerStatement = 250

// execRows runs a multi-row statement, prepared once when it is a full
// chunk (a shorter last chunk is run unprepared, so the cache holds one
// statement per table).
func (p *pusher) execRows(q string, prepared bool, args ...any) (sql.Result, error) {
	if !prepared {
		return p.tx.ExecContext(p.ctx, q, args...)
	}
	return p.exec(q, args...)
}

// store keeps every change of the batch under its unique key (device,
// epoch, seq); a key held before with another hash is a conflict. A batch
// that follows the acknowledged number applies now: its payloads need not
// be kept; one after a gap keeps them to wait.
func (p *pusher) store(batch []checked, inOrder bool) error {
	const cols = 12
	var written int64
	args := make([]any, 0, rowsPerStatement*cols)
	for lo := 0; lo < len(batch); lo += rowsPerStatement {
		hi := min(lo+rowsPerStatement, len(batch))
		args = args[:0]
		for _, c := range batch[lo:hi] {
			payload, applied := string(c.Payload), 0
			if inOrder {
				payload, applied = "", 1
			}
			args = append(args, p.dev.ID, p.epoch, c.Seq, c.hash, c.Entity, c.RecordID, c.HLC, c.Op, payload, applied,
				boolInt(c.ahead), ms(p.now))
		}
		q := `INSERT INTO change_in (device_id, epoch, seq, hash, entity, record_id, hlc, op, payload, applied, clock_ahead,
			received_at) VALUES ` + sqlitedb.ValuesList(hi-lo, cols) + ` ON CONFLICT (device_id, epoch, seq) DO NOTHING`
		res, err := p.execRows(q, hi-lo == rowsPerStatement, args...)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		written += n
	}
	if written == int64(len(batch)) {
		return nil
	}
	// Keys held before: a repeat is one with the same hash.
	held := map[int64]string{}
	rows, err := p.tx.QueryContext(p.ctx, `SELECT seq, hash FROM change_in WHERE device_id = ? AND epoch = ? AND seq >= ? AND seq <= ?`,
		p.dev.ID, p.epoch, batch[0].Seq, batch[len(batch)-1].Seq)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var hash string
		if err := rows.Scan(&seq, &hash); err != nil {
			return err
		}
		held[seq] = hash
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, c := range batch {
		if held[c.Seq] != c.hash { // the rows just written hold theirs
			return &errConflict{seq: c.Seq, heldHash: held[c.Seq], change: c.Change}
		}
	}
	return nil
}

// rowBuffer gathers the upserts of one table for multi-row statements.
// Rows are written in the order they came; a record id already waiting is
// written first, so one statement never holds a record twice (PostgreSQL
// refuses that).
type rowBuffer struct {
	table  string
	cols   int
	prefix string // INSERT INTO table (...) VALUES
	suffix string // ON CONFLICT ...
	args   []any
	rows   []bufferedRow
	ids    map[string]bool
}

// bufferedRow is a buffered record and its change, held if its row is
// refused.
type bufferedRow struct {
	c checked
	r rec
}

func newRowBuffer(table, columns, conflict string) *rowBuffer {
	return &rowBuffer{
		table:  table,
		cols:   strings.Count(columns, ",") + 1,
		prefix: `INSERT INTO ` + table + ` (` + columns + `) VALUES `,
		suffix: ` ` + conflict,
		ids:    map[string]bool{},
	}
}

// lww is the upsert of a record its origin alone writes: last writer by hlc.
func lww(table, sets string) string {
	return `ON CONFLICT (id) DO UPDATE SET ` + sets + ` WHERE excluded.origin = ` + table + `.origin AND excluded.hlc > ` + table + `.hlc`
}

// add buffers one record's row (its columns' values in order).
func (p *pusher) add(b *rowBuffer, c checked, r rec, values ...any) error {
	if b.ids[r.ID] {
		if err := p.flushTable(b); err != nil {
			return err
		}
	}
	b.ids[r.ID] = true
	b.rows = append(b.rows, bufferedRow{c: c, r: r})
	b.args = append(b.args, values...)
	if len(b.rows) == rowsPerStatement {
		return p.flushTable(b)
	}
	return nil
}

// flushTable writes a table's buffered rows. The statement's count of rows
// written tells whether all were; a row that was not holds a record id
// already there: an older state of the device's record (the newer stays)
// or another device's record (held).
func (p *pusher) flushTable(b *rowBuffer) error {
	if len(b.rows) == 0 {
		return nil
	}
	res, err := p.execRows(b.prefix+sqlitedb.ValuesList(len(b.rows), b.cols)+b.suffix, len(b.rows) == rowsPerStatement, b.args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	pending := b.rows
	b.rows, b.args = b.rows[:0], b.args[:0]
	clear(b.ids)
	if n == int64(len(pending)) {
		return nil
	}
	// Some were not written. A row written holds this device's record; one
	// held by another device was not, and is held.
	for _, row := range pending {
		var origin string
		if err := p.queryRow(`SELECT origin FROM `+b.table+` WHERE id = ?`, row.r.ID).Scan(&origin); err != nil {
			return err
		}
		if origin != p.dev.ID {
			if err := p.holdRecord(row.c, row.r, otherOrigin(row.c.Seq, row.r.ID)); err != nil {
				return err
			}
		}
	}
	return nil
}

// flush writes every buffered row.
func (p *pusher) flush() error {
	for _, b := range p.buffers() {
		if err := p.flushTable(b); err != nil {
			return err
		}
	}
	return nil
}

func (p *pusher) buffers() []*rowBuffer {
	if p.people == nil {
		p.people = newRowBuffer("person", `id, origin, hlc, name_key, unit, grp, id_hash`,
			lww("person", `hlc = excluded.hlc, name_key = excluded.name_key, unit = excluded.unit, grp = excluded.grp,
				id_hash = excluded.id_hash`))
		p.checkIns = newRowBuffer("attendance", `id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at`,
			lww("attendance", `hlc = excluded.hlc, method = excluded.method, checked_in_at = excluded.checked_in_at,
				undone_at = excluded.undone_at`))
	}
	return []*rowBuffer{p.people, p.checkIns}
}
