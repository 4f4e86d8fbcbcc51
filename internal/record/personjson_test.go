package record

import (
	"encoding/json"
	"testing"
)

// The hand-written quoting agrees with encoding/json on every string.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "Đặng Thị Ánh", "a\"b\\c", "\x00\x1f\u2028", "bad \xff\xfe", "\t\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var back string
		if err := json.Unmarshal(appendJSONString(nil, s), &back); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		var want string
		enc, _ := json.Marshal(s)
		json.Unmarshal(enc, &want)
		if back != want {
			t.Fatalf("%q: got %q, want %q", s, back, want)
		}
	})
}
