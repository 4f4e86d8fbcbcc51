package hub

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A person's removed_at (device migration 0017): a device of this version
// sends it, null or a time; one of an earlier version leaves it out, and
// the hub reads that as null rather than refusing its pushes.
func TestPersonRemovedAt(t *testing.T) {
	dev, id := newID(), newID()
	at := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	hlc := formatHLC(at.UnixMilli(), 0, dev)
	payload := func(extra map[string]any) json.RawMessage {
		f := personFields("Nguyễn Văn An", "nguyen van an", "Phường 7", "can_bo", "", at)
		f["id"], f["origin"], f["hlc"] = id, dev, hlc
		for k, v := range extra {
			f[k] = v
		}
		b, _ := json.Marshal(f)
		return b
	}
	for _, tc := range []struct {
		name    string
		extra   map[string]any
		wantErr string
	}{
		{"earlier version, no field", nil, ""},
		{"on the roster", map[string]any{"removed_at": nil}, ""},
		{"removed", map[string]any{"removed_at": at}, ""},
		{"not a time", map[string]any{"removed_at": "yesterday"}, "payload.removed_at"},
	} {
		_, err := checkRecords(1, "person", "update", id, hlc, payload(tc.extra), dev)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%s: %v, want an error on %s", tc.name, err, tc.wantErr)
		}
	}
	// Other fields are still required.
	f := payload(nil)
	var m map[string]any
	json.Unmarshal(f, &m)
	delete(m, "notice_at")
	f, _ = json.Marshal(m)
	if _, err := checkRecords(1, "person", "update", id, hlc, f, dev); err == nil || !strings.Contains(err.Error(), "notice_at") {
		t.Errorf("a missing notice_at: %v", err)
	}
}
