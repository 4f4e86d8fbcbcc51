package hub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// The change log's payloads, as docs/changelog.md writes them down (a test
// reads that document and compares): the ops each entity is logged with and
// the type of each of its fields. A pushed change is checked against this
// before anything is stored.

type fieldType struct {
	base     string // uuid, string, int, bool, hlc, time
	nullable bool
}

type entitySpec struct {
	ops    []string
	fields map[string]fieldType
}

func fields(spec string) map[string]fieldType {
	m := map[string]fieldType{}
	for _, f := range strings.Fields(spec) {
		name, typ, _ := strings.Cut(f, ":")
		m[name] = fieldType{base: strings.TrimSuffix(typ, "?"), nullable: strings.HasSuffix(typ, "?")}
	}
	return m
}

const metaFields = "id:uuid origin:uuid hlc:hlc "

// contract is the payload of every entity a device may push.
var contract = map[string]entitySpec{
	"deck": {[]string{"insert", "update"}, fields(metaFields +
		"deck_id:string version:string title:string slides:int duration_min:int")},
	"session": {[]string{"insert", "update"}, fields(metaFields +
		"deck_id:string deck_version:string deck_title:string slides:int duration_min:int title:string " +
		"unit:string venue:string form:string rapporteur:string started_at:time ended_at:time? slide:int step:int " +
		"position_at:time pinned_question:string pinned_at:time?")},
	"slide_view": {[]string{"insert"}, fields(metaFields + "session_id:uuid slide:int step:int shown_at:time")},
	"person": {[]string{"insert", "insert_many", "update"}, fields(metaFields +
		"name:string name_key:string unit:string position:string grp:string phone:string id_hash:string " +
		"id_last4:string source:string notice_at:time? created_at:time")},
	"attendance": {[]string{"insert", "update"}, fields(metaFields +
		"session_id:uuid person_id:uuid method:string checked_in_at:time undone_at:time? notice_at:time?")},
	"question": {[]string{"insert", "update"}, fields(metaFields +
		"session_id:uuid number:int slide:int text:string asker_name:string asker_unit:string asker_person_id:string " +
		"press:bool status:string answer:string answered_by:string answered_at:time? forwarded_to:string " +
		"forwarded_at:time? version:int created_at:time updated_at:time")},
	"question_version": {[]string{"insert"}, fields(metaFields +
		"question_id:uuid version:int slide:int text:string asker_name:string asker_unit:string asker_person_id:string " +
		"press:bool status:string answer:string answered_by:string answered_at:time? forwarded_to:string " +
		"forwarded_at:time? saved_at:time")},
	"deck_snapshot": {[]string{"insert"}, fields("id:uuid origin:string hlc:hlc " +
		"deck_id:string version:string source:string created_at:time")},
	"unit": {[]string{"insert"}, fields("id:uuid origin:string hlc:hlc " +
		"name:string kind:string sort_order:int parent_id:string")},
	"unit_alias": {[]string{"insert", "update"}, fields("id:uuid origin:string hlc:hlc unit_id:uuid spelling:string")},
}

// FieldError is a change that breaks the contract or the device's rights:
// the change's seq, the field at fault and what is wrong.
type FieldError struct {
	Seq     int64
	Field   string
	Message string
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("seq %d: %s: %s", e.Seq, e.Field, e.Message)
}

// rec is one checked record of a change (insert_many gives several).
type rec struct {
	ID, Origin, HLC string
	Fields          map[string]json.RawMessage
}

func (r rec) str(name string) string {
	var s string
	json.Unmarshal(r.Fields[name], &s)
	return s
}

func (r rec) int(name string) int64 {
	n, _ := strconv.ParseInt(string(r.Fields[name]), 10, 64)
	return n
}

// timeMS reads a time field as Unix milliseconds; ok is false for null.
func (r rec) timeMS(name string) (int64, bool) {
	var s string
	if json.Unmarshal(r.Fields[name], &s) != nil {
		return 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return 0, false
	}
	return t.UnixMilli(), true
}

// checkRecords checks a change against the contract and that its every
// record was originated by device, and returns the records.
func checkRecords(seq int64, entity, op, recordID, hlc string, payload json.RawMessage, device string) ([]rec, error) {
	bad := func(field, format string, args ...any) error {
		return &FieldError{Seq: seq, Field: field, Message: fmt.Sprintf(format, args...)}
	}
	spec, ok := contract[entity]
	if !ok {
		return nil, bad("entity", "%q is not an entity of the change log (docs/changelog.md)", entity)
	}
	if !slices.Contains(spec.ops, op) {
		return nil, bad("op", "%q is not an op of entity %q (it has %v)", op, entity, spec.ops)
	}
	var raws []json.RawMessage
	if op == "insert_many" {
		if err := json.Unmarshal(payload, &raws); err != nil || len(raws) == 0 {
			return nil, bad("payload", "insert_many needs a non-empty JSON array of records")
		}
	} else {
		raws = []json.RawMessage{payload}
	}
	recs := make([]rec, 0, len(raws))
	for i, raw := range raws {
		at := ""
		if op == "insert_many" {
			at = fmt.Sprintf("payload[%d].", i)
		} else {
			at = "payload."
		}
		var fs map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fs); err != nil || fs == nil {
			return nil, bad(strings.TrimSuffix(at, "."), "not a JSON object")
		}
		for name := range fs {
			if _, ok := spec.fields[name]; !ok {
				return nil, bad(at+name, "not a field of entity %q", entity)
			}
		}
		for name, ft := range spec.fields {
			v, ok := fs[name]
			if !ok {
				return nil, bad(at+name, "missing")
			}
			if err := checkValue(ft, v); err != nil {
				return nil, bad(at+name, "%v", err)
			}
		}
		r := rec{Fields: fs}
		r.ID, r.Origin, r.HLC = r.str("id"), r.str("origin"), r.str("hlc")
		if r.Origin != device {
			return nil, bad(at+"origin", "%q is not the pushing device %q: a device writes only records it originated", r.Origin, device)
		}
		recs = append(recs, r)
	}
	last := recs[len(recs)-1]
	if recordID != last.ID {
		return nil, bad("record_id", "%q is not the payload's id %q", recordID, last.ID)
	}
	if hlc != last.HLC {
		return nil, bad("hlc", "%q is not the payload's hlc %q", hlc, last.HLC)
	}
	return recs, nil
}

// checkValue checks one JSON value against its documented type. Times may
// be any RFC 3339 time (readers accept them all).
func checkValue(ft fieldType, raw json.RawMessage) error {
	if string(raw) == "null" {
		if ft.nullable {
			return nil
		}
		return fmt.Errorf("null, but type %s does not allow it", ft.base)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	switch ft.base {
	case "int":
		n, ok := v.(json.Number)
		if _, err := n.Int64(); !ok || err != nil {
			return fmt.Errorf("%.40s is not an integer", raw)
		}
		return nil
	case "bool":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%.40s is not true or false", raw)
		}
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("%.40s is not a string", raw)
	}
	switch ft.base {
	case "uuid":
		if u, err := uuid.Parse(s); err != nil || u.String() != s {
			return fmt.Errorf("%.40q is not a UUID in lowercase 36-character form", s)
		}
	case "hlc":
		if _, _, err := parseHLC(s); err != nil {
			return err
		}
	case "time":
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return fmt.Errorf("%.40q is not an RFC 3339 time", s)
		}
	}
	return nil
}

// parseHLC reads a stamp WWWWWWWWWWWWW-CCCCC-DEVICE: its wall clock in Unix
// milliseconds and its counter.
func parseHLC(s string) (wallMS int64, counter int, err error) {
	bad := fmt.Errorf("%.60q is not a stamp WWWWWWWWWWWWW-CCCCC-DEVICE", s)
	if len(s) < 21 || s[13] != '-' || s[19] != '-' {
		return 0, 0, bad
	}
	for _, c := range s[:13] + s[14:19] {
		if c < '0' || c > '9' {
			return 0, 0, bad
		}
	}
	wallMS, _ = strconv.ParseInt(s[:13], 10, 64)
	c, _ := strconv.Atoi(s[14:19])
	return wallMS, c, nil
}

// formatHLC writes a stamp.
func formatHLC(wallMS int64, counter int, device string) string {
	return fmt.Sprintf("%013d-%05d-%s", wallMS, counter, device)
}

// nextHLC is the hub's next stamp: the later of the wall clock and floor
// plus one.
func nextHLC(now time.Time, floor, hubID string) string {
	ms := now.UnixMilli()
	fw, fc, err := parseHLC(floor)
	if err != nil || ms > fw {
		return formatHLC(ms, 0, hubID)
	}
	if fc >= 99999 {
		return formatHLC(fw+1, 0, hubID)
	}
	return formatHLC(fw, fc+1, hubID)
}
