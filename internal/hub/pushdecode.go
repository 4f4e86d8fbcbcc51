package hub

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"briefing/internal/sync"
)

// decodePushFast reads a push body in the form devices write it (the keys
// spelled as documented, no escapes in the change's strings) in one pass,
// each payload a slice of body. ok is false for anything else, which
// json.Unmarshal then reads (and refuses) the long way: the result is
// always what json.Unmarshal gives.
func decodePushFast(body []byte) (req sync.PushRequest, ok bool) {
	i := skipSpace(body, 0)
	if i >= len(body) || body[i] != '{' {
		return req, false
	}
	i = skipSpace(body, i+1)
	if i < len(body) && body[i] == '}' {
		return req, trailing(body, i+1) == nil
	}
	seen := map[string]bool{}
	for {
		key, next, ok := plainKey(body, i)
		if !ok || seen[key] {
			return req, false // a key twice: the long way
		}
		seen[key] = true
		i = next
		switch key {
		case "epoch":
			if req.Epoch, i, ok = plainInt(body, i); !ok {
				return req, false
			}
		case "changes":
			if i >= len(body) || body[i] != '[' {
				return req, false
			}
			if req.Changes, i, ok = plainChanges(body, i); !ok {
				return req, false
			}
		default:
			return req, false
		}
		i = skipSpace(body, i)
		if i >= len(body) {
			return req, false
		}
		if body[i] == '}' {
			return req, trailing(body, i+1) == nil
		}
		if body[i] != ',' {
			return req, false
		}
		i = skipSpace(body, i+1)
	}
}

// plainKey reads `"key" :` at b[i], a key without escapes, and returns
// where its value starts.
func plainKey(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	end, escaped, ok := scanString(b, i)
	if !ok || escaped {
		return "", 0, false
	}
	key := b[i+1 : end-1]
	i = skipSpace(b, end)
	if i >= len(b) || b[i] != ':' {
		return "", 0, false
	}
	// The keys compared are constants: the conversion does not allocate.
	var name string
	switch string(key) {
	case "epoch", "changes", "seq", "entity", "record_id", "hlc", "op", "payload":
		name = string(key)
	default:
		return "", 0, false
	}
	return name, skipSpace(b, i+1), true
}

// plainInt reads an integer that fits int64.
func plainInt(b []byte, i int) (int64, int, bool) {
	end, ok := scanNumber(b, i)
	if !ok {
		return 0, 0, false
	}
	n, err := strconv.ParseInt(string(b[i:end]), 10, 64)
	return n, end, err == nil
}

// plainString reads a string without escapes, in valid UTF-8.
func plainString(b []byte, i int) (string, int, bool) {
	if i >= len(b) || b[i] != '"' {
		return "", 0, false
	}
	end, escaped, ok := scanString(b, i)
	if !ok || escaped || !utf8.Valid(b[i+1:end-1]) {
		return "", 0, false
	}
	return string(b[i+1 : end-1]), end, true
}

func plainChanges(b []byte, i int) ([]sync.Change, int, bool) {
	changes := make([]sync.Change, 0, min(bytes.Count(b[i:], []byte(`"payload"`)), sync.MaxPushChanges+1))
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return changes, i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '{' {
			return nil, 0, false
		}
		var c sync.Change
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == '}' {
			return nil, 0, false // an empty change: the long way
		}
		for {
			key, next, ok := plainKey(b, i)
			if !ok {
				return nil, 0, false
			}
			i = next
			switch key {
			case "seq":
				c.Seq, i, ok = plainInt(b, i)
			case "entity":
				c.Entity, i, ok = plainString(b, i)
			case "record_id":
				c.RecordID, i, ok = plainString(b, i)
			case "hlc":
				c.HLC, i, ok = plainString(b, i)
			case "op":
				c.Op, i, ok = plainString(b, i)
			case "payload":
				var end int
				if end, ok = skipValue(b, i); ok {
					c.Payload, i = json.RawMessage(b[i:end:end]), end
				}
			default:
				ok = false
			}
			if !ok {
				return nil, 0, false
			}
			i = skipSpace(b, i)
			if i >= len(b) {
				return nil, 0, false
			}
			if b[i] == '}' {
				i++
				break
			}
			if b[i] != ',' {
				return nil, 0, false
			}
			i = skipSpace(b, i+1)
		}
		changes = append(changes, c)
		i = skipSpace(b, i)
		if i >= len(b) {
			return nil, 0, false
		}
		if b[i] == ']' {
			return changes, i + 1, true
		}
		if b[i] != ',' {
			return nil, 0, false
		}
		i = skipSpace(b, i+1)
	}
}
