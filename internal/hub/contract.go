package hub

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	gosync "sync"
	"time"
	"unicode/utf8"

	"briefing/internal/sync"
)

// The change log's payloads, as docs/changelog.md writes them down (a test
// reads that document and compares): the ops each entity is logged with and
// the type of each of its fields. A pushed change is checked against this
// before anything is stored.

type fieldType struct {
	base     string // uuid, string, int, bool, hlc, time
	nullable bool
	// optional: the field may be missing, for a field added after devices
	// were out in the field (an older device does not send it).
	optional bool
}

type entitySpec struct {
	ops    []string
	fields map[string]fieldType
	// The fields in name order, their types, and each name's place in it:
	// what a record's checked values are kept by (indexFields fills them).
	names []string
	types []fieldType
	index map[string]int
}

func indexFields(spec entitySpec) entitySpec {
	spec.names = slices.Sorted(maps.Keys(spec.fields))
	spec.types = make([]fieldType, len(spec.names))
	spec.index = make(map[string]int, len(spec.names))
	for i, name := range spec.names {
		spec.types[i], spec.index[name] = spec.fields[name], i
	}
	return spec
}

func fields(spec string) map[string]fieldType {
	m := map[string]fieldType{}
	for _, f := range strings.Fields(spec) {
		name, typ, _ := strings.Cut(f, ":")
		optional := strings.HasSuffix(typ, "~")
		typ = strings.TrimSuffix(typ, "~")
		m[name] = fieldType{base: strings.TrimSuffix(typ, "?"), nullable: strings.HasSuffix(typ, "?"), optional: optional}
	}
	return m
}

const metaFields = "id:uuid origin:uuid hlc:hlc "

// addedLater are the nullable fields a payload of an earlier version of the
// program lacks: absent, they read as null.
var addedLater = map[string]map[string]bool{
	"person": {"removed_at": true},
}

// contract is the payload of every entity a device may push, built on first
// use: the hub's package is in every start of the binary, the presenter's too
// (issue 16: 0.3-0.5 ms and 35 KB at each start as a map literal).
var contract = gosync.OnceValue(func() map[string]*entitySpec {
	m := contractSpecs()
	for _, spec := range m {
		*spec = indexFields(*spec)
	}
	return m
})

func contractSpecs() map[string]*entitySpec {
	return map[string]*entitySpec{
		"deck": {ops: []string{"insert", "update"}, fields: fields(metaFields +
			"deck_id:string version:string title:string slides:int duration_min:int")},
		"session": {ops: []string{"insert", "update"}, fields: fields(metaFields +
			"deck_id:string deck_version:string deck_title:string slides:int duration_min:int title:string " +
			"unit:string venue:string form:string rapporteur:string started_at:time ended_at:time? slide:int step:int " +
			"position_at:time pinned_question:string pinned_at:time? chair:string~ secretary:string~")},
		"slide_view": {ops: []string{"insert"}, fields: fields(metaFields + "session_id:uuid slide:int step:int shown_at:time")},
		"person": {ops: []string{"insert", "insert_many", "update"}, fields: fields(metaFields +
			"name:string name_key:string unit:string position:string grp:string phone:string id_hash:string " +
			"id_last4:string source:string notice_at:time? created_at:time removed_at:time?")},
		"attendance": {ops: []string{"insert", "update"}, fields: fields(metaFields +
			"session_id:uuid person_id:uuid method:string checked_in_at:time undone_at:time? notice_at:time?")},
		"question": {ops: []string{"insert", "update"}, fields: fields(metaFields +
			"session_id:uuid number:int slide:int text:string asker_name:string asker_unit:string asker_person_id:string " +
			"press:bool status:string answer:string answered_by:string answered_at:time? forwarded_to:string " +
			"forwarded_at:time? version:int created_at:time updated_at:time")},
		"question_version": {ops: []string{"insert"}, fields: fields(metaFields +
			"question_id:uuid version:int slide:int text:string asker_name:string asker_unit:string asker_person_id:string " +
			"press:bool status:string answer:string answered_by:string answered_at:time? forwarded_to:string " +
			"forwarded_at:time? saved_at:time")},
		"deck_snapshot": {ops: []string{"insert"}, fields: fields("id:uuid origin:string hlc:hlc " +
			"deck_id:string version:string source:string created_at:time")},
		"unit": {ops: []string{"insert"}, fields: fields("id:uuid origin:string hlc:hlc " +
			"name:string kind:string sort_order:int parent_id:string")},
		"unit_alias": {ops: []string{"insert", "update"}, fields: fields("id:uuid origin:string hlc:hlc unit_id:uuid spelling:string")},
	}
}

// maxFieldBytes bounds one field's JSON value (a deck's source excepted).
const maxFieldBytes = 64 << 10

// FieldError is a change that breaks the contract or the device's rights:
// the change's seq, the field at fault and what is wrong. Reason is
// sync.HeldScope or sync.HeldOrigin for a breach of rights, "" for the
// contract.
type FieldError struct {
	Seq     int64
	Field   string
	Message string
	Reason  string
	// sessionID is the session a record is held under when the record
	// does not name it (a question version, through its question).
	sessionID string
}

// asFieldError is err as a contract error of change seq.
func asFieldError(seq int64, err error) *FieldError {
	if fe, ok := err.(*FieldError); ok {
		return fe
	}
	return &FieldError{Seq: seq, Field: "payload", Message: err.Error()}
}

// reason is the HeldRecord reason of the error.
func (e *FieldError) reason() string {
	if e.Reason == "" {
		return sync.HeldContract
	}
	return e.Reason
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("seq %d: %s: %s", e.Seq, e.Field, e.Message)
}

// rec is one checked record of a change (insert_many gives several). A
// pushed record holds its fields' raw values by the entity's field index
// (vals); one read back whole holds them by name (Fields).
type rec struct {
	ID, Origin, HLC string
	Fields          map[string]json.RawMessage
	spec            *entitySpec
	vals            []json.RawMessage
}

// raw is a field's JSON value (nil when it has none).
func (r rec) raw(name string) json.RawMessage {
	if r.vals != nil {
		if i, ok := r.spec.index[name]; ok {
			return r.vals[i]
		}
		return nil
	}
	return r.Fields[name]
}

// fieldMap is the record's fields by name.
func (r rec) fieldMap() map[string]json.RawMessage {
	if r.vals == nil {
		return r.Fields
	}
	m := make(map[string]json.RawMessage, len(r.vals))
	for i, name := range r.spec.names {
		m[name] = r.vals[i]
	}
	return m
}

func (r rec) str(name string) string {
	return jsonString(r.raw(name))
}

// jsonString decodes a JSON string value ("" for anything else); one with
// no escapes is read straight from its bytes.
func jsonString(raw []byte) string {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	json.Unmarshal(raw, &s)
	return s
}

func (r rec) int(name string) int64 {
	n, _ := strconv.ParseInt(string(r.raw(name)), 10, 64)
	return n
}

// timeMS reads a time field as Unix milliseconds; ok is false for null.
func (r rec) timeMS(name string) (int64, bool) {
	raw := r.raw(name)
	if len(raw) == 0 || raw[0] != '"' {
		return 0, false
	}
	t, err := time.Parse(time.RFC3339Nano, jsonString(raw))
	if err != nil {
		return 0, false
	}
	return t.UnixMilli(), true
}

// checkRecords checks a change against the contract and that its every
// record was originated by device, and returns the records. It reads the
// payload's bytes once, without decoding it into maps.
func checkRecords(seq int64, entity, op, recordID, hlc string, payload json.RawMessage, device string) ([]rec, error) {
	bad := func(field, format string, args ...any) error {
		return &FieldError{Seq: seq, Field: field, Message: fmt.Sprintf(format, args...)}
	}
	spec, ok := contract()[entity]
	if !ok {
		return nil, bad("entity", "%q is not an entity of the change log (docs/changelog.md)", entity)
	}
	if !slices.Contains(spec.ops, op) {
		return nil, bad("op", "%q is not an op of entity %q (it has %v)", op, entity, spec.ops)
	}
	var raws []json.RawMessage
	if op == "insert_many" {
		var err error
		if raws, err = arrayElements(payload); err != nil || len(raws) == 0 {
			return nil, bad("payload", "insert_many needs a non-empty JSON array of records")
		}
	} else {
		raws = []json.RawMessage{payload}
	}
	recs := make([]rec, 0, len(raws))
	for i, raw := range raws {
		at := ""
		if op == "insert_many" {
			at = "payload[" + strconv.Itoa(i) + "]."
		} else {
			at = "payload."
		}
		vals := make([]json.RawMessage, len(spec.names))
		unknown, err := objectFields(raw, spec, vals)
		if err != nil {
			return nil, bad(strings.TrimSuffix(at, "."), "not a JSON object")
		}
		if unknown != "" {
			return nil, bad(at+unknown, "not a field of entity %q", entity)
		}
		for i, name := range spec.names {
			if vals[i] == nil && addedLater[entity][name] {
				vals[i] = json.RawMessage("null") // a device of an earlier version
			}
			if vals[i] == nil {
				if spec.types[i].optional {
					continue
				}
				return nil, bad(at+name, "missing")
			}
			// A field is a name, a title, a question: 64 KiB holds the
			// longest a device lets one be (10,000 characters); only a
			// deck's source is longer.
			if len(vals[i]) > maxFieldBytes && name != "source" {
				return nil, bad(at+name, "%d bytes, more than the %d a field may hold", len(vals[i]), maxFieldBytes)
			}
			if err := checkValue(spec.types[i], vals[i]); err != nil {
				return nil, bad(at+name, "%v", err)
			}
		}
		r := rec{spec: spec, vals: vals}
		r.ID, r.Origin, r.HLC = r.str("id"), r.str("origin"), r.str("hlc")
		if r.Origin != device {
			err := bad(at+"origin", "%q is not the pushing device %q: a device writes only records it originated", r.Origin, device)
			err.(*FieldError).Reason = sync.HeldOrigin
			return nil, err
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

// checkValue checks one JSON value (valid JSON: objectFields read it)
// against its documented type. Times may be any RFC 3339 time (readers
// accept them all).
func checkValue(ft fieldType, raw json.RawMessage) error {
	if string(raw) == "null" {
		if ft.nullable {
			return nil
		}
		return fmt.Errorf("null, but type %s does not allow it", ft.base)
	}
	switch ft.base {
	case "int":
		if _, err := strconv.ParseInt(string(raw), 10, 64); err != nil {
			return fmt.Errorf("%.40s is not an integer", raw)
		}
		return nil
	case "bool":
		if string(raw) != "true" && string(raw) != "false" {
			return fmt.Errorf("%.40s is not true or false", raw)
		}
		return nil
	}
	if len(raw) == 0 || raw[0] != '"' {
		return fmt.Errorf("%.40s is not a string", raw)
	}
	switch ft.base {
	case "uuid":
		if s := jsonString(raw); !lowerUUID(s) {
			return fmt.Errorf("%.40q is not a UUID in lowercase 36-character form", s)
		}
	case "hlc":
		if _, _, err := parseHLC(jsonString(raw)); err != nil {
			return err
		}
	case "time":
		if s := jsonString(raw); !validTime(s) {
			return fmt.Errorf("%.40q is not an RFC 3339 time", s)
		}
	}
	return nil
}

func validTime(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// lowerUUID: s is a UUID as uuid.UUID.String writes it (8-4-4-4-12
// lowercase hex digits), the one form the change log uses.
func lowerUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// parseHLC reads a stamp WWWWWWWWWWWWW-CCCCC-DEVICE: its wall clock in Unix
// milliseconds and its counter.
func parseHLC(s string) (wallMS int64, counter int, err error) {
	bad := func() error { return fmt.Errorf("%.60q is not a stamp WWWWWWWWWWWWW-CCCCC-DEVICE", s) }
	if len(s) < 21 || s[13] != '-' || s[19] != '-' {
		return 0, 0, bad()
	}
	for i := range 19 {
		if c := s[i]; i != 13 && (c < '0' || c > '9') {
			return 0, 0, bad()
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
