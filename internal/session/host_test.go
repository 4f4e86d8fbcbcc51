package session

import (
	"context"
	"testing"
)

// The host unit a new session defaults to is the device's unit as the
// catalog names it ("P.4" is Phường 4), whichever face starts it; none
// without a device unit.
func TestHostUnit(t *testing.T) {
	svc, _, _ := newService(t)
	ctx := context.Background()
	if host, err := svc.HostUnit(ctx); err != nil || host != "" {
		t.Fatalf("fresh device: %q, %v", host, err)
	}
	if err := svc.SetDevice(ctx, "Laptop", "P.4"); err != nil {
		t.Fatal(err)
	}
	if host, err := svc.HostUnit(ctx); err != nil || host != "Phường 4" {
		t.Fatalf("host %q, %v", host, err)
	}
	s, err := svc.Start(ctx, DeckRef{ID: "nq57", Version: "v1", Title: "NQ 57", Slides: 3}, Info{})
	if err != nil || s.Info.Unit != "Phường 4" {
		t.Fatalf("started with unit %q, %v", s.Info.Unit, err)
	}
}
