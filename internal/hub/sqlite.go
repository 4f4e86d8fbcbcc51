package hub

import (
	"context"
	"database/sql"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/cccd"
	"briefing/internal/sqlitedb"
	"briefing/internal/sync"

	"github.com/google/uuid"
	_ "modernc.org/sqlite"
)

// Migrations are files named NNNN_name.sql, applied in number order; an
// applied file is never edited.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// SQLite is the hub's Store in one SQLite file (WAL, busy timeout), so the
// hub's commands work while `hub serve` runs.
type SQLite struct {
	db    *sql.DB
	hubID string
	idKey string
	// keyPath is the file of the citizen-ID key (IDKeyFile).
	keyPath string
	// writeTurn queues this process's writers in Go rather than in SQLite's
	// busy handler, which sleeps.
	writeTurn chan struct{}
	stmts     sqlitedb.StmtCache // the push's statements
}

// OpenSQLite opens (creating if needed) the hub database at path.
func OpenSQLite(path string) (*SQLite, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	s := &SQLite{writeTurn: make(chan struct{}, 1), keyPath: IDKeyFile(path)}
	// Every commit survives a power cut (synchronous=FULL): an acknowledged
	// push, an enrolment code handed out or an answer the district saw saved
	// must not come back lost; a device that has nothing new to push would
	// never send a lost push again.
	_, err = sqlitedb.Open(path, func(db *sql.DB) error {
		s.db, s.stmts.DB = db, db
		return s.init(context.Background())
	})
	if err != nil {
		return nil, fmt.Errorf("hub database %s: %w", path, err)
	}
	return s, nil
}

func (s *SQLite) init(ctx context.Context) error {
	if err := migrate(ctx, s.db); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO hub_meta (key, value) VALUES ('hub_id', ?) ON CONFLICT (key) DO NOTHING`,
			uuid.Must(uuid.NewV7()).String()); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT value FROM hub_meta WHERE key = 'hub_id'`).Scan(&s.hubID); err != nil {
			return err
		}
		return s.loadIDKey(ctx, tx)
	})
}

// IDKeyFile is the file beside the hub database (hub.db: hub-id-key.json)
// that holds the district's citizen-ID hash key, which the hub hands every
// device at enrolment. It is kept out of the database, as on the devices,
// so that a copy of hub.db (a backup, a report taken away) cannot verify a
// guessed citizen-ID number against the hashes it holds. Mode 0600.
func IDKeyFile(dbPath string) string {
	base := strings.TrimSuffix(dbPath, filepath.Ext(dbPath))
	return base + "-id-key.json"
}

// loadIDKey reads the district key from its file, making it on the first
// start. A hub that kept it in hub_meta (before this file existed) moves it
// there: written to the file first, then deleted from the database, so a
// crash between the two loses nothing and devices enrolled before keep the
// same key.
func (s *SQLite) loadIDKey(ctx context.Context, tx *sql.Tx) error {
	var legacy string
	err := tx.QueryRowContext(ctx, `SELECT value FROM hub_meta WHERE key = 'id_key'`).Scan(&legacy)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	key, found, err := sync.LoadKeyFile(s.keyPath)
	if err != nil {
		return err
	}
	if found && legacy != "" && legacy != base64.RawURLEncoding.EncodeToString(key) {
		return fmt.Errorf("%s and the database hold different citizen-ID keys: keep the one the devices were enrolled with", s.keyPath)
	}
	if !found {
		key = cccd.NewKey()
		if legacy != "" {
			if key, err = base64.RawURLEncoding.DecodeString(legacy); err != nil || len(key) < 16 {
				return errors.New("hub_meta id_key is not a base64url key of at least 16 bytes")
			}
		}
		if key, err = sync.CreateKeyFile(s.keyPath, key); err != nil {
			return fmt.Errorf("citizen-ID key file: %w", err)
		}
	}
	if legacy != "" {
		if _, err := tx.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM hub_meta WHERE key = 'id_key'`); err != nil {
			return err
		}
	}
	s.idKey = base64.RawURLEncoding.EncodeToString(key)
	return nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	all, err := sqlitedb.LoadMigrations(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	return sqlitedb.Migrate(ctx, db, all)
}

// tx runs fn in a write transaction (the write lock taken at BEGIN).
func (s *SQLite) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	select {
	case s.writeTurn <- struct{}{}:
		defer func() { <-s.writeTurn }()
	case <-ctx.Done():
		return ctx.Err()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// read runs fn in a read transaction: one snapshot.
func (s *SQLite) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func (s *SQLite) HubID() string { return s.hubID }
func (s *SQLite) IDKey() string { return s.idKey }
func (s *SQLite) Close() error {
	s.stmts.Close()
	return s.db.Close()
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.UnixMilli(v.Int64).UTC()
	return &t
}

func (s *SQLite) AddEnrolment(ctx context.Context, e Enrolment) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO enrolment (code_hash, unit_id, name, created_at, expires_at, for_device)
			VALUES (?, ?, ?, ?, ?, ?)`, e.CodeHash, e.UnitID, e.Name, ms(e.CreatedAt), ms(e.ExpiresAt), e.ForDevice)
		return err
	})
}

const deviceCols = `d.id, d.name, d.unit_id, d.public_key, d.enrolled_at, d.revoked_at, d.last_seen,
	COALESCE((SELECT acked FROM device_epoch e WHERE e.device_id = d.id ORDER BY e.epoch DESC LIMIT 1), 0)`

func scanDevice(row interface{ Scan(...any) error }) (Device, error) {
	var d Device
	var enrolled int64
	var revoked, seen sql.NullInt64
	err := row.Scan(&d.ID, &d.Name, &d.UnitID, &d.PublicKey, &enrolled, &revoked, &seen, &d.Acked)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	d.EnrolledAt = time.UnixMilli(enrolled).UTC()
	d.RevokedAt, d.LastSeen = fromMS(revoked), fromMS(seen)
	return d, err
}

func (s *SQLite) Enroll(ctx context.Context, codeHash string, req sync.EnrollRequest, now time.Time) (Device, error) {
	var dev Device
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		dev, err = enrollTx(ctx, tx, codeHash, req, now)
		return err
	})
	return dev, err
}

// enrollTx is Enroll's work inside tx: a bundle that enrols its device does
// it in the transaction that applies its changes.
func enrollTx(ctx context.Context, tx *sql.Tx, codeHash string, req sync.EnrollRequest, now time.Time) (Device, error) {
	var dev Device
	err := func() error {
		var unitID, name, usedBy, usedKey, forDevice string
		var expires int64
		err := tx.QueryRowContext(ctx, `SELECT unit_id, name, expires_at, device_id, public_key, for_device FROM enrolment
			WHERE code_hash = ?`, codeHash).Scan(&unitID, &name, &expires, &usedBy, &usedKey, &forDevice)
		if errors.Is(err, sql.ErrNoRows) {
			return refuse(404, "code_unknown", "no such enrolment code at this hub: ask the district for a new one")
		}
		if err != nil {
			return err
		}
		if usedBy != "" {
			if usedBy != req.DeviceID || usedKey != req.PublicKey {
				return refuse(409, "code_used", "this enrolment code was used by another device: ask the district for a new one")
			}
			d, err := scanDevice(tx.QueryRowContext(ctx, `SELECT `+deviceCols+` FROM device d WHERE d.id = ?`, usedBy))
			if err != nil {
				return err
			}
			if d.RevokedAt != nil {
				return refuse(403, "revoked", "this device was revoked at the hub")
			}
			dev = d
			return nil
		}
		if now.UnixMilli() >= expires {
			return refuse(410, "code_expired", "this enrolment code has expired (codes are valid 72 hours): ask the district for a new one")
		}
		// A code is for a new device, or for the one known device it names:
		// a device id is no secret (it is in every record), so a code for a
		// new laptop must not take over a known one.
		var known bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM device WHERE id = ?)`, req.DeviceID).Scan(&known); err != nil {
			return err
		}
		if forDevice != "" && forDevice != req.DeviceID {
			return refuse(409, sync.CodeCodeOtherDevice, "this enrolment code was made for another laptop: ask the district for one made for this laptop")
		}
		if known && forDevice == "" {
			return refuse(409, sync.CodeDeviceKnown,
				"this laptop is enrolled at this hub already: to enrol it again, the district makes a code for it (briefing hub enroll --device "+req.DeviceID+")")
		}
		// The district named this laptop when it made the code ("Máy phường
		// 4 - bàn đón tiếp"): that name is the one its officers know, not the
		// hostname the device offers.
		if name != "" {
			req.Name = name
		}
		// A code made for a known device is the district's decision: it
		// enrols that device again (revoked by mistake, moved to another
		// unit, its keys file lost), with the key and unit of this
		// enrolment. What it pushed before stays, its acknowledgements go on.
		if _, err := tx.ExecContext(ctx, `INSERT INTO device (id, name, unit_id, public_key, enrolled_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, public_key = excluded.public_key,
			enrolled_at = excluded.enrolled_at, revoked_at = NULL`, req.DeviceID, req.Name, unitID, req.PublicKey, ms(now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE enrolment SET device_id = ?, public_key = ?, used_at = ? WHERE code_hash = ?`,
			req.DeviceID, req.PublicKey, ms(now), codeHash); err != nil {
			return err
		}
		dev, err = scanDevice(tx.QueryRowContext(ctx, `SELECT `+deviceCols+` FROM device d WHERE d.id = ?`, req.DeviceID))
		return err
	}()
	return dev, err
}

func (s *SQLite) Device(ctx context.Context, id string) (Device, error) {
	return scanDevice(s.db.QueryRowContext(ctx, `SELECT `+deviceCols+` FROM device d WHERE d.id = ?`, id))
}

func (s *SQLite) Devices(ctx context.Context) ([]Device, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+deviceCols+` FROM device d ORDER BY d.enrolled_at, d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Device
	for rows.Next() {
		d, err := scanDevice(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ErrAmbiguous: a short reference names more than one device.
var ErrAmbiguous = errors.New("more than one device matches")

// FindDevice finds the device ref names: its id, the start of its id (at
// least 4 characters) or its name, when no other device matches it.
func (s *SQLite) FindDevice(ctx context.Context, ref string) (Device, error) {
	var dev Device
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		dev, err = findDevice(ctx, tx, ref)
		return err
	})
	return dev, err
}

func findDevice(ctx context.Context, tx *sql.Tx, ref string) (Device, error) {
	ref = strings.TrimSpace(ref)
	rows, err := tx.QueryContext(ctx, `SELECT `+deviceCols+` FROM device d WHERE d.id = ?
		OR (length(?) >= 4 AND substr(d.id, 1, length(?)) = ?) OR lower(d.name) = lower(?)`, ref, ref, ref, ref, ref)
	if err != nil {
		return Device{}, err
	}
	defer rows.Close()
	var found []Device
	for rows.Next() {
		d, err := scanDevice(rows)
		if err != nil {
			return Device{}, err
		}
		if d.ID == ref {
			return d, nil
		}
		found = append(found, d)
	}
	if err := rows.Err(); err != nil {
		return Device{}, err
	}
	switch len(found) {
	case 0:
		return Device{}, ErrNotFound
	case 1:
		return found[0], nil
	}
	return Device{}, ErrAmbiguous
}

// Revoke revokes the device ref names (as FindDevice finds it).
func (s *SQLite) Revoke(ctx context.Context, ref string, now time.Time) (Device, error) {
	var dev Device
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if dev, err = findDevice(ctx, tx, ref); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE device SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`, ms(now), dev.ID)
		return err
	})
	return dev, err
}

func (s *SQLite) Seen(ctx context.Context, id string, now time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE device SET last_seen = ? WHERE id = ?`, ms(now), id)
		return err
	})
}

func (s *SQLite) Quarantined(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM quarantine`).Scan(&n)
	return n, err
}
