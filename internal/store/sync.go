package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// --- sync with the hub: enrolment, acknowledgement, the pulled feed ---

// SyncState is this device's enrolment at a hub and where sync stands. The
// device's secrets are not part of it: they live outside the database.
type SyncState struct {
	HubURL       string
	HubID        string
	Pin          string // SHA-256 of the hub certificate's public key; "" on loopback HTTP
	Unit         string // the catalog id of the device's unit
	UnitName     string
	Scope        []string // unit ids the device may record under
	AgeRecipient string
	HubKey       string // the hub's ed25519 key (base64url): it signs receipts and down bundles
	EnrolledAt   time.Time
	Epoch        int64
	Acked        int64 // the hub holds every change up to this seq
	Cursor       int64 // the hub's feed number of the last page applied
	LastSyncAt   *time.Time
	LastResult   string // "ok", or the error code of the last attempt
	HubOffset    time.Duration
	Held         int        // records the hub holds instead of applying, as of its last answer
	LastOKAt     *time.Time // when a sync last ended "ok"
}

// ErrNotEnrolled is returned by SyncState before the device enrols.
var ErrNotEnrolled = errors.New("the device is not enrolled at a hub")

// ErrCursorMoved is returned by ApplyPulled when the saved cursor is no
// longer the one the page was asked after: another sync applied it first.
var ErrCursorMoved = errors.New("the pull cursor moved: another sync is running")

// SyncState reads the enrolment and sync state.
func (s *Store) SyncState(ctx context.Context) (SyncState, error) {
	var st SyncState
	var scope string
	var enrolled, offset int64
	var last, lastOK sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT hub_url, hub_id, pin, unit, unit_name, scope_json, age_recipient, hub_key,
			enrolled_at, epoch, acked, cursor, last_sync_at, last_result, hub_offset_ms, held, last_ok_at
		FROM sync_state WHERE id = 1`).Scan(&st.HubURL, &st.HubID, &st.Pin, &st.Unit, &st.UnitName, &scope,
		&st.AgeRecipient, &st.HubKey, &enrolled, &st.Epoch, &st.Acked, &st.Cursor, &last, &st.LastResult, &offset, &st.Held, &lastOK)
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotEnrolled
	}
	if err != nil {
		return st, fmt.Errorf("read sync state: %w", err)
	}
	if err := json.Unmarshal([]byte(scope), &st.Scope); err != nil {
		return st, fmt.Errorf("read sync state: scope: %w", err)
	}
	st.EnrolledAt = fromMillis(enrolled)
	st.LastSyncAt, st.LastOKAt = timePtr(last), timePtr(lastOK)
	st.HubOffset = time.Duration(offset) * time.Millisecond
	return st, nil
}

// SaveEnrolment records an enrolment. Enrolling again at the same hub keeps
// the acknowledged number and the cursor; at another hub both start over.
func (s *Store) SaveEnrolment(ctx context.Context, st SyncState) error {
	scope, err := json.Marshal(st.Scope)
	if err != nil {
		return err
	}
	if st.Scope == nil {
		scope = []byte("[]")
	}
	return s.Tx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `
			INSERT INTO sync_state (id, hub_url, hub_id, pin, unit, unit_name, scope_json, age_recipient, hub_key, enrolled_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET hub_url = excluded.hub_url, hub_id = excluded.hub_id,
				pin = excluded.pin, unit = excluded.unit, unit_name = excluded.unit_name,
				scope_json = excluded.scope_json, age_recipient = excluded.age_recipient,
				hub_key = CASE WHEN excluded.hub_key <> '' THEN excluded.hub_key ELSE sync_state.hub_key END,
				enrolled_at = excluded.enrolled_at,
				acked = CASE WHEN sync_state.hub_id = excluded.hub_id THEN sync_state.acked ELSE 0 END,
				cursor = CASE WHEN sync_state.hub_id = excluded.hub_id THEN sync_state.cursor ELSE 0 END`,
			st.HubURL, st.HubID, st.Pin, st.Unit, st.UnitName, string(scope), st.AgeRecipient, st.HubKey, toMillis(st.EnrolledAt))
		if err != nil {
			return fmt.Errorf("save enrolment: %w", err)
		}
		// The hub decides which unit an enrolled laptop speaks for: its
		// sessions start under that unit, which is the one the hub accepts.
		if st.UnitName != "" {
			if _, err := t.exec(ctx, `UPDATE device SET unit = ? WHERE id = ?`, st.UnitName, t.deviceID); err != nil {
				return fmt.Errorf("save enrolment: %w", err)
			}
		}
		return nil
	})
}

// NewEpoch starts a new numbering epoch with the hub: nothing of the log is
// acknowledged in it, so the next push sends the whole log again. A device
// does this when its log and the hub's no longer agree (its database was
// restored from an older copy): every record it holds reaches the hub
// again, and the hub keeps the newer state of each.
// The new epoch follows both this device's and hubEpoch, the last one the
// hub has of it (a laptop restored twice from one copy must not reuse one).
func (s *Store) NewEpoch(ctx context.Context, hubEpoch int64) (SyncState, error) {
	err := s.Tx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE sync_state SET epoch = MAX(epoch, ?) + 1, acked = 0 WHERE id = 1`, hubEpoch)
		return err
	})
	if err != nil {
		return SyncState{}, err
	}
	return s.SyncState(ctx)
}

// SetAcked saves the hub's acknowledged number: the next push starts after it.
func (s *Store) SetAcked(ctx context.Context, acked int64) error {
	return s.Tx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE sync_state SET acked = ? WHERE id = 1`, acked)
		return err
	})
}

// AckReceipt marks the changes up to acked acknowledged, as a hub's signed
// receipt for a bundle says, if the receipt is of the current epoch; an
// older receipt (a later sync or receipt acknowledged more) changes
// nothing. It says how many changes it newly acknowledged.
func (s *Store) AckReceipt(ctx context.Context, epoch, acked int64, held int) (int64, error) {
	var newly int64
	err := s.Tx(ctx, func(t *Tx) error {
		var cur, was, last int64
		if err := t.QueryRowContext(ctx, `SELECT epoch, acked FROM sync_state WHERE id = 1`).Scan(&cur, &was); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotEnrolled
			}
			return err
		}
		if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM change_log`).Scan(&last); err != nil {
			return err
		}
		if epoch != cur {
			return fmt.Errorf("%w: the receipt is of epoch %d, this device numbers its changes in epoch %d", ErrReceiptEpoch, epoch, cur)
		}
		if acked > last {
			return fmt.Errorf("%w: the receipt acknowledges change %d, this device's last is %d", ErrReceiptAhead, acked, last)
		}
		if acked <= was {
			return nil
		}
		newly = acked - was
		_, err := t.exec(ctx, `UPDATE sync_state SET acked = ?, held = ? WHERE id = 1`, acked, max(held, 0))
		return err
	})
	return newly, err
}

// Why a receipt acknowledges nothing.
var (
	ErrReceiptEpoch = errors.New("the receipt is of another epoch")
	ErrReceiptAhead = errors.New("the receipt acknowledges changes this device does not have")
)

// SetHeld saves how many of this device's records the hub holds.
func (s *Store) SetHeld(ctx context.Context, held int) error {
	return s.Tx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE sync_state SET held = ? WHERE id = 1`, max(held, 0))
		return err
	})
}

// SetSyncResult saves when the last sync ended, how ("ok" or an error code)
// and the hub's clock offset it measured.
func (s *Store) SetSyncResult(ctx context.Context, at time.Time, result string, offset time.Duration) error {
	return s.Tx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE sync_state SET last_sync_at = ?, last_result = ?, hub_offset_ms = ?,
			last_ok_at = CASE WHEN ? IN ('ok', 'bundle') THEN ? ELSE last_ok_at END WHERE id = 1`,
			toMillis(at), result, offset.Milliseconds(), result, toMillis(at))
		return err
	})
}

// LastSeq is the number of this device's last change (0: none). The log is
// gap-free, so LastSeq minus the acknowledged number is what is pending.
func (s *Store) LastSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM change_log`).Scan(&seq)
	return seq, err
}

// ChangesForPush lists this device's changes after seq, oldest first: at
// most maxCount, and no more than fit in maxBytes of payload (always at
// least one, so that an oversized change is seen and refused by the caller,
// not skipped). It reads only rows after seq: the cost follows the pending
// changes, not the size of the log.
func (s *Store) ChangesForPush(ctx context.Context, afterSeq int64, maxCount, maxBytes int) ([]Change, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT device_id, seq, entity, record_id, hlc, op, payload_json, created_at
		FROM change_log WHERE seq > ? AND device_id = ? ORDER BY seq LIMIT ?`,
		afterSeq, s.deviceID, maxCount)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var changes []Change
	size := 0
	for rows.Next() {
		var c Change
		var payload string
		var created int64
		if err := rows.Scan(&c.DeviceID, &c.Seq, &c.Entity, &c.RecordID, &c.HLC, &c.Op, &payload, &created); err != nil {
			return nil, err
		}
		// The wire form adds the other fields and their names: about 200 bytes.
		size += len(payload) + len(c.Entity) + len(c.RecordID) + len(c.HLC) + len(c.Op) + 200
		if size > maxBytes && len(changes) > 0 {
			break
		}
		c.Payload = []byte(payload)
		c.CreatedAt = fromMillis(created)
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// PublishedDeck is a deck the district published through the hub.
type PublishedDeck struct {
	DeckID      string
	Version     string
	Title       string
	Source      string
	PublishedAt time.Time
}

// PublishedDecks lists the newest published version of each deck, by deck id.
// Older versions stay in the table (a session may have shown one; its
// snapshot has it) but are not read: every command that builds the deck
// library calls this, and parses what it returns.
func (s *Store) PublishedDecks(ctx context.Context) ([]PublishedDeck, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT deck_id, version, title, source, published_at
		FROM published_deck p WHERE NOT EXISTS (SELECT 1 FROM published_deck n WHERE n.deck_id = p.deck_id
			AND (n.published_at > p.published_at OR (n.published_at = p.published_at AND n.cursor > p.cursor)))
		ORDER BY deck_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []PublishedDeck
	for rows.Next() {
		var d PublishedDeck
		var at int64
		if err := rows.Scan(&d.DeckID, &d.Version, &d.Title, &d.Source, &at); err != nil {
			return nil, err
		}
		d.PublishedAt = fromMillis(at)
		list = append(list, d)
	}
	return list, rows.Err()
}

// ReceivedVersion is a question version the hub sent, with its payload as
// received (kept whole).
type ReceivedVersion struct {
	Version QuestionVersion
	Payload []byte
}

// PulledItem is one item of a pulled page, decoded: exactly one field is set.
type PulledItem struct {
	Cursor   int64
	Unit     *Unit
	Alias    *UnitAlias
	Deck     *PublishedDeck
	Question *ReceivedVersion
}

// PulledCounts says what a pulled page changed: items of each kind, and
// for answers the questions answered (one answered three times is one).
type PulledCounts struct {
	Decks, Units, Aliases, Answers int
}

// ApplyPulled applies one pulled page and saves its cursor, in one
// transaction: a page that fails changes nothing. after is the cursor the
// page was asked after; if another sync moved it meanwhile, ErrCursorMoved.
// What the hub sent is not logged in the change log (not this device's
// writes); a question state of this device that an answer replaces is, as
// a version (receiveQuestionVersion). Stamps received move this device's clock past them, unless one
// is more than maxAhead ahead of the device's wall clock.
func (s *Store) ApplyPulled(ctx context.Context, after, next int64, items []PulledItem, maxAhead time.Duration) (PulledCounts, error) {
	var n PulledCounts
	err := s.Tx(ctx, func(t *Tx) error {
		n = PulledCounts{}
		answered := map[string]bool{}
		var cursor int64
		if err := t.QueryRowContext(ctx, `SELECT cursor FROM sync_state WHERE id = 1`).Scan(&cursor); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotEnrolled
			}
			return err
		}
		if cursor != after {
			return ErrCursorMoved
		}
		for _, it := range items {
			var err error
			switch {
			case it.Unit != nil:
				err = t.upsertUnit(ctx, it.Unit)
				n.Units++
				if err == nil {
					err = t.observe(ctx, it.Unit.HLC, maxAhead)
				}
			case it.Alias != nil:
				err = t.upsertAlias(ctx, it.Alias)
				n.Aliases++
				if err == nil {
					err = t.observe(ctx, it.Alias.HLC, maxAhead)
				}
			case it.Deck != nil:
				err = t.putPublishedDeck(ctx, it.Deck, it.Cursor)
				n.Decks++
			case it.Question != nil:
				err = t.receiveQuestionVersion(ctx, it.Question, it.Cursor)
				answered[it.Question.Version.QuestionID] = true
				n.Answers = len(answered)
				if err == nil {
					err = t.observe(ctx, it.Question.Version.HLC, maxAhead)
				}
			}
			if err != nil {
				return fmt.Errorf("pulled item %d: %w", it.Cursor, err)
			}
		}
		_, err := t.exec(ctx, `UPDATE sync_state SET cursor = ? WHERE id = 1`, next)
		return err
	})
	return n, err
}

// upsertUnit stores a catalog unit from the hub: last writer wins by hlc.
func (t *Tx) upsertUnit(ctx context.Context, u *Unit) error {
	_, err := t.exec(ctx, `INSERT INTO unit (id, origin, hlc, name, kind, sort_order, parent_id)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, hlc = excluded.hlc, name = excluded.name,
			kind = excluded.kind, sort_order = excluded.sort_order, parent_id = excluded.parent_id
		WHERE excluded.hlc > unit.hlc`,
		u.ID, u.Origin, u.HLC, u.Name, u.Kind, u.SortOrder, u.ParentID)
	if err != nil {
		return fmt.Errorf("unit %s: %w", u.ID, err)
	}
	return nil
}

// upsertAlias stores a unit alias from the hub: last writer wins by hlc.
func (t *Tx) upsertAlias(ctx context.Context, a *UnitAlias) error {
	_, err := t.exec(ctx, `INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, hlc = excluded.hlc,
			unit_id = excluded.unit_id, spelling = excluded.spelling
		WHERE excluded.hlc > unit_alias.hlc`,
		a.ID, a.Origin, a.HLC, a.UnitID, a.Spelling)
	if err != nil {
		return fmt.Errorf("unit alias %s (unit %s): %w", a.ID, a.UnitID, err)
	}
	return nil
}

func (t *Tx) putPublishedDeck(ctx context.Context, d *PublishedDeck, cursor int64) error {
	_, err := t.exec(ctx, `INSERT INTO published_deck (deck_id, version, title, source, published_at, cursor)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (deck_id, version) DO UPDATE SET title = excluded.title, published_at = excluded.published_at,
			cursor = excluded.cursor`,
		d.DeckID, d.Version, d.Title, d.Source, toMillis(d.PublishedAt), cursor)
	if err != nil {
		return fmt.Errorf("deck %s version %s: %w", d.DeckID, d.Version, err)
	}
	return nil
}

// observe moves this device's clock past a stamp received from elsewhere,
// so that a later local edit wins over it; a stamp more than maxAhead ahead
// of the wall clock is not followed (one laptop a year ahead must not drag
// every later stamp with it).
func (t *Tx) observe(ctx context.Context, hlc string, maxAhead time.Duration) error {
	stamp, err := parseHLC(hlc)
	if err != nil {
		return err
	}
	if stamp > (t.now().Add(maxAhead)).UnixMilli()*hlcSpan {
		return nil
	}
	c, err := t.clock(ctx)
	if err != nil {
		return err
	}
	c.last = max(c.last, stamp)
	return nil
}

// ValidHLC says whether s is a stamp as the change log writes them.
func ValidHLC(s string) bool {
	_, err := parseHLC(s)
	return err == nil
}
