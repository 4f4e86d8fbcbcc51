package attendance

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefing/internal/roster"
	"briefing/internal/sqlitedb"
	"briefing/internal/store"
)

func (f *fixture) importFile(t testing.TB, path string, opt ImportOptions) (ImportResult, error) {
	t.Helper()
	r, err := roster.Open(path)
	if err != nil {
		return ImportResult{}, err // a file roster cannot open: the same for both
	}
	defer r.Close()
	return f.svc.Import(ctx, r, opt)
}

type counts struct{ imported, updated, unchanged, rejected int }

func countsOf(r ImportResult) counts { return counts{r.Imported, r.Updated, r.Unchanged, r.Rejected} }

// A dry run says what the real import of the same file then does, on an
// empty roster and on one that already holds people (new, updated,
// unchanged, duplicate and invalid rows), for every roster in
// internal/roster/testdata and a file made to have each kind of row.
func TestDryRunCountsAreTheRealImports(t *testing.T) {
	files, err := filepath.Glob("../roster/testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	mixed := filepath.Join(t.TempDir(), "mixed.csv")
	os.WriteFile(mixed, []byte("STT;Họ và tên;Đơn vị;Thành phần;Số điện thoại;Số CCCD\r\n"+
		"1;Nguyễn Văn An;Phường 7;Cán bộ;0912345678;079203001234\r\n"+ // updated: another group
		"2;Đặng Thị Bình;Phường 7;Nhân dân;;\r\n"+ // unchanged
		"3;Lê Văn Mới;Phường 2;Nhân dân;0900000001;079199005555\r\n"+ // new
		"4;Lê Văn Mới;Phường 2;Nhân dân;0900000001;079199005555\r\n"+ // duplicate of line 4
		"5;;Phường 2;Nhân dân;;\r\n"+ // invalid: no name
		"6;Trần Minh Châu;Phường 3;cán bộ;0987654321;123\r\n"), 0o600) // invalid citizen ID
	files = append(files, mixed)
	tried := 0
	for _, path := range files {
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		for _, base := range []string{"", rosterCSV} {
			for _, skip := range []bool{false, true} {
				f := newFixture(t)
				if base != "" {
					if _, err := f.importCSV(t, base, ImportOptions{}); err != nil {
						t.Fatal(err)
					}
				}
				opt := ImportOptions{SkipInvalid: skip, Unit: "Phường 9"}
				dryOpt := opt
				dryOpt.DryRun = true
				dry, dryErr := f.importFile(t, path, dryOpt)
				if dry.Applied {
					t.Errorf("%s: a dry run says it applied", path)
				}
				real, realErr := f.importFile(t, path, opt)
				if (dryErr == nil) != (realErr == nil) || countsOf(dry) != countsOf(real) {
					t.Errorf("%s (base %v, skip %v): dry run %+v, %v; the import %+v, %v",
						filepath.Base(path), base != "", skip, countsOf(dry), dryErr, countsOf(real), realErr)
				}
				tried++
			}
		}
	}
	if tried < 20 {
		t.Fatalf("only %d runs; the fixtures are missing", tried)
	}
}

// A dry run takes no write lock: it finishes while another process holds
// one (a check-in in the middle of its transaction), where the old dry run
// waited the whole busy timeout.
func TestDryRunDoesNotWaitForAWriter(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(f.dir, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	short, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	path := filepath.Join(t.TempDir(), "r.csv")
	os.WriteFile(path, []byte(rosterCSV+"4;Lê Văn Mới;Phường 2;Nhân dân;;\r\n"), 0o600)
	r, err := roster.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	start := time.Now()
	res, err := f.svc.Import(short, r, ImportOptions{DryRun: true})
	if err != nil || res.Imported != 1 || res.Unchanged != 3 {
		t.Fatalf("dry run beside a writer: %+v, %v after %v", countsOf(res), err, time.Since(start))
	}
}

// BenchmarkRosterDryRun100k is a dry run of a 100,000-row roster against
// the same 100,000 people stored: read queries only, counted in memory
// (5,000 rows under -short).
func BenchmarkRosterDryRun100k(b *testing.B) {
	n := 100_000
	if testing.Short() {
		n = 5_000
	}
	path := writeRoster(b, n)
	f := newFixture(b)
	if res, err := f.importFile(b, path, ImportOptions{}); err != nil || res.Imported != n {
		b.Fatalf("import = %+v, %v", res, err)
	}
	for b.Loop() {
		res, err := f.importFile(b, path, ImportOptions{DryRun: true})
		if err != nil || res.Unchanged != n || res.Applied {
			b.Fatalf("dry run = %+v, %v", countsOf(res), err)
		}
	}
}
