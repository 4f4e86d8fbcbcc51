package hub

import (
	"bufio"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/sync"
)

// FuzzDecodePush: the push decoder and the contract check never panic, and
// a body they accept holds at most MaxPushChanges changes.
func FuzzDecodePush(f *testing.F) {
	f.Add([]byte(`{"epoch":1,"changes":[{"seq":1,"entity":"slide_view","record_id":"x","hlc":"h","op":"insert","payload":{}}]}`))
	f.Add([]byte(`{"epoch":1,"changes":[{"seq":1,"entity":"person","op":"insert_many","payload":[{"id":1}]}]}`))
	f.Add([]byte(`{"epoch":0,"changes":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"changes":[{"payload":"\u0000"}]}{}`))
	dev := Device{ID: "01a2457a-47cf-7425-a4de-d7c979a2fd06"}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := DecodePush(body)
		if err != nil {
			if _, ok := err.(*Refusal); !ok {
				t.Fatalf("not a refusal: %v", err)
			}
			return
		}
		if len(req.Changes) > sync.MaxPushChanges {
			t.Fatalf("%d changes accepted", len(req.Changes))
		}
		checkPush(dev, req, time.Unix(0, 0))
	})
}

// The hub's contract is docs/changelog.md's: every entity, op, field and type.
func TestContractIsTheDocument(t *testing.T) {
	f, err := os.Open("../../docs/changelog.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	heading := regexp.MustCompile("^### Entity `([a-z_]+)`")
	ticked := regexp.MustCompile("`([^`]+)`")
	doc := map[string]entitySpec{}
	cur := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if m := heading.FindStringSubmatch(line); m != nil {
			cur = m[1]
			doc[cur] = entitySpec{fields: map[string]fieldType{}}
			continue
		}
		if strings.HasPrefix(line, "#") {
			cur = ""
		}
		if cur == "" {
			continue
		}
		e := doc[cur]
		if strings.HasPrefix(line, "Ops:") {
			for _, m := range ticked.FindAllStringSubmatch(line, -1) {
				e.ops = append(e.ops, m[1])
			}
			doc[cur] = e
		}
		if cells := strings.Split(strings.Trim(line, "|"), "|"); strings.HasPrefix(line, "|") && len(cells) >= 3 {
			name, typ := strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])
			if name != "field" && !strings.HasPrefix(name, "---") {
				optional := strings.HasSuffix(typ, "~")
				typ = strings.TrimSuffix(typ, "~")
				e.fields[name] = fieldType{base: strings.TrimSuffix(typ, "?"), nullable: strings.HasSuffix(typ, "?"), optional: optional}
			}
		}
	}
	if len(doc) != len(contract()) {
		t.Errorf("the document has %d entities, the hub %d", len(doc), len(contract()))
	}
	for name, want := range doc {
		got, ok := contract()[name]
		if !ok {
			t.Errorf("entity %q is documented, the hub does not take it", name)
			continue
		}
		if !slices.Equal(got.ops, want.ops) {
			t.Errorf("%s: ops %v, documented %v", name, got.ops, want.ops)
		}
		for field, ft := range want.fields {
			if got.fields[field] != ft {
				t.Errorf("%s.%s: %+v, documented %+v", name, field, got.fields[field], ft)
			}
		}
		if len(got.fields) != len(want.fields) {
			t.Errorf("%s: %d fields, documented %d", name, len(got.fields), len(want.fields))
		}
	}
}
