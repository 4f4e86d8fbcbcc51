package sqlitedb

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

// BenchmarkQuickCheck is the cost of the check store.Open runs on a file up to its
// CheckLimit, per megabyte of file (a 300,000-person device database is 211 MB).
func BenchmarkQuickCheck(b *testing.B) {
	rows := 40000 // about 6 MB
	if testing.Short() {
		rows = 200
	}
	path := newDB(b, b.TempDir(), rows)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		if err := Check(context.Background(), db, path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/(float64(st.Size())/(1<<20)), "ms/MB")
}
