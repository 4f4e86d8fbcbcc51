package hub

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"time"

	"briefing/internal/sync"
)

// BundleImported says whether the bundle id was imported, when, and what
// the hub now holds of its device's log in its epoch.
func (s *SQLite) BundleImported(ctx context.Context, id string) (at time.Time, acked int64, ok bool, err error) {
	var ms int64
	err = s.db.QueryRowContext(ctx, `SELECT b.imported_at, COALESCE(e.acked, b.acked) FROM bundle_in b
		LEFT JOIN device_epoch e ON e.device_id = b.device_id AND e.epoch = b.epoch WHERE b.id = ?`, id).Scan(&ms, &acked)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, 0, false, nil
	}
	return time.UnixMilli(ms), acked, err == nil, err
}

// PushBundle applies a bundle's push batches through the push path, all
// in one transaction with the bundle's id (and, when enrol is given, the
// device's enrolment): a bundle is applied whole or not at all, and once.
// The answer is the last batch's, with the clock and held counts of all.
func (s *SQLite) PushBundle(ctx context.Context, dev Device, m sync.Manifest, reqs []sync.PushRequest, enrol *sync.EnrollRequest, now time.Time) (BundleApplied, error) {
	total := sync.PushResponse{HubTime: now.UTC()}
	out := BundleApplied{Device: dev}
	var before int64
	batches := make([][]checked, len(reqs))
	for i, req := range reqs {
		batch, err := checkPush(dev, req, now)
		if err != nil {
			return out, invalid(err)
		}
		for _, c := range batch {
			if c.ahead {
				total.ClockAhead++
			}
			// A push holds a record of another origin; a bundle, signed as
			// one file, is refused whole for it.
			if c.held != nil && c.held.Reason == sync.HeldOrigin {
				return out, fmt.Errorf("%w: change %d (%s %s): %s", sync.ErrBundleOrigin, c.Seq, c.Entity, c.RecordID, c.held.Message)
			}
		}
		batches[i] = batch
	}
	var conflictEpoch int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO bundle_in (id, device_id, epoch, first_seq, last_seq, acked, imported_at)
			VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING`, m.ID, dev.ID, m.Epoch, m.From, m.To, ms(now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return sync.ErrBundleReplayed
		}
		if enrol != nil {
			d, err := enrollTx(ctx, tx, HashCode(enrol.Code), *enrol, now)
			if err != nil {
				return err
			}
			dev, out.Device, out.Enrolled = d, d, true
		}
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT acked FROM device_epoch WHERE device_id = ? AND epoch = ?), 0)`,
			dev.ID, m.Epoch).Scan(&before); err != nil {
			return err
		}
		var held []sync.HeldRecord
		for i, req := range reqs {
			conflictEpoch = req.Epoch
			resp := sync.PushResponse{}
			if err := s.pushTx(ctx, tx, dev, req, batches[i], now, &resp); err != nil {
				return err
			}
			held = append(held, resp.Held...)
			total.Acked, total.Expected, total.HeldTotal = resp.Acked, resp.Expected, resp.HeldTotal
		}
		if len(reqs) == 0 {
			var err error
			if total.HeldTotal, _, err = (&pusher{s: s, tx: tx, ctx: ctx, dev: dev}).heldSize(); err != nil {
				return err
			}
			if err := tx.QueryRowContext(ctx, `SELECT COALESCE((SELECT acked FROM device_epoch WHERE device_id = ?
				ORDER BY epoch DESC LIMIT 1), 0)`, dev.ID).Scan(&total.Acked); err != nil {
				return err
			}
		}
		total.Held = held[:min(len(held), sync.MaxHeldListed)]
		_, err = tx.ExecContext(ctx, `UPDATE bundle_in SET acked = ? WHERE id = ?`, total.Acked, m.ID)
		return err
	})
	var conflict *errConflict
	if errors.As(err, &conflict) {
		if qerr := s.quarantine(ctx, dev, conflictEpoch, conflict, now); qerr != nil {
			return out, qerr
		}
		r := refuse(http.StatusConflict, sync.CodeConflict,
			"this change's number was pushed before with other content: it is kept aside at the hub for a person to look at")
		r.Wire.Seq = conflict.seq
		return out, r
	}
	if errors.Is(err, sync.ErrBundleReplayed) {
		return out, err
	}
	if err != nil {
		return out, invalid(err)
	}
	// The changes this bundle brought that the hub did not hold (an older
	// bundle after a newer one brings none).
	out.Response, out.Fresh = total, max(0, total.Acked-before)
	return out, nil
}
