package hub

import (
	"encoding/json"
	"reflect"
	"testing"

	"briefing/internal/sync"
)

// The fast push decoder gives what json.Unmarshal gives, or leaves the body
// to it.
func FuzzDecodePushFastIsUnmarshal(f *testing.F) {
	f.Add([]byte(`{"epoch":1,"changes":[{"seq":1,"entity":"slide_view","record_id":"x","hlc":"h","op":"insert","payload":{"a": [1, "b"]}}]}`))
	f.Add([]byte(` { "changes" : [ ] , "epoch" : -0 } `))
	f.Add([]byte(`{"epoch":1,"changes":[{"seq":1,"seq":2,"payload":null,"payload":"x"}]}`))
	f.Add([]byte(`{"epoch":1.0,"changes":[]}`))
	f.Add([]byte(`{"epoch":1,"changes":[{"seq":1,"entity":"ng\u01b0","payload":1}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		fast, ok := decodePushFast(body)
		if !ok {
			return
		}
		var want sync.PushRequest
		if err := json.Unmarshal(body, &want); err != nil {
			t.Fatalf("fast decoded what json.Unmarshal refuses (%v): %q", err, body)
		}
		if !reflect.DeepEqual(fast, want) {
			t.Fatalf("fast %+v, json.Unmarshal %+v: %q", fast, want, body)
		}
	})
}

func TestDecodePushFastTakesWhatDevicesSend(t *testing.T) {
	req := sync.PushRequest{Epoch: 2, Changes: []sync.Change{
		{Seq: 9, Entity: "person", RecordID: "id", HLC: "h", Op: "insert", Payload: json.RawMessage(`{"name":"Nguyễn Văn An"}`)},
		{Seq: 10, Entity: "attendance", RecordID: "id2", HLC: "h2", Op: "update", Payload: json.RawMessage(`[1,2]`)},
	}}
	body, err := sync.EncodePush(req)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := decodePushFast(body)
	if !ok || !reflect.DeepEqual(got, req) {
		t.Fatalf("ok %v, got %+v", ok, got)
	}
}
