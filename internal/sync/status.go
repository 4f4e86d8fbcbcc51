package sync

import (
	"context"
	"errors"
	"time"

	"briefing/internal/store"
)

// Status is where this device stands with its hub: what `briefing sync
// status` prints and the home screen shows.
type Status struct {
	Enrolled   bool          `json:"enrolled"`
	Hub        string        `json:"hub"`
	HubID      string        `json:"hub_id"`
	Device     string        `json:"device_id"`
	Unit       string        `json:"unit"`
	UnitName   string        `json:"unit_name"`
	LastSync   *time.Time    `json:"last_sync"`
	LastResult string        `json:"last_result"` // "ok" or an error code
	LastOK     *time.Time    `json:"last_ok"`     // when a sync last ended "ok"
	Pending    int64         `json:"pending"`     // changes the hub has not acknowledged
	Acked      int64         `json:"acked"`
	Cursor     int64         `json:"cursor"`
	Held       int           `json:"held"` // records the hub holds instead of applying, as of its last answer
	HubOffset  time.Duration `json:"-"`
}

// ReadStatus reads the device's sync status. Pending counts every change after
// the hub's acknowledged number, enrolled or not.
func ReadStatus(ctx context.Context, st *store.Store) (Status, error) {
	s, err := st.SyncState(ctx)
	enrolled := err == nil
	if err != nil && !errors.Is(err, store.ErrNotEnrolled) {
		return Status{}, err
	}
	last, err := st.LastSeq(ctx)
	if err != nil {
		return Status{}, err
	}
	return Status{
		Enrolled: enrolled, Hub: s.HubURL, HubID: s.HubID, Device: st.DeviceID(), Unit: s.Unit, UnitName: s.UnitName,
		LastSync: s.LastSyncAt, LastResult: s.LastResult, Pending: max(0, last-s.Acked), Acked: s.Acked,
		Cursor: s.Cursor, HubOffset: s.HubOffset, Held: s.Held, LastOK: s.LastOKAt,
	}, nil
}
