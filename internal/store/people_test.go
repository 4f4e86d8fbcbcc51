package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"
	"time"

	"briefing/internal/record"
)

// A bulk insert logs one insert_many entry per chunk, numbered on with no
// gap, whose payload decodes to exactly the people stored.
func TestInsertPeopleLogsChunksThatDecodeToThePeople(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	n := peoplePerEntry + 7
	people := make([]*Person, n)
	notice := time.Date(2026, 11, 25, 8, 30, 0, 123e6, time.UTC)
	for i := range people {
		people[i] = &Person{Name: fmt.Sprintf("Nguyễn Văn \"%d\"\t\\", i), NameKey: "nguyen van", Unit: "Phường 7",
			Group: "nhan_dan", Phone: "0903123456", Source: "roster", CreatedAt: notice}
	}
	people[3].NoticeAt = &notice
	people[4].Name = "bad \xff utf8 \u0001"
	if err := s.Tx(ctx, func(tx *Tx) error {
		return tx.InsertPerson(ctx, &Person{Name: "Một", Source: "walk_in", CreatedAt: notice})
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// One entry for the single person, then two chunks.
	if len(changes) != 3 {
		t.Fatalf("%d changes, want 3", len(changes))
	}
	var single Person
	if err := json.Unmarshal(changes[0].Payload, &single); err != nil || single.Name != "Một" || changes[0].Op != OpInsert {
		t.Fatalf("single payload %s: %v", changes[0].Payload, err)
	}
	var logged []Person
	for i, c := range changes[1:] {
		if c.Seq != int64(i+2) || c.Op != OpInsertMany || c.Entity != EntityPerson {
			t.Fatalf("change %d = %+v", i, c)
		}
		var chunk []Person
		if err := json.Unmarshal(c.Payload, &chunk); err != nil {
			t.Fatalf("payload of seq %d: %v", c.Seq, err)
		}
		last := chunk[len(chunk)-1]
		if c.RecordID != last.ID || c.HLC != last.HLC {
			t.Errorf("seq %d names %s %s, its last record is %s %s", c.Seq, c.RecordID, c.HLC, last.ID, last.HLC)
		}
		logged = append(logged, chunk...)
	}
	if len(logged) != n {
		t.Fatalf("logged %d people, want %d", len(logged), n)
	}
	for i, p := range people {
		stored, err := s.Person(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		stored.Row = 0
		want := *p
		if i == 4 {
			want.Name = "bad \ufffd utf8 \u0001" // as encoding/json would write it
			stored.Name = want.Name
		}
		if !reflect.DeepEqual(logged[i], want) || !reflect.DeepEqual(stored, *p) && i != 4 {
			t.Fatalf("person %d:\nlogged %+v\nstored %+v\nwant   %+v", i, logged[i], stored, want)
		}
	}
}

// BenchmarkInsertPeople100k is the store's share of a roster import: 100,000
// people ready in memory, inserted and logged in one transaction and
// committed. What the import adds on top is reading and checking the file.
func BenchmarkInsertPeople100k(b *testing.B) {
	created := time.Now()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		people := make([]*Person, 100_000)
		for i := range people {
			people[i] = &Person{Name: fmt.Sprintf("Nguyễn Văn Người %d", i), NameKey: fmt.Sprintf("nguyen van nguoi %d", i),
				Unit: "Chi bộ Khu phố 5", Group: "nhan_dan", Phone: fmt.Sprintf("09%08d", i), Source: "roster", CreatedAt: created}
		}
		ctx := context.Background()
		b.StartTimer()
		err = s.Tx(ctx, func(tx *Tx) error {
			if err := tx.GrowCache(ctx, 128); err != nil {
				return err
			}
			for lo := 0; lo < len(people); lo += 1000 {
				if err := tx.InsertPeople(ctx, people[lo:lo+1000]); err != nil {
					return err
				}
			}
			return nil
		})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkSmallestDurableCommit is the floor under every durable write: a
// transaction that sets one small row and commits with an fsync. A check-in
// is measured against it (and against a bare disk flush) in attendance.
func BenchmarkSmallestDurableCommit(b *testing.B) {
	s, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	n := 0
	for b.Loop() {
		n++
		if err := s.Tx(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, "bench", strconv.Itoa(n)) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPersonPayload is the encoding share of a bulk insert: one
// insert_many payload of peoplePerEntry people, measured alone because the
// whole import's time on a shared disk varies more than the encoding costs.
func BenchmarkPersonPayload(b *testing.B) {
	created := time.Date(2025, 7, 1, 8, 0, 0, 123e6, time.UTC)
	people := make([]*Person, peoplePerEntry)
	for i := range people {
		people[i] = &Person{Meta: Meta{ID: newID(), Origin: newID(), HLC: formatHLC(created.UnixMilli(), i, "dev")},
			Name: fmt.Sprintf("Nguyễn Văn Người %d", i), NameKey: fmt.Sprintf("nguyen van nguoi %d", i),
			Unit: "Chi bộ Khu phố 5", Group: "nhan_dan", Phone: fmt.Sprintf("09%08d", i), Source: "roster", CreatedAt: created}
	}
	people[1].NoticeAt = &created
	var payload []byte
	for b.Loop() {
		payload = payload[:0]
		for _, p := range people {
			payload = record.AppendPersonJSON(payload, p)
		}
	}
	b.SetBytes(int64(len(payload)))
}
