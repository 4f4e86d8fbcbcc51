package record

import (
	"time"
	"unicode/utf8"
)

// A person's change-log payload is written by hand: a roster import logs
// 100,000 of them in one transaction, too many for reflection. It is the
// record's JSON as encoding/json would write it, times included (RFC 3339 in
// UTC, as time.Time writes them), so encoding/json reads it back.

// MarshalJSON writes the payload.
func (p Person) MarshalJSON() ([]byte, error) {
	return AppendPersonJSON(nil, &p), nil
}

// AppendPersonJSON appends p's payload to b (a roster import writes its
// chunks with it, without an allocation per person).
func AppendPersonJSON(b []byte, p *Person) []byte {
	fields := [...]struct{ key, value string }{
		{`{"id":`, p.ID}, {`,"origin":`, p.Origin}, {`,"hlc":`, p.HLC},
		{`,"name":`, p.Name}, {`,"name_key":`, p.NameKey}, {`,"unit":`, p.Unit},
		{`,"position":`, p.Position}, {`,"grp":`, p.Group}, {`,"phone":`, p.Phone},
		{`,"id_hash":`, p.IDHash}, {`,"id_last4":`, p.IDLast4}, {`,"source":`, p.Source},
	}
	for _, f := range fields {
		b = append(b, f.key...)
		b = appendJSONString(b, f.value)
	}
	b = append(b, `,"notice_at":`...)
	if p.NoticeAt == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONTime(b, *p.NoticeAt)
	}
	b = append(b, `,"created_at":`...)
	b = appendJSONTime(b, p.CreatedAt)
	b = append(b, `,"removed_at":`...)
	if p.RemovedAt == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONTime(b, *p.RemovedAt)
	}
	return append(b, '}')
}

// appendJSONTime writes t as time.Time's MarshalJSON does (RFC3339Nano is
// its layout), without its allocation. The store's times are UTC and whole
// milliseconds, so this is the change log's one time encoding.
func appendJSONTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendJSONString quotes s as encoding/json does: control characters,
// quotes and backslashes escaped, invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
