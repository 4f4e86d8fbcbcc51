package questions

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"briefing/internal/store"
)

// A question's commit writes few pages to the WAL, each flushed at commit:
// the question's row and its two indexes and one change-log entry (it was
// seven with a version row for version 1). Counted, not timed, so that a
// loaded machine cannot fail it.
func TestAddWritesFewPages(t *testing.T) {
	f := newFixture(t)
	db, err := sql.Open("sqlite", "file:"+filepath.Join(f.dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkpoint := func(mode string) (frames int) {
		var busy, done int
		if err := db.QueryRow(`PRAGMA wal_checkpoint(`+mode+`)`).Scan(&busy, &frames, &done); err != nil || busy != 0 {
			t.Fatalf("checkpoint %s: busy %d, %v", mode, busy, err)
		}
		return frames
	}
	var pages []int
	for range 40 {
		checkpoint("TRUNCATE") // the next commit writes the WAL from its start
		if _, err := f.svc.Add(ctx, f.session, Draft{Text: "Chuyển đổi số ở phường?", Slide: 1, AskerName: "Lê Văn Tám"}); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, checkpoint("PASSIVE"))
	}
	slices.Sort(pages)
	if median := pages[len(pages)/2]; median > 4 {
		t.Errorf("a question's commit writes %d pages (median of %v), want at most 4", median, pages)
	}
}
