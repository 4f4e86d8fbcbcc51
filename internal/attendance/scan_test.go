package attendance

import (
	"errors"
	"testing"

	"briefing/internal/session"
)

const (
	anCard      = "079203001234|272345678|Nguyễn Văn An|01021990|Nam|Phường 7|15082021"
	binhCard    = "079199004321|272345678|Đặng Thị Bình|01021990|Nữ|Phường 7|15082021"
	newCard     = "079199005555|272345678|Lê Văn Mới|01021990|Nam|Phường 7|15082021"
	numberOnly  = "079099007777"
	garbledCard = "079199006666|272345678|Nguyá»n Van Tu|01021990|Nam|Phường 7|15082021" // a byte lost: not repaired
)

// Every outcome of a scan, and every refusal, from the roster rosterCSV (An
// has his card on file, Bình and Châu have none).
func TestScanOutcomes(t *testing.T) {
	cases := []struct {
		name      string
		before    func(f *fixture) // e.g. a first scan
		payload   string
		opt       ScanOptions
		holder    string // a roster name, for opt.Holder
		want      ScanOutcome
		wantName  string // who is checked in, or the one candidate
		wantErr   any    // a pointer to the error type, or an error for errors.Is
		newPeople int    // people registered by the scan
	}{
		{name: "number on file", payload: anCard, want: CheckedIn, wantName: "Nguyễn Văn An"},
		{name: "again", payload: anCard, before: func(f *fixture) { f.svc.Scan(ctx, f.session, anCard, ScanOptions{}) }, want: AlreadyIn, wantName: "Nguyễn Văn An"},
		{name: "name without a card", payload: binhCard, want: Choose, wantName: "Đặng Thị Bình"},
		{name: "holder said", payload: binhCard, holder: "Đặng Thị Bình", want: CheckedIn, wantName: "Đặng Thị Bình"},
		{name: "someone new: the form", payload: binhCard, opt: ScanOptions{New: true}, want: NewFromCard},
		{name: "someone new: registered", payload: binhCard, opt: ScanOptions{New: true, Register: true}, want: CheckedIn, wantName: "Đặng Thị Bình", newPeople: 1},
		{name: "unknown: the form", payload: newCard, want: NewFromCard},
		{name: "unknown: registered", payload: newCard, opt: ScanOptions{Register: true}, want: CheckedIn, wantName: "Lê Văn Mới", newPeople: 1},
		{name: "number only", payload: numberOnly, opt: ScanOptions{Register: true}, want: NameUnclear},
		{name: "number only: the form", payload: numberOnly, want: NewFromCard},
		{name: "garbled name", payload: garbledCard, opt: ScanOptions{Register: true}, want: NameUnclear},
		{name: "not a card", payload: "không phải mã QR", wantErr: new(*CardError)},
		{name: "card is someone else's", payload: anCard, holder: "Trần Minh Châu", wantErr: new(*CardTakenError)},
		{name: "holder has another card", payload: newCard, holder: "Nguyễn Văn An", wantErr: new(*OtherCardError)},
		{name: "ended session", payload: anCard, wantErr: ErrEnded, before: func(f *fixture) {
			if err := session.New(f.st, nil).End(ctx, f.session); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			byName := map[string]string{}
			for _, p := range f.people(t) {
				byName[p.Name] = p.ID
			}
			if c.before != nil {
				c.before(f)
			}
			opt := c.opt
			if c.holder != "" {
				opt.Holder = byName[c.holder]
			}
			res, err := f.svc.Scan(ctx, f.session, c.payload, opt)
			switch want := c.wantErr.(type) {
			case nil:
				if err != nil {
					t.Fatalf("Scan: %v", err)
				}
			case error:
				if !errors.Is(err, want) {
					t.Fatalf("Scan err = %v, want %v", err, want)
				}
				return
			default:
				if err == nil || !errors.As(err, want) {
					t.Fatalf("Scan err = %v (%T), want %T", err, err, want)
				}
				return
			}
			if res.Outcome != c.want {
				t.Fatalf("outcome = %d, want %d (%+v)", res.Outcome, c.want, res)
			}
			switch c.want {
			case CheckedIn, AlreadyIn:
				if res.CheckIn.Person.Name != c.wantName || res.CheckIn.Already != (c.want == AlreadyIn) {
					t.Fatalf("check-in = %+v, want %s", res.CheckIn, c.wantName)
				}
				if c.want == CheckedIn && res.CheckIn.Method != ByQR {
					t.Fatalf("method = %s, want qr", res.CheckIn.Method)
				}
				again, err := f.svc.ByCitizenID(ctx, res.Card.Number)
				if err != nil || len(again) != 1 || again[0].ID != res.CheckIn.Person.ID {
					t.Fatalf("the card is not kept on %s: %+v, %v", c.wantName, again, err)
				}
			case Choose:
				if len(res.Candidates) != 1 || res.Candidates[0].Name != c.wantName {
					t.Fatalf("candidates = %+v, want %s", res.Candidates, c.wantName)
				}
			}
			if c.want != CheckedIn && c.want != AlreadyIn {
				if list, _ := f.svc.Attendees(ctx, f.session); len(list) != 0 {
					t.Fatalf("%d checked in, want nobody: nothing is written", len(list))
				}
			}
			if n := len(f.people(t)) - 3; n != c.newPeople {
				t.Fatalf("%d people registered, want %d", n, c.newPeople)
			}
		})
	}
}
