package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/search"
	"briefing/internal/textvi"
)

var ctx = context.Background()

// checkVocabCounts fails unless person_vocab.people is, for every word, how
// many people have it.
func checkVocabCounts(t *testing.T, s *Store) {
	t.Helper()
	var wrong int
	err := s.db.QueryRow(`SELECT count(*) FROM person_vocab
		WHERE people <> (SELECT count(*) FROM person_word WHERE person_word.word = person_vocab.word)`).Scan(&wrong)
	if err != nil || wrong != 0 {
		t.Errorf("%d words of person_vocab miscounted (%v)", wrong, err)
	}
}

func insertNamed(t *testing.T, s *Store, names ...string) []*Person {
	t.Helper()
	people := make([]*Person, len(names))
	for i, n := range names {
		people[i] = &Person{Name: n, NameKey: textvi.Fold(n), Unit: "Phường 7", Source: "roster", CreatedAt: time.Now()}
	}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		t.Fatal(err)
	}
	return people
}

// The words' counts follow inserts and edits, and a query's candidates are
// the same whichever of its words is sparsest: read from it, tested on the
// others.
func TestSearchCandidatesFromSparsestWord(t *testing.T) {
	s := openTest(t, t.TempDir())
	var names []string
	for i := range 300 {
		names = append(names, fmt.Sprintf("Nguyễn Văn Người%d", i%7))
	}
	names = append(names, "Nguyễn Thị Ánh", "Trần Văn An", "Nguyễn Văn An")
	people := insertNamed(t, s, names...)
	checkVocabCounts(t, s)

	p, err := s.Person(ctx, people[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	p.Name, p.NameKey = "Lê Văn An", "le van an"
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdatePerson(ctx, &p) }); err != nil {
		t.Fatal(err)
	}
	checkVocabCounts(t, s)

	rowOf := func(ps ...*Person) []int64 {
		var rows []int64
		for _, person := range ps {
			got, err := s.Person(ctx, person.ID)
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, got.Row)
		}
		slices.Sort(rows)
		return rows
	}
	for _, c := range []struct {
		query string
		want  []int64
	}{
		{"van an", rowOf(people[0], people[301], people[302])},
		{"nguyen an", rowOf(people[300], people[302])}, // Ánh starts with an
		{"anh nguyen thi", rowOf(people[300])},
	} {
		got, err := s.SearchCandidates(ctx, search.PlanQuery(c.query), 100)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("%q: candidates %v (%v), want %v", c.query, got, err, c.want)
		}
	}
	// Past the limit: limit+1 rows.
	got, err := s.SearchCandidates(ctx, search.PlanQuery("nguyen"), 100)
	if err != nil || len(got) != 101 {
		t.Errorf("nguyen: %d candidates (%v), want 101", len(got), err)
	}
	rows, exact, err := s.NameCandidates(ctx, "nguyen van an", 100)
	if err != nil || exact != 1 || !slices.Equal(rows, rowOf(people[302])) {
		t.Errorf("name candidates: %v, %d exact (%v)", rows, exact, err)
	}
}

// A query of thousands of words is one small statement (SQLite refused
// 3,000 conditions as too deep), and finds no fewer candidates.
func TestSearchCandidatesOfAVeryLongQuery(t *testing.T) {
	s := openTest(t, t.TempDir())
	people := insertNamed(t, s, "Nguyễn Văn An", "Lê Thị Hoa")
	query := strings.Repeat("an nguyen van ", 1000) + "phuong 7 ngu v va ph phu phuo nguy"
	got, err := s.SearchCandidates(ctx, search.PlanQuery(query), 100)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Person(ctx, people[0].ID)
	if err != nil || !slices.Contains(got, p.Row) {
		t.Fatalf("candidates %v (%v), want Nguyễn Văn An's row among them", got, err)
	}
}
