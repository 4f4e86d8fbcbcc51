package store

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// A person's wire form (its change-log payload) carries times as Unix
// milliseconds, as its table does, and is written by hand: a roster import
// logs 100,000 of them in one transaction, too many for reflection.

// personWire is the decoding side of the wire form.
type personWire struct {
	Meta
	Name     string `json:"name"`
	NameKey  string `json:"name_key"`
	Unit     string `json:"unit"`
	Position string `json:"position"`
	Group    string `json:"grp"`
	Phone    string `json:"phone"`
	IDHash   string `json:"id_hash"`
	IDLast4  string `json:"id_last4"`
	Source   string `json:"source"`
	Notice   *int64 `json:"notice_at"`
	Created  int64  `json:"created_at"`
}

// MarshalJSON writes the wire form.
func (p Person) MarshalJSON() ([]byte, error) {
	return appendPersonJSON(nil, &p), nil
}

// UnmarshalJSON reads the wire form.
func (p *Person) UnmarshalJSON(data []byte) error {
	var w personWire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*p = Person{Meta: w.Meta, Name: w.Name, NameKey: w.NameKey, Unit: w.Unit, Position: w.Position,
		Group: w.Group, Phone: w.Phone, IDHash: w.IDHash, IDLast4: w.IDLast4, Source: w.Source,
		CreatedAt: fromMillis(w.Created)}
	if w.Notice != nil {
		t := fromMillis(*w.Notice)
		p.NoticeAt = &t
	}
	return nil
}

func appendPersonJSON(b []byte, p *Person) []byte {
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
	b = appendMillis(b, p.NoticeAt)
	b = append(b, `,"created_at":`...)
	b = strconv.AppendInt(b, toMillis(p.CreatedAt), 10)
	return append(b, '}')
}

func appendMillis(b []byte, t *time.Time) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, toMillis(*t), 10)
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
