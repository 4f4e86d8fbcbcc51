package store

import (
	"context"
	"testing"
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
