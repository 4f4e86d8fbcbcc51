package session

import (
	"context"
	"errors"
	"testing"

	"briefing/internal/store"
)

// A laptop enrolled for Phường 4 starts sessions of Phường 4 (however it
// is spelled) and of units the catalog does not know, but not of Phường 7:
// the hub would refuse that session and all its check-ins weeks later.
func TestStartRefusesAUnitOutsideTheEnrolment(t *testing.T) {
	ctx := context.Background()
	s := enrolledForWard4(t)
	in := info
	in.Unit = "P.7"
	_, err := s.Start(ctx, nq57, in)
	var scope *OutsideScopeError
	if !errors.As(err, &scope) || scope.Unit != "Phường 7" || scope.Enrolled != "Phường 4" {
		t.Fatalf("a session of P.7 on a laptop of Phường 4: %v", err)
	}
	if cur, _ := s.Current(ctx); cur != nil {
		t.Fatalf("a refused start left a session open: %+v", cur)
	}
	for _, u := range []string{"UBND phường 04", "Trường THCS Ngô Sĩ Liên"} {
		in.Unit = u
		started, err := s.Start(ctx, nq57, in)
		if err != nil {
			t.Fatalf("unit %q: %v", u, err)
		}
		if err := s.End(ctx, started.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// A session started with no host unit is the device's own unit's (an
// enrolled laptop's is the hub's): the district's report had put such
// sessions under "not recorded".
func TestStartWithNoUnitTakesTheDevicesUnit(t *testing.T) {
	ctx := context.Background()
	s := enrolledForWard4(t)
	in := info
	in.Unit = "  "
	started, err := s.Start(ctx, nq57, in)
	if err != nil {
		t.Fatal(err)
	}
	if started.Info.Unit != "Phường 4" {
		t.Errorf("unit %q, want the enrolled Phường 4", started.Info.Unit)
	}
}

// enrolledForWard4 is a session service on a laptop enrolled for Phường 4.
func enrolledForWard4(t *testing.T) *Service {
	t.Helper()
	s, st, _ := newService(t)
	const ward4 = "01941f29-7c00-7000-8000-000000000004"
	if err := st.SaveEnrolment(context.Background(), store.SyncState{HubURL: "https://hub:8443", HubID: "hub", Unit: ward4,
		UnitName: "Phường 4", Scope: []string{ward4}}); err != nil {
		t.Fatal(err)
	}
	return s
}
