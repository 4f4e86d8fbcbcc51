package sync

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// EncodePush writes a push body: the bytes json.Marshal writes for req,
// without its reflection and its second scan of every payload. The bytes
// must stay the same: the hub hashes each payload as it arrives, and a
// change pushed again (after a lost answer, or by a newer program) must
// hash the same or it is quarantined as a conflict. A payload that is not
// valid JSON is refused here, naming its seq.
func EncodePush(req PushRequest) ([]byte, error) {
	size := 32
	for _, c := range req.Changes {
		size += len(c.Payload) + len(c.Entity) + len(c.RecordID) + len(c.HLC) + len(c.Op) + 80
	}
	b := make([]byte, 0, size)
	b = append(b, `{"epoch":`...)
	b = strconv.AppendInt(b, req.Epoch, 10)
	b = append(b, `,"changes":`...)
	if req.Changes == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '[')
	for i, c := range req.Changes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"seq":`...)
		b = strconv.AppendInt(b, c.Seq, 10)
		b = append(b, `,"entity":`...)
		b = appendString(b, c.Entity)
		b = append(b, `,"record_id":`...)
		b = appendString(b, c.RecordID)
		b = append(b, `,"hlc":`...)
		b = appendString(b, c.HLC)
		b = append(b, `,"op":`...)
		b = appendString(b, c.Op)
		b = append(b, `,"payload":`...)
		if c.Payload == nil {
			b = append(b, "null"...)
		} else {
			if !json.Valid(c.Payload) {
				return nil, fmt.Errorf("change %d: its payload is not valid JSON", c.Seq)
			}
			b = appendCompactHTML(b, c.Payload)
		}
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// appendString writes s as json.Marshal does: printable ASCII without
// quote, backslash or HTML's <, > and & as it is, anything else through
// json.Marshal.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendCompactHTML writes valid JSON src as json.Marshal writes a
// json.RawMessage: white space outside strings dropped, <, >, & and
// U+2028, U+2029 escaped.
func appendCompactHTML(b, src []byte) []byte {
	const hex = "0123456789abcdef"
	inString, escaped := false, false
	start := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '<' || c == '>' || c == '&':
			b = append(b, src[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			b = append(b, src[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[src[i+2]&0xF])
			start = i + 3
			i += 2
			continue
		}
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			b = append(b, src[start:i]...)
			start = i + 1
		}
	}
	return append(b, src[start:]...)
}
