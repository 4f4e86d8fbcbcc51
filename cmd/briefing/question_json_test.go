package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestQuestionJSON: question list and show --json print the question record with its
// change-log names (and the fields users had: anonymous, pinned, versions), slides
// counted from 1 as the user counts them, times in UTC.
func TestQuestionJSON(t *testing.T) {
	t.Parallel()
	d := newCheckinData(t, "")
	d.expect(0, nil, nil, "question", "add", "--text", "Hỏi về chuyển đổi số", "--slide", "3", "--asker", "Lê Văn Tư", "--asker-unit", "P.4")
	d.expect(0, nil, nil, "question", "answer", "1", "--text", "Đã trả lời", "--by", "Báo cáo viên")
	d.expect(0, nil, nil, "question", "pin", "1")

	var list []map[string]any
	if err := json.Unmarshal([]byte(d.expect(0, nil, nil, "question", "list", "--json").out), &list); err != nil || len(list) != 1 {
		t.Fatalf("question list --json: %v, %d questions", err, len(list))
	}
	q := list[0]
	for _, name := range []string{"id", "origin", "hlc", "session_id", "number", "slide", "text", "anonymous", "asker_name",
		"asker_unit", "asker_person_id", "press", "status", "answer", "answered_by", "answered_at", "forwarded_to",
		"forwarded_at", "pinned", "version", "created_at", "updated_at"} {
		if _, ok := q[name]; !ok {
			t.Errorf("question list --json has no %q: %v", name, q)
		}
	}
	if q["slide"] != 3.0 || q["anonymous"] != false || q["pinned"] != true || q["status"] != "answered" {
		t.Errorf("question list --json: %v", q)
	}
	for _, name := range []string{"created_at", "answered_at"} {
		if s, _ := q[name].(string); !strings.HasSuffix(s, "Z") {
			t.Errorf("%s is not UTC: %q", name, s)
		}
	}
	if _, ok := q["versions"]; ok {
		t.Errorf("question list --json has versions: %v", q)
	}

	var show struct {
		Slide    int `json:"slide"`
		Versions []struct {
			Version int    `json:"version"`
			Slide   int    `json:"slide"`
			Status  string `json:"status"`
			SavedAt string `json:"saved_at"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(d.expect(0, nil, nil, "question", "show", "1", "--json").out), &show); err != nil {
		t.Fatal(err)
	}
	if show.Slide != 3 || len(show.Versions) != 2 || show.Versions[0].Slide != 3 || show.Versions[1].Status != "answered" ||
		!strings.HasSuffix(show.Versions[0].SavedAt, "Z") {
		t.Errorf("question show --json: %+v", show)
	}
}
