package hub

import (
	"encoding/json"
	"errors"
)

// A pushed payload is read once, byte by byte, into its fields' raw values:
// decoding 100,000 payloads into maps, then each value again to check its
// type, was most of a push's time. The scanner accepts exactly what
// encoding/json's Valid accepts, with the same nesting limit.

var errNotJSON = errors.New("not valid JSON")

// maxNesting is encoding/json's limit on nested arrays and objects.
const maxNesting = 10000

// objectFields reads raw, which must be one JSON object, into vals by the
// spec's field index (a repeated name: the last value, as encoding/json
// does). unknown is the first name that is not a field of the spec.
func objectFields(raw []byte, spec *entitySpec, vals []json.RawMessage) (unknown string, err error) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return "", errNotJSON
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return "", trailing(raw, i+1)
	}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return "", errNotJSON
		}
		keyEnd, escaped, ok := scanString(raw, i)
		if !ok {
			return "", errNotJSON
		}
		key := raw[i+1 : keyEnd-1]
		var idx int
		var known bool
		if escaped {
			var name string
			if json.Unmarshal(raw[i:keyEnd], &name) != nil {
				return "", errNotJSON
			}
			idx, known = spec.index[name]
			if !known && unknown == "" {
				unknown = name
			}
		} else {
			idx, known = spec.index[string(key)]
			if !known && unknown == "" {
				unknown = jsonString(raw[i:keyEnd])
			}
		}
		i = skipSpace(raw, keyEnd)
		if i >= len(raw) || raw[i] != ':' {
			return "", errNotJSON
		}
		i = skipSpace(raw, i+1)
		end, ok := skipValue(raw, i)
		if !ok {
			return "", errNotJSON
		}
		if known {
			vals[idx] = raw[i:end]
		}
		i = skipSpace(raw, end)
		if i >= len(raw) {
			return "", errNotJSON
		}
		if raw[i] == '}' {
			return unknown, trailing(raw, i+1)
		}
		if raw[i] != ',' {
			return "", errNotJSON
		}
		i = skipSpace(raw, i+1)
	}
}

// arrayElements splits raw, which must be one JSON array, into its
// elements' raw values.
func arrayElements(raw []byte) ([]json.RawMessage, error) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return nil, errNotJSON
	}
	i = skipSpace(raw, i+1)
	var out []json.RawMessage
	if i < len(raw) && raw[i] == ']' {
		return out, trailing(raw, i+1)
	}
	for {
		end, ok := skipValue(raw, i)
		if !ok {
			return nil, errNotJSON
		}
		out = append(out, raw[i:end])
		i = skipSpace(raw, end)
		if i >= len(raw) {
			return nil, errNotJSON
		}
		if raw[i] == ']' {
			return out, trailing(raw, i+1)
		}
		if raw[i] != ',' {
			return nil, errNotJSON
		}
		i = skipSpace(raw, i+1)
	}
}

// trailing: only white space follows i.
func trailing(raw []byte, i int) error {
	if skipSpace(raw, i) != len(raw) {
		return errNotJSON
	}
	return nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// scanString reads the string starting at b[i] == '"': end is just past its
// closing quote; escaped says whether it holds a backslash escape.
func scanString(b []byte, i int) (end int, escaped, ok bool) {
	for i++; i < len(b); i++ {
		switch c := b[i]; {
		case c == '"':
			return i + 1, escaped, true
		case c < 0x20:
			return 0, false, false
		case c == '\\':
			escaped = true
			i++
			if i >= len(b) {
				return 0, false, false
			}
			switch b[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(b) {
					return 0, false, false
				}
				for _, h := range b[i+1 : i+5] {
					if !isHex(h) {
						return 0, false, false
					}
				}
				i += 4
			default:
				return 0, false, false
			}
		}
	}
	return 0, false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// scanNumber reads the number starting at b[i]: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func scanNumber(b []byte, i int) (int, bool) {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i)
	default:
		return 0, false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(b, i+1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

// skipValue reads the JSON value starting at b[i] and returns the index
// just past it. Nested arrays and objects are followed with a stack of
// their closing brackets, not by recursion.
func skipValue(b []byte, i int) (int, bool) {
	var stack []byte // the closing bracket of each open container
	for {
		// A value starts at i.
		if i >= len(b) {
			return 0, false
		}
		switch c := b[i]; {
		case c == '"':
			end, _, ok := scanString(b, i)
			if !ok {
				return 0, false
			}
			i = end
		case c == '-' || '0' <= c && c <= '9':
			end, ok := scanNumber(b, i)
			if !ok {
				return 0, false
			}
			i = end
		case c == 't':
			if !hasPrefix(b[i:], "true") {
				return 0, false
			}
			i += 4
		case c == 'f':
			if !hasPrefix(b[i:], "false") {
				return 0, false
			}
			i += 5
		case c == 'n':
			if !hasPrefix(b[i:], "null") {
				return 0, false
			}
			i += 4
		case c == '[' || c == '{':
			if len(stack) >= maxNesting {
				return 0, false
			}
			close := byte(']')
			if c == '{' {
				close = '}'
			}
			stack = append(stack, close)
			i = skipSpace(b, i+1)
			if i < len(b) && b[i] == close {
				stack = stack[:len(stack)-1]
				i++
				break
			}
			if close == '}' {
				var ok bool
				if i, ok = objectKey(b, i); !ok {
					return 0, false
				}
			}
			continue // the first element starts at i
		default:
			return 0, false
		}
		// A value ended at i: close containers, or go to the next member.
		for {
			if len(stack) == 0 {
				return i, true
			}
			i = skipSpace(b, i)
			if i >= len(b) {
				return 0, false
			}
			top := stack[len(stack)-1]
			if b[i] == top {
				stack = stack[:len(stack)-1]
				i++
				continue
			}
			if b[i] != ',' {
				return 0, false
			}
			i = skipSpace(b, i+1)
			if top == '}' {
				var ok bool
				if i, ok = objectKey(b, i); !ok {
					return 0, false
				}
			}
			break
		}
	}
}

// objectKey reads `"key" :` at b[i] and returns where the value starts.
func objectKey(b []byte, i int) (int, bool) {
	if i >= len(b) || b[i] != '"' {
		return 0, false
	}
	end, _, ok := scanString(b, i)
	if !ok {
		return 0, false
	}
	i = skipSpace(b, end)
	if i >= len(b) || b[i] != ':' {
		return 0, false
	}
	return skipSpace(b, i+1), true
}

func hasPrefix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[:len(s)]) == s
}
