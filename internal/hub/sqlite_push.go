package hub

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"briefing/internal/deck"
	"briefing/internal/sync"
	"briefing/internal/unit"

	"github.com/google/uuid"
)

// checked is a pushed change, checked against the contract.
type checked struct {
	sync.Change
	hash  string
	recs  []rec
	ahead bool        // its stamp is more than MaxClockAhead ahead of the hub
	held  *FieldError // not in the contract: held whole, not applied
}

// checkPush checks a batch before anything is stored: seqs rising by one
// (else the push is refused), and every change in the contract and
// originated by dev (else that change is held).
func checkPush(dev Device, req sync.PushRequest, now time.Time) ([]checked, error) {
	if req.Epoch < 1 {
		return nil, &FieldError{Field: "epoch", Message: "must be 1 or more"}
	}
	limit := now.Add(sync.MaxClockAhead).UnixMilli()
	out := make([]checked, len(req.Changes))
	for i, c := range req.Changes {
		if c.Seq < 1 || (i > 0 && c.Seq != req.Changes[i-1].Seq+1) {
			return nil, &FieldError{Seq: c.Seq, Field: "seq", Message: "a batch's seqs start at 1 or more and rise by one"}
		}
		recs, err := checkRecords(c.Seq, c.Entity, c.Op, c.RecordID, c.HLC, c.Payload, dev.ID)
		ck := checked{Change: c, hash: c.Hash(), recs: recs}
		if err != nil {
			ck.held = asFieldError(c.Seq, err)
		}
		for _, r := range recs {
			if w, _, _ := parseHLC(r.HLC); w > limit {
				ck.ahead = true
			}
		}
		out[i] = ck
	}
	return out, nil
}

// errConflict carries the quarantined change out of the rolled-back push.
type errConflict struct {
	seq      int64
	heldHash string
	change   sync.Change
}

func (e *errConflict) Error() string { return fmt.Sprintf("seq %d: conflict", e.seq) }

func (s *SQLite) Push(ctx context.Context, dev Device, req sync.PushRequest, now time.Time) (sync.PushResponse, error) {
	resp := sync.PushResponse{HubTime: now.UTC()}
	batch, err := checkPush(dev, req, now)
	if err != nil {
		return resp, invalid(err)
	}
	for _, c := range batch {
		if c.ahead {
			resp.ClockAhead++
		}
	}
	err = s.tx(ctx, func(tx *sql.Tx) error { return s.pushTx(ctx, tx, dev, req, batch, now, &resp) })
	var conflict *errConflict
	if errors.As(err, &conflict) {
		if qerr := s.quarantine(ctx, dev, req.Epoch, conflict, now); qerr != nil {
			return resp, qerr
		}
		r := refuse(http.StatusConflict, sync.CodeConflict,
			"this change's number was pushed before with other content: it is kept aside at the hub for a person to look at")
		r.Wire.Seq = conflict.seq
		return resp, r
	}
	if err != nil {
		return resp, invalid(err)
	}
	return resp, nil
}

// pushTx stores and applies one checked batch inside tx: Push's work, and
// PushBundle's for each batch of a bundle.
func (s *SQLite) pushTx(ctx context.Context, tx *sql.Tx, dev Device, req sync.PushRequest, batch []checked, now time.Time, resp *sync.PushResponse) error {
	p := &pusher{s: s, tx: tx, ctx: ctx, dev: dev, epoch: req.Epoch, now: now}
	if err := p.begin(); err != nil {
		return err
	}
	held, heldBytes, err := p.heldSize()
	if err != nil {
		return err
	}
	if held >= sync.MaxHeld || heldBytes >= sync.MaxHeldBytes {
		return refuse(http.StatusUnprocessableEntity, sync.CodeHeldFull, fmt.Sprintf(
			"the hub holds %d records of this device it could not apply: the district must look at them (briefing hub held) before more are taken", held))
	}
	if p.newEpoch && (len(batch) == 0 || batch[0].Seq != 1) {
		// A new epoch starts with the device's log from its first
		// change: empty pushes must not step epochs on.
		return &FieldError{Field: "epoch", Message: fmt.Sprintf("a new epoch %d starts with change 1", req.Epoch)}
	}
	if len(batch) > 0 && batch[0].Seq > p.acked+1+sync.MaxAheadOfAck {
		// Far past what the hub holds (its database restored from an
		// older copy?): nothing is stored; the device sends from Expected.
		resp.Acked, resp.Expected, resp.HeldTotal = p.acked, p.acked+1, held
		return nil
	}
	// Store every change of the batch under its unique key; a key held
	// with another hash is a conflict.
	// A batch that follows the acknowledged number applies now: its
	// payloads need not be kept; one after a gap keeps them to wait.
	inOrder := len(batch) > 0 && batch[0].Seq <= p.acked+1
	if !inOrder && len(batch) > 0 {
		// Changes waiting behind a gap keep their payloads: at most
		// MaxWaitingBytes of them per device, over all its epochs.
		var waiting int64
		if err := p.queryRow(`SELECT COALESCE(SUM(length(payload)), 0) FROM change_in WHERE device_id = ? AND applied = 0`,
			p.dev.ID).Scan(&waiting); err != nil {
			return err
		}
		if waiting >= sync.MaxWaitingBytes {
			resp.Acked, resp.Expected, resp.HeldTotal = p.acked, p.acked+1, held
			return nil
		}
	}
	if err := p.store(batch, inOrder); err != nil {
		return err
	}
	// Apply, in order, what follows the acknowledged number: the batch
	// (known here, parsed) and what waited behind a gap (read back).
	inBatch := map[int64]checked{}
	for _, c := range batch {
		inBatch[c.Seq] = c
	}
	for {
		next := p.acked + 1
		c, ok := inBatch[next]
		if !ok {
			var err error
			if c, ok, err = p.waiting(next); err != nil {
				return err
			}
			if !ok {
				break
			}
		}
		if err := p.apply(c); err != nil {
			return err
		}
		p.acked = next
	}
	if err := p.flush(); err != nil {
		return err
	}
	// Records of other laptops (or this one) that waited for a session
	// this push brought are checked and applied now.
	if _, err := s.releaseWaiting(ctx, tx, p.arrived, "", now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE change_in SET applied = 1, payload = '' WHERE device_id = ? AND epoch = ?
		AND seq > ? AND seq <= ? AND applied = 0`, dev.ID, req.Epoch, p.startAcked, p.acked); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE device_epoch SET acked = ? WHERE device_id = ? AND epoch = ?`,
		p.acked, dev.ID, req.Epoch); err != nil {
		return err
	}
	resp.Acked = p.acked
	if _, err := tx.ExecContext(ctx, `UPDATE device SET last_seen = ? WHERE id = ?`, ms(now), dev.ID); err != nil {
		return err
	}
	var waiting bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM change_in WHERE device_id = ? AND epoch = ? AND seq > ?)`,
		dev.ID, req.Epoch, p.acked).Scan(&waiting); err != nil {
		return err
	}
	if waiting {
		resp.Expected = p.acked + 1
	}
	resp.Held = p.held[:min(len(p.held), sync.MaxHeldListed)]
	resp.HeldTotal, _, err = p.heldSize()
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// invalid turns a FieldError into the protocol's 422.
func invalid(err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		r := refuse(http.StatusUnprocessableEntity, sync.CodeInvalid, fe.Message)
		r.Wire.Seq, r.Wire.Field = fe.Seq, fe.Field
		return r
	}
	return err
}

// maxQuarantinedBody is how much of a conflicting change is kept: enough
// for a person to see what it was (a session, a check-in), not 8 MB times
// MaxQuarantined of a device's disk.
const maxQuarantinedBody = 16 << 10

func (s *SQLite) quarantine(ctx context.Context, dev Device, epoch int64, c *errConflict, now time.Time) error {
	body, _ := json.Marshal(c.change)
	if len(body) > maxQuarantinedBody {
		body, _ = json.Marshal(map[string]any{"seq": c.change.Seq, "entity": c.change.Entity, "record_id": c.change.RecordID,
			"hlc": c.change.HLC, "op": c.change.Op, "payload_bytes": len(c.change.Payload),
			"payload_start": string(c.change.Payload[:min(len(c.change.Payload), 4096)])})
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Bounded: a device that pushes conflicts in a loop must not fill
		// the hub's disk; the first ones say what went wrong.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM quarantine WHERE device_id = ?`, dev.ID).Scan(&n); err != nil {
			return err
		}
		if n >= sync.MaxQuarantined {
			return nil
		}
		var seen bool // the same conflicting request again (replayed, retried)
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quarantine WHERE device_id = ? AND epoch = ? AND seq = ?
			AND hash = ?)`, dev.ID, epoch, c.seq, c.change.Hash()).Scan(&seen); err != nil || seen {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO quarantine (id, device_id, epoch, seq, held_hash, hash, change_json, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, uuid.Must(uuid.NewV7()).String(), dev.ID, epoch, c.seq, c.heldHash,
			c.change.Hash(), string(body), ms(now))
		return err
	})
}

// pusher applies one device's changes inside a push's transaction.
type pusher struct {
	s                 *SQLite
	tx                *sql.Tx
	ctx               context.Context
	dev               Device
	epoch             int64
	now               time.Time
	acked, startAcked int64
	cat               *unit.Catalog
	scope             []string
	stmts             map[string]*sql.Stmt // this transaction's statements
	people, checkIns  *rowBuffer           // upserts waiting for a multi-row statement
	// sessions caches, per session id, whether the session the hub holds is
	// within the device's scope (and its unit): check-ins ask it each time.
	sessions map[string]sessionScope
	held     []sync.HeldRecord // the records this push held
	arrived  []string          // the sessions this push applied
	newEpoch bool              // the push opens the device's next epoch
	// release: the pusher applies held records again (briefing hub held);
	// a record that fails again stays held as it is. accept: the district
	// accepts records held for their unit, so scope is not checked.
	release, accept bool
}

type sessionScope struct {
	unit    string
	origin  string
	stored  bool // the hub holds the session
	held    bool // this device's session, held for its unit
	inScope bool
}

// stmt is query as a statement of this transaction, prepared once per
// hub process (parsing a multi-row INSERT of 250 rows costs more than
// running it) and once per push on the transaction's connection.
func (p *pusher) stmt(query string) (*sql.Stmt, error) {
	if st, ok := p.stmts[query]; ok {
		return st, nil
	}
	shared, err := p.s.stmts.Get(p.ctx, query)
	if err != nil {
		return nil, err
	}
	st := p.tx.StmtContext(p.ctx, shared)
	if p.stmts == nil {
		p.stmts = map[string]*sql.Stmt{}
	}
	p.stmts[query] = st
	return st, nil
}

// exec runs query as a prepared statement of this transaction.
func (p *pusher) exec(query string, args ...any) (sql.Result, error) {
	st, err := p.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(p.ctx, args...)
}

// queryRow runs query as a prepared statement of this transaction.
func (p *pusher) queryRow(query string, args ...any) *sql.Row {
	st, err := p.stmt(query)
	if err != nil {
		return p.tx.QueryRowContext(p.ctx, query, args...) // reports the same error
	}
	return st.QueryRowContext(p.ctx, args...)
}

func (p *pusher) begin() error {
	// An epoch is the device's last one or the one after (a restored
	// laptop starting anew): not any number, each a row of its own. A
	// device's first push may come in any (enrolled at a new hub).
	var last int64
	if err := p.tx.QueryRowContext(p.ctx, `SELECT COALESCE(MAX(epoch), 0) FROM device_epoch WHERE device_id = ?`,
		p.dev.ID).Scan(&last); err != nil {
		return err
	}
	if last > 0 && p.epoch > last+1 {
		return &FieldError{Field: "epoch", Message: fmt.Sprintf("epoch %d is past this device's last epoch %d and the one after it", p.epoch, last)}
	}
	p.newEpoch = last > 0 && p.epoch == last+1
	// The device's row of acknowledgements, created on first push, then
	// written: in PostgreSQL this update also locks it against a parallel push.
	if _, err := p.tx.ExecContext(p.ctx, `INSERT INTO device_epoch (device_id, epoch, acked) VALUES (?, ?, 0)
		ON CONFLICT (device_id, epoch) DO NOTHING`, p.dev.ID, p.epoch); err != nil {
		return err
	}
	if _, err := p.tx.ExecContext(p.ctx, `UPDATE device_epoch SET acked = acked WHERE device_id = ? AND epoch = ?`,
		p.dev.ID, p.epoch); err != nil {
		return err
	}
	if err := p.tx.QueryRowContext(p.ctx, `SELECT acked FROM device_epoch WHERE device_id = ? AND epoch = ?`,
		p.dev.ID, p.epoch).Scan(&p.acked); err != nil {
		return err
	}
	p.startAcked = p.acked
	cat, err := readCatalog(p.ctx, p.tx)
	if err != nil {
		return err
	}
	p.cat, p.scope = cat, cat.Scope(p.dev.UnitID)
	return nil
}

// waiting reads a change stored earlier behind a gap.
func (p *pusher) waiting(seq int64) (checked, bool, error) {
	var c checked
	var ahead int
	var payload string
	err := p.queryRow(`SELECT entity, record_id, hlc, op, payload, clock_ahead FROM change_in
		WHERE device_id = ? AND epoch = ? AND seq = ? AND applied = 0`, p.dev.ID, p.epoch, seq).
		Scan(&c.Entity, &c.RecordID, &c.HLC, &c.Op, &payload, &ahead)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, err
	}
	c.Seq, c.ahead, c.Payload = seq, ahead == 1, json.RawMessage(payload)
	c.recs, err = checkRecords(seq, c.Entity, c.Op, c.RecordID, c.HLC, c.Payload, p.dev.ID)
	if err != nil {
		c.held = asFieldError(seq, err)
	}
	return c, true, nil
}

// heldSize counts this device's records the hub still holds, and their
// payloads' length.
func (p *pusher) heldSize() (count int, size int64, err error) {
	err = p.queryRow(`SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM held WHERE device_id = ? AND released_at IS NULL`,
		p.dev.ID).Scan(&count, &size)
	return count, size, err
}

// hold keeps a record (or, when its change is not in the contract, the
// whole change) aside instead of applying it, and tells the device.
func (p *pusher) hold(seq int64, entity, op, recordID, hlc string, payload []byte, sessionID string, fe *FieldError) error {
	h := sync.HeldRecord{Seq: seq, Entity: entity, RecordID: recordID, Field: fe.Field, Reason: fe.reason(), Message: fe.Message}
	if p.release {
		p.held = append(p.held, h)
		return nil // it stays held as it was
	}
	// The same state of the record held before (the log sent again under
	// a new epoch) is held once; one the district released stays decided.
	var seen bool
	if err := p.queryRow(`SELECT EXISTS (SELECT 1 FROM held WHERE device_id = ? AND entity = ? AND record_id = ? AND hlc = ?)`,
		p.dev.ID, entity, recordID, hlc).Scan(&seen); err != nil || seen {
		return err
	}
	p.held = append(p.held, h)
	_, err := p.exec(`INSERT INTO held (id, device_id, epoch, seq, entity, op, record_id, hlc, payload, session_id, reason,
		field, message, held_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, uuid.Must(uuid.NewV7()).String(),
		p.dev.ID, p.epoch, seq, entity, op, recordID, hlc, string(payload), sessionID, h.Reason, h.Field, h.Message, ms(p.now))
	return err
}

// holdRecord holds one record of a change: alone, as an insert when it
// came in an insert_many.
func (p *pusher) holdRecord(c checked, r rec, fe *FieldError) error {
	op, payload := c.Op, []byte(c.Payload)
	if op == "insert_many" {
		op = "insert"
		payload, _ = json.Marshal(r.fieldMap())
	}
	return p.hold(c.Seq, c.Entity, op, r.ID, r.HLC, payload, cmp.Or(fe.sessionID, r.str("session_id")), fe)
}

// questionOwned: a question version is written only by the device that
// asked the question (the district's answers are the hub's own). One of a
// question held for its unit is held with it.
func (p *pusher) questionOwned(c checked, questionID string) error {
	var origin string
	err := p.queryRow(`SELECT origin FROM question WHERE id = ?`, questionID).Scan(&origin)
	if err == nil {
		if origin != p.dev.ID {
			return &FieldError{Seq: c.Seq, Field: "payload.question_id", Reason: sync.HeldOrigin,
				Message: fmt.Sprintf("question %s is another device's", questionID)}
		}
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var sessionID, reason string
	err = p.queryRow(`SELECT session_id, reason FROM held WHERE device_id = ? AND entity = 'question' AND record_id = ?
		AND released_at IS NULL LIMIT 1`, p.dev.ID, questionID).Scan(&sessionID, &reason)
	if err == nil {
		return &FieldError{Seq: c.Seq, Field: "payload.question_id", Reason: reason, sessionID: sessionID,
			Message: "its question is held at the hub (" + reason + ")"}
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return &FieldError{Seq: c.Seq, Field: "payload.question_id", Reason: sync.HeldOrigin,
		Message: fmt.Sprintf("question %s is not one this device asked", questionID)}
}

// acceptedUnit: the hub holds this device's session under this unit (the
// district accepted it): a later state of it, the unit unchanged, applies.
func (p *pusher) acceptedUnit(sessionID, unit string) bool {
	var origin, held string
	err := p.queryRow(`SELECT origin, unit FROM session WHERE id = ?`, sessionID).Scan(&origin, &held)
	return err == nil && origin == p.dev.ID && held == unit
}

// inScope: the device may write under this unit spelling (unit.Catalog.InScope).
func (p *pusher) inScope(spelling string) bool { return p.cat.InScope(spelling, p.scope) }

// sessionInScope: a record under a session the hub holds must be within
// the device's scope through the session's unit.
func (p *pusher) sessionInScope(c checked, sessionID string) error {
	sc, ok := p.sessions[sessionID]
	if !ok {
		err := p.queryRow(`SELECT unit, origin FROM session WHERE id = ?`, sessionID).Scan(&sc.unit, &sc.origin)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		sc.stored = err == nil
		// A session of this device the hub applied is its to write under,
		// also one the district accepted outside its units.
		sc.inScope = sc.stored && (sc.origin == p.dev.ID || p.inScope(sc.unit))
		if !sc.stored {
			// A session the hub held for its unit holds what is under it.
			if err := p.queryRow(`SELECT EXISTS (SELECT 1 FROM held WHERE device_id = ? AND entity = 'session'
				AND record_id = ? AND reason = ? AND released_at IS NULL)`, p.dev.ID, sessionID, sync.HeldScope).Scan(&sc.held); err != nil {
				return err
			}
		}
		if p.sessions == nil {
			p.sessions = map[string]sessionScope{}
		}
		p.sessions[sessionID] = sc
	}
	// Accepting is for the session: what is under a held session applies
	// once the session does (in the same acceptance, or later), never
	// alone, and never into another device's session.
	switch {
	case sc.inScope:
		return nil
	case sc.stored:
		return &FieldError{Seq: c.Seq, Field: "payload.session_id", Reason: sync.HeldScope,
			Message: fmt.Sprintf("the session is held by %q, outside this device's units", sc.unit)}
	case sc.held:
		return &FieldError{Seq: c.Seq, Field: "payload.session_id", Reason: sync.HeldScope,
			Message: "its session is held at the hub, outside this device's units"}
	default:
		// Another laptop's session (a clerk's desk beside the presenter)
		// that has not synced yet: its unit is not known, so the record
		// waits for it and is checked when it comes.
		return &FieldError{Seq: c.Seq, Field: "payload.session_id", Reason: sync.HeldSession,
			Message: "its session has not reached the hub yet: applied when it comes, if within this device's units"}
	}
}

// upsert runs an insert-or-update of a record, last writer by hlc; a record
// id held by another origin is refused.
func (p *pusher) upsert(c checked, r rec, table, query string, args ...any) error {
	res, err := p.exec(query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	var origin string
	if err := p.tx.QueryRowContext(p.ctx, `SELECT origin FROM `+table+` WHERE id = ?`, r.ID).Scan(&origin); err != nil {
		return err
	}
	if origin != p.dev.ID {
		return otherOrigin(c.Seq, r.ID)
	}
	return nil // an older state of the record: the newer stays
}

func otherOrigin(seq int64, id string) *FieldError {
	return &FieldError{Seq: seq, Field: "payload.id", Reason: sync.HeldOrigin, Message: fmt.Sprintf("record %s belongs to another device", id)}
}

func nullMS(r rec, name string) sql.NullInt64 {
	v, ok := r.timeMS(name)
	return sql.NullInt64{Int64: v, Valid: ok}
}

// apply applies a change's records; one the device has no right to write
// is held, and so is a change not in the contract.
func (p *pusher) apply(c checked) error {
	if c.held != nil {
		return p.hold(c.Seq, c.Entity, c.Op, c.RecordID, c.HLC, c.Payload, "", c.held)
	}
	for _, r := range c.recs {
		err := p.applyRecord(c, r)
		if fe, ok := err.(*FieldError); ok {
			err = p.holdRecord(c, r, fe)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// The upserts of the records applied one at a time (sessions, whose unit
// later check-ins are checked against, and the rarer entities), built once.
var (
	upsertSession = `INSERT INTO session (id, origin, hlc, deck_id, deck_version, deck_title, title, unit, venue, form,
		rapporteur, started_at, ended_at, chair, secretary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ` + lww("session", `hlc = excluded.hlc,
		deck_id = excluded.deck_id, deck_version = excluded.deck_version, deck_title = excluded.deck_title,
		title = excluded.title, unit = excluded.unit, venue = excluded.venue, form = excluded.form,
		rapporteur = excluded.rapporteur, started_at = excluded.started_at, ended_at = excluded.ended_at,
		chair = excluded.chair, secretary = excluded.secretary`)
	upsertQuestion = `INSERT INTO question (id, origin, hlc, session_id, number, created_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?) ` +
		lww("question", `hlc = excluded.hlc, number = excluded.number, payload = excluded.payload`)
	upsertUnit = `INSERT INTO unit (id, origin, hlc, name, kind, sort_order, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?) ` +
		lww("unit", `hlc = excluded.hlc, name = excluded.name, kind = excluded.kind, sort_order = excluded.sort_order,
		parent_id = excluded.parent_id`)
	upsertAlias = `INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES (?, ?, ?, ?, ?) ` +
		lww("unit_alias", `hlc = excluded.hlc, unit_id = excluded.unit_id, spelling = excluded.spelling`)
)

func (p *pusher) applyRecord(c checked, r rec) error {
	switch c.Entity {
	case "session":
		if !p.accept && !p.inScope(r.str("unit")) && !p.acceptedUnit(r.ID, r.str("unit")) {
			return &FieldError{Seq: c.Seq, Field: "payload.unit", Reason: sync.HeldScope,
				Message: fmt.Sprintf("unit %q is outside this device's units", r.str("unit"))}
		}
		delete(p.sessions, r.ID) // its unit may change
		p.arrived = append(p.arrived, r.ID)
		started, _ := r.timeMS("started_at")
		return p.upsert(c, r, "session", upsertSession, r.ID, r.Origin, r.HLC, r.str("deck_id"), r.str("deck_version"), r.str("deck_title"),
			r.str("title"), r.str("unit"), r.str("venue"), r.str("form"), r.str("rapporteur"), started, nullMS(r, "ended_at"),
			r.str("chair"), r.str("secretary"))
	case "person":
		p.buffers()
		return p.add(p.people, c, r, r.ID, r.Origin, r.HLC, r.str("name_key"), r.str("unit"), r.str("grp"), keptIDHash(r.str("id_hash")))
	case "attendance":
		if err := p.sessionInScope(c, r.str("session_id")); err != nil {
			return err
		}
		at, _ := r.timeMS("checked_in_at")
		p.buffers()
		return p.add(p.checkIns, c, r, r.ID, r.Origin, r.HLC, r.str("session_id"), r.str("person_id"), r.str("method"),
			at, nullMS(r, "undone_at"))
	case "question":
		if err := p.sessionInScope(c, r.str("session_id")); err != nil {
			return err
		}
		created, _ := r.timeMS("created_at")
		payload, _ := json.Marshal(r.fieldMap())
		return p.upsert(c, r, "question", upsertQuestion, r.ID, r.Origin, r.HLC, r.str("session_id"), r.int("number"), created, string(payload))
	case "question_version":
		if err := p.questionOwned(c, r.str("question_id")); err != nil {
			return err
		}
		saved, _ := r.timeMS("saved_at")
		payload, _ := json.Marshal(r.fieldMap())
		q := `INSERT INTO question_version (id, origin, hlc, question_id, version, status, saved_at, clock_ahead, payload)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`
		return p.upsert(c, r, "question_version", q, r.ID, r.Origin, r.HLC, r.str("question_id"), r.int("version"),
			r.str("status"), saved, boolInt(c.ahead), string(payload))
	case "deck_snapshot":
		if v := deck.VersionOf([]byte(r.str("source"))); v != r.str("version") {
			return &FieldError{Seq: c.Seq, Field: "payload.version", Message: fmt.Sprintf("the source hashes to %s, not %s", v, r.str("version"))}
		}
		created, _ := r.timeMS("created_at")
		q := `INSERT INTO deck_snapshot (id, origin, hlc, deck_id, version, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO NOTHING`
		return p.upsert(c, r, "deck_snapshot", q, r.ID, r.Origin, r.HLC, r.str("deck_id"), r.str("version"), r.str("source"), created)
	case "unit":
		return p.upsert(c, r, "unit", upsertUnit, r.ID, r.Origin, r.HLC, r.str("name"), r.str("kind"), r.int("sort_order"), r.str("parent_id"))
	case "unit_alias":
		return p.upsert(c, r, "unit_alias", upsertAlias, r.ID, r.Origin, r.HLC, r.str("unit_id"), r.str("spelling"))
	default: // deck, slide_view: kept whole
		payload, _ := json.Marshal(r.fieldMap())
		res, err := p.exec(`INSERT INTO other_record (id, entity, origin, hlc, payload) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (entity, id) DO UPDATE SET hlc = excluded.hlc, payload = excluded.payload
			WHERE excluded.origin = other_record.origin AND excluded.hlc > other_record.hlc`,
			r.ID, c.Entity, r.Origin, r.HLC, string(payload))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var origin string
			if err := p.queryRow(`SELECT origin FROM other_record WHERE entity = ? AND id = ?`, c.Entity, r.ID).Scan(&origin); err != nil {
				return err
			}
			if origin != p.dev.ID {
				return otherOrigin(c.Seq, r.ID)
			}
		}
		return nil
	}
}
