package hub

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"briefing/internal/record"
	"briefing/internal/sync"
	"briefing/internal/unit"

	"github.com/google/uuid"
)

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// catalogOrigin selects the hub's catalog: the seeded units and the hub's
// own, not the units devices made for themselves.
const catalogOrigin = `(origin = 'seed' OR origin = (SELECT value FROM hub_meta WHERE key = 'hub_id'))`

func readCatalog(ctx context.Context, q querier) (*unit.Catalog, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kind, sort_order, parent_id FROM unit WHERE `+catalogOrigin+
		` ORDER BY sort_order, name, id`)
	if err != nil {
		return nil, err
	}
	var units []unit.Unit
	for rows.Next() {
		var u unit.Unit
		if err := rows.Scan(&u.ID, &u.Name, &u.Kind, &u.SortOrder, &u.ParentID); err != nil {
			rows.Close()
			return nil, err
		}
		units = append(units, u)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, unit_id, spelling FROM unit_alias WHERE `+catalogOrigin+` ORDER BY hlc, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var aliases []unit.Alias
	for rows.Next() {
		var a unit.Alias
		if err := rows.Scan(&a.ID, &a.UnitID, &a.Spelling); err != nil {
			return nil, err
		}
		aliases = append(aliases, a)
	}
	return unit.NewCatalog(units, aliases), rows.Err()
}

func (s *SQLite) Catalog(ctx context.Context) (*unit.Catalog, error) { return readCatalog(ctx, s.db) }

// stamp is the hub's next stamp, after floor and its own last one; it is
// saved as the hub's clock.
func stamp(ctx context.Context, tx *sql.Tx, hubID string, now time.Time, floor string) (string, error) {
	var last string
	err := tx.QueryRowContext(ctx, `SELECT value FROM hub_meta WHERE key = 'clock'`).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if floor < last {
		floor = last
	}
	h := nextHLC(now, floor, hubID)
	_, err = tx.ExecContext(ctx, `INSERT INTO hub_meta (key, value) VALUES ('clock', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, h)
	return h, err
}

// publish appends an item to the feed: its seq is the last plus one, taken
// inside the writing transaction (under SQLite's write lock; PostgreSQL
// needs a lock on the feed for this).
func publish(ctx context.Context, tx *sql.Tx, entity string, payload any, deviceID, unitID string, now time.Time) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO feed (seq, entity, payload, device_id, unit_id, created_at)
		SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ? FROM feed`, entity, string(body), deviceID, unitID, ms(now))
	return err
}

type unitPayload struct {
	record.Meta
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	SortOrder int    `json:"sort_order"`
	ParentID  string `json:"parent_id"`
}

type aliasPayload struct {
	record.Meta
	UnitID   string `json:"unit_id"`
	Spelling string `json:"spelling"`
}

func (s *SQLite) AddUnit(ctx context.Context, u unit.Unit, now time.Time) (unit.Unit, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		h, err := stamp(ctx, tx, s.hubID, now, "")
		if err != nil {
			return err
		}
		u.ID = uuid.Must(uuid.NewV7()).String()
		if _, err := tx.ExecContext(ctx, `INSERT INTO unit (id, origin, hlc, name, kind, sort_order, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			u.ID, s.hubID, h, u.Name, u.Kind, u.SortOrder, u.ParentID); err != nil {
			return err
		}
		return publish(ctx, tx, "unit", unitPayload{record.Meta{ID: u.ID, Origin: s.hubID, HLC: h}, u.Name, u.Kind, u.SortOrder, u.ParentID}, "", "", now)
	})
	return u, err
}

func (s *SQLite) SetAlias(ctx context.Context, spelling, unitID string, now time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		h, err := stamp(ctx, tx, s.hubID, now, "")
		if err != nil {
			return err
		}
		// The hub's own alias of that spelling moves; else a new one.
		rows, err := tx.QueryContext(ctx, `SELECT id, spelling FROM unit_alias WHERE origin = ?`, s.hubID)
		if err != nil {
			return err
		}
		id := ""
		for rows.Next() {
			var aid, sp string
			if err := rows.Scan(&aid, &sp); err != nil {
				rows.Close()
				return err
			}
			if unit.Key(sp) == unit.Key(spelling) {
				id = aid
			}
		}
		rows.Close()
		if id == "" {
			id = uuid.Must(uuid.NewV7()).String()
			_, err = tx.ExecContext(ctx, `INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES (?, ?, ?, ?, ?)`,
				id, s.hubID, h, unitID, spelling)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE unit_alias SET hlc = ?, unit_id = ?, spelling = ? WHERE id = ?`, h, unitID, spelling, id)
		}
		if err != nil {
			return err
		}
		return publish(ctx, tx, "unit_alias", aliasPayload{record.Meta{ID: id, Origin: s.hubID, HLC: h}, unitID, spelling}, "", "", now)
	})
}

func (s *SQLite) PublishDeck(ctx context.Context, d sync.FeedDeck) (bool, error) {
	published := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO published_deck (deck_id, version, title, source, published_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (deck_id, version) DO NOTHING`, d.ID, d.Version, d.Title, d.Source, ms(d.PublishedAt))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		published = true
		return publish(ctx, tx, "deck", d, "", "", d.PublishedAt)
	})
	return published, err
}

func (s *SQLite) Pull(ctx context.Context, dev Device, after int64, limit int) ([]sync.Item, int64, bool, error) {
	if limit <= 0 || limit > sync.MaxPullLimit {
		limit = sync.MaxPullLimit
	}
	if after < 0 {
		after = 0
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, entity, payload, device_id, unit_id FROM feed WHERE seq > ? ORDER BY seq LIMIT ?`,
		after, limit+1)
	if err != nil {
		return nil, after, false, err
	}
	defer rows.Close()
	items := []sync.Item{}
	next, n, more := after, 0, false
	for rows.Next() {
		if n == limit {
			more = true
			break
		}
		var it sync.Item
		var payload, devID, unitID string
		if err := rows.Scan(&it.Cursor, &it.Entity, &payload, &devID, &unitID); err != nil {
			return nil, after, false, err
		}
		n++
		next = it.Cursor
		if (devID == "" && unitID == "") || devID == dev.ID || (unitID != "" && unitID == dev.UnitID) {
			it.Payload = json.RawMessage(payload)
			items = append(items, it)
		}
	}
	return items, next, more, rows.Err()
}

func (s *SQLite) Status(ctx context.Context, dev Device) (epoch, acked, head int64, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT epoch, acked FROM device_epoch WHERE device_id = ? ORDER BY epoch DESC LIMIT 1`,
			dev.ID).Scan(&epoch, &acked)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM feed`).Scan(&head)
	})
	return
}
