package store

import (
	"context"
	"testing"
	"time"
)

// Enrolment gives the laptop its unit: the device profile (which new
// sessions start under) takes the hub's unit and keeps its name.
func TestEnrolmentSetsTheDeviceUnit(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.SetDevice(ctx, "Máy bàn P4", "Phường 9") }); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEnrolment(ctx, SyncState{HubURL: "https://hub:8443", HubID: "hub", Unit: "u4", UnitName: "Phường 4"}); err != nil {
		t.Fatal(err)
	}
	d, err := s.Device(ctx)
	if err != nil || d.Unit != "Phường 4" || d.Name != "Máy bàn P4" {
		t.Fatalf("device after enrolment: %+v %v", d, err)
	}
}

// A failed sync is the last attempt, but not the last time the records
// reached the hub: that one is kept apart. The hub's count of held records
// is kept as given.
func TestSyncResultKeepsTheLastGoodSync(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	if err := s.SaveEnrolment(ctx, SyncState{HubURL: "https://hub:8443", HubID: "hub"}); err != nil {
		t.Fatal(err)
	}
	good := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if err := s.SetSyncResult(ctx, good, "ok", 0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSyncResult(ctx, good.Add(time.Hour), "error", 0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHeld(ctx, 3); err != nil {
		t.Fatal(err)
	}
	st, err := s.SyncState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.LastOKAt == nil || !st.LastOKAt.Equal(good) || !st.LastSyncAt.Equal(good.Add(time.Hour)) || st.LastResult != "error" || st.Held != 3 {
		t.Errorf("state %+v (last ok %v)", st, st.LastOKAt)
	}
}
