package session

import (
	"context"
	"strings"
	"testing"
)

// The chair and the secretary are stored with the session at its start,
// kept across reopening the database, and set later (after the end too),
// one without touching the other; a name over the limit is refused.
func TestChairAndSecretary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	svc := New(openStore(t, dir), newClock().now)
	in := info
	in.Chair, in.Secretary = "  Trần Văn Chủ ", "Lê Thị Thư"
	s, err := svc.Start(ctx, nq57, in)
	if err != nil {
		t.Fatal(err)
	}
	if s.Info.Chair != "Trần Văn Chủ" || s.Info.Secretary != "Lê Thị Thư" {
		t.Errorf("started with %+v", s.Info)
	}
	if err := svc.End(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	chair := "Nguyễn Thị Chủ Trì"
	if _, err := svc.SetSigners(ctx, s.ID, &chair, nil); err != nil {
		t.Fatal(err)
	}
	again := New(openStore(t, dir), nil)
	got, err := again.Get(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Info.Chair != chair || got.Info.Secretary != "Lê Thị Thư" {
		t.Errorf("after set: %+v", got.Info)
	}
	long := strings.Repeat("A", 201)
	if _, err := again.SetSigners(ctx, s.ID, nil, &long); err == nil {
		t.Error("a 201-character secretary was taken")
	}
}
