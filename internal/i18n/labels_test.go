package i18n

import "testing"

func TestSessionState(t *testing.T) {
	for _, c := range []struct {
		l     Lang
		ended bool
		want  string
	}{{VI, false, "đang mở"}, {VI, true, "đã kết thúc"}, {EN, false, "open"}, {EN, true, "ended"}} {
		if got := c.l.SessionState(c.ended); got != c.want {
			t.Errorf("%s SessionState(%v) = %q, want %q", c.l, c.ended, got, c.want)
		}
	}
}

func TestUnitKind(t *testing.T) {
	if got := VI.UnitKind("ward"); got != "phường" {
		t.Errorf("VI ward: %q", got)
	}
	if got := EN.UnitKind("mass_org"); got != "mass organisation" {
		t.Errorf("EN mass_org: %q", got)
	}
	if got := VI.UnitKind("planet"); got != "planet" { // a kind from a newer hub, shown as it is
		t.Errorf("VI planet: %q", got)
	}
}
