package home

import (
	"context"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/session"
	bsync "briefing/internal/sync"
	"briefing/internal/tui/common"
	"briefing/internal/tui/theme"
)

// The home screen's sync line says first how many changes wait to be sent,
// then when the last sync was and to which hub, as briefing sync status does.
func TestSyncLine(t *testing.T) {
	last := time.Date(2026, 12, 5, 8, 30, 0, 0, time.Local)
	cases := []struct {
		st   *bsync.Status
		want string
	}{
		{nil, ""},
		{&bsync.Status{Pending: 12}, "Đồng bộ: 12 thay đổi chưa gửi · chưa ghi danh với máy chủ quận"},
		{&bsync.Status{Enrolled: true, Hub: "https://hub:8443", Pending: 3}, "Đồng bộ: 3 thay đổi chưa gửi · chưa đồng bộ lần nào · máy chủ https://hub:8443"},
		{&bsync.Status{Enrolled: true, Hub: "https://hub:8443", LastSync: &last, LastResult: "ok"}, "Đồng bộ: 0 thay đổi chưa gửi · lần cuối 05/12 08:30 (xong) · máy chủ https://hub:8443"},
		{&bsync.Status{Enrolled: true, Hub: "https://hub:8443", LastSync: &last, LastResult: "revoked", Pending: 1}, "Đồng bộ: 1 thay đổi chưa gửi · lần cuối 05/12 08:30 (máy bị thu hồi) · máy chủ https://hub:8443"},
		// What the hub holds, and the last complete sync after a failed one,
		// come before the hub's address (which 80 columns cut).
		{&bsync.Status{Enrolled: true, Hub: "https://hub:8443", LastSync: &last, LastResult: "error", LastOK: &last, Held: 3},
			"Đồng bộ: 0 thay đổi chưa gửi · lần cuối 05/12 08:30 (lỗi mạng hoặc lỗi máy) · xong lần cuối 05/12 08:30 · bị giữ: 3 · máy chủ https://hub:8443"},
	}
	for _, c := range cases {
		m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: 80, Height: 24}, nil, nil)
		m.sync = c.st

		if got := m.syncLine(); got != c.want {
			t.Errorf("syncLine(%+v) = %q, want %q", c.st, got, c.want)
		}
	}
}

// The status arrives with the load Cmd's message: Init and Update never call
// the reader themselves.
func TestSyncStatusReadInLoad(t *testing.T) {
	calls := 0
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: 100, Height: 30}, nil, nil).WithSyncStatus(func(context.Context) (bsync.Status, error) {
		calls++
		return bsync.Status{}, nil
	})
	if m.Init() == nil {
		t.Fatal("Init returned no load Cmd")
	}
	updated, _ := m.Update(loadedMsg{device: session.Device{Name: "Laptop P4"}, sync: &bsync.Status{Pending: 4}})
	if calls != 0 || !strings.Contains(updated.View(), "4 thay đổi chưa gửi") {
		t.Fatalf("calls=%d, view:\n%s", calls, updated.View())
	}
	if m.syncStatus == nil {
		t.Fatal("WithSyncStatus kept no reader")
	}
}

// An enrolled laptop speaks for the unit the hub enrolled it for: the
// device form shows that unit instead of asking for one.
func TestProfileFormOfAnEnrolledLaptop(t *testing.T) {
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true), Width: 80, Height: 24}, nil, nil)
	updated, _ := m.Update(loadedMsg{units: []string{"Phường 1", "Phường 4"}, sync: &bsync.Status{Enrolled: true, UnitName: "Phường 4"}})
	view := updated.View()
	if !strings.Contains(view, "Đơn vị: Phường 4 (theo ghi danh với máy chủ quận)") || strings.Contains(view, "↑↓ chọn") {
		t.Fatalf("the form of an enrolled laptop:\n%s", view)
	}
	updated, _ = m.Update(loadedMsg{units: []string{"Phường 1", "Phường 4"}, sync: &bsync.Status{}})
	if view := updated.View(); !strings.Contains(view, "↑↓ chọn") {
		t.Fatalf("the form of a laptop not enrolled asks for its unit:\n%s", view)
	}
}
