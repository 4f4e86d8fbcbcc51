package sync

import (
	"bytes"
	"encoding/json"
	"testing"
)

// EncodePush writes the bytes json.Marshal writes: a change pushed again by
// this program after an older one pushed it must hash the same at the hub.
func TestEncodePushIsMarshal(t *testing.T) {
	payloads := []string{
		`{"id":"a","name":"Nguyễn Văn An"}`,
		` { "a" : [ 1 , 2.5e3 , true , null ] , "b" : "x y\tz" } `,
		`{"html":"<b>&amp;</b>","sep":"a` + "\u2028" + `b` + "\u2029" + `c"}`,
		`{"esc":"quote \" backslash \\ slash \/ \u00e9 \n"}`,
		`"just a string <>"`, `[]`, `{}`, `null`, `12`,
		"{\"bad utf8\":\"\xff\xfe\"}",
		`{"e":"\u2028 spelled out","raw":"` + "\xe2\x80" + `"}`,
	}
	for _, p := range payloads {
		req := PushRequest{Epoch: 3, Changes: []Change{
			{Seq: 7, Entity: "person", RecordID: "r-1", HLC: "h<1>", Op: "insert", Payload: json.RawMessage(p)},
			{Seq: 8, Entity: "ngư\"ời", RecordID: "\x01", HLC: "", Op: "update", Payload: json.RawMessage(p)},
		}}
		want, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := EncodePush(req)
		if err != nil {
			t.Fatalf("%q: %v", p, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%q:\n got %s\nwant %s", p, got, want)
		}
	}
	for _, req := range []PushRequest{{Epoch: 1}, {Epoch: 2, Changes: []Change{}}, {Changes: []Change{{Seq: 1}}}} {
		want, _ := json.Marshal(req)
		if got, _ := EncodePush(req); !bytes.Equal(got, want) {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

func TestEncodePushRefusesInvalidPayload(t *testing.T) {
	_, err := EncodePush(PushRequest{Epoch: 1, Changes: []Change{{Seq: 41, Payload: json.RawMessage(`{"a":`)}}})
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("change 41")) {
		t.Fatalf("err %v, want one naming change 41", err)
	}
}

func FuzzEncodePushIsMarshal(f *testing.F) {
	f.Add([]byte(`{"a": "<b> x"}`), "person", "h")
	f.Add([]byte(" [1, \"\xe2\x80\xa8\"] "), "x\u2028", "\xff")
	f.Fuzz(func(t *testing.T, payload []byte, entity, hlc string) {
		req := PushRequest{Epoch: 1, Changes: []Change{{Seq: 1, Entity: entity, HLC: hlc, Op: "insert", Payload: payload}}}
		want, werr := json.Marshal(req)
		got, gerr := EncodePush(req)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("marshal error %v, encode error %v", werr, gerr)
		}
		if werr == nil && !bytes.Equal(got, want) {
			t.Fatalf("got %s\nwant %s", got, want)
		}
	})
}
