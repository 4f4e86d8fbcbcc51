package sync

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"briefing/internal/deck"
	"briefing/internal/record"
	"briefing/internal/store"
)

// PullPage is a pulled page, checked and decoded for the store.
type PullPage struct {
	Items []store.PulledItem
	Next  int64
	More  bool
	Raw   PullResponse
}

// unitKinds are the kinds the unit catalog knows (docs/changelog.md).
var unitKinds = []string{"ward", "commune", "city_office", "school", "agency", "mass_org", "other"}

// DecodePullPage reads and checks a pull answer asked after cursor after:
// the cursors rise, lie after after and up to Next; every item is an entity
// of the feed with the payload docs/changelog.md gives. It never panics; an
// error names the item's cursor and the field.
func DecodePullPage(data []byte, after int64) (PullPage, error) {
	var p PullPage
	if err := strictUnmarshal(data, &p.Raw, false); err != nil {
		return p, fmt.Errorf("pull answer: %w", err)
	}
	r := p.Raw
	if r.Next < after {
		return p, fmt.Errorf("pull answer: next %d is before the cursor %d", r.Next, after)
	}
	if len(r.Items) > MaxPullLimit {
		return p, fmt.Errorf("pull answer: %d items, more than %d", len(r.Items), MaxPullLimit)
	}
	if len(r.Items) == 0 && r.More && r.Next == after {
		return p, fmt.Errorf("pull answer: says more follows but moved nothing")
	}
	last := after
	for _, it := range r.Items {
		if it.Cursor <= last || it.Cursor > r.Next {
			return p, fmt.Errorf("pull answer: item cursor %d out of order (after %d, next %d)", it.Cursor, last, r.Next)
		}
		last = it.Cursor
		item, err := decodeItem(it)
		if err != nil {
			return p, fmt.Errorf("pull answer: item %d (%s): %w", it.Cursor, it.Entity, err)
		}
		p.Items = append(p.Items, item)
	}
	p.Next, p.More = r.Next, r.More
	return p, nil
}

func decodeItem(it Item) (store.PulledItem, error) {
	out := store.PulledItem{Cursor: it.Cursor}
	switch it.Entity {
	case "deck":
		var d FeedDeck
		if err := strictUnmarshal(it.Payload, &d, false); err != nil {
			return out, err
		}
		switch {
		case d.ID == "":
			return out, fmt.Errorf("field id is empty")
		case !utf8.ValidString(d.Source) || d.Source == "":
			return out, fmt.Errorf("field source is empty or not UTF-8")
		case deck.VersionOf([]byte(d.Source)) != d.Version:
			return out, fmt.Errorf("field version %q is not the content hash of source (%s)", d.Version, deck.VersionOf([]byte(d.Source)))
		}
		out.Deck = &store.PublishedDeck{DeckID: d.ID, Version: d.Version, Title: d.Title, Source: d.Source, PublishedAt: d.PublishedAt.UTC()}
	case "unit":
		var u store.Unit
		if err := strictUnmarshal(it.Payload, &u, false); err != nil {
			return out, err
		}
		if err := checkMeta(u.Meta); err != nil {
			return out, err
		}
		if strings.TrimSpace(u.Name) == "" {
			return out, fmt.Errorf("field name is empty")
		}
		if !slices.Contains(unitKinds, u.Kind) {
			return out, fmt.Errorf("field kind %q is not one of %s", u.Kind, strings.Join(unitKinds, ", "))
		}
		out.Unit = &u
	case "unit_alias":
		var a store.UnitAlias
		if err := strictUnmarshal(it.Payload, &a, false); err != nil {
			return out, err
		}
		if err := checkMeta(a.Meta); err != nil {
			return out, err
		}
		if a.UnitID == "" || strings.TrimSpace(a.Spelling) == "" {
			return out, fmt.Errorf("fields unit_id and spelling must not be empty")
		}
		out.Alias = &a
	case "question_version":
		var v record.QuestionVersion
		if err := strictUnmarshal(it.Payload, &v, false); err != nil {
			return out, err
		}
		if err := checkMeta(v.Meta); err != nil {
			return out, err
		}
		switch {
		case v.QuestionID == "":
			return out, fmt.Errorf("field question_id is empty")
		case v.Version < 1:
			return out, fmt.Errorf("field version %d is below 1", v.Version)
		case v.Slide < 0:
			return out, fmt.Errorf("field slide %d is below 0", v.Slide)
		case strings.TrimSpace(v.Text) == "":
			return out, fmt.Errorf("field text is empty")
		}
		if st, ok := record.ParseQuestionStatus(string(v.Status)); !ok || st != v.Status {
			return out, fmt.Errorf("field status %q is not a question status", v.Status)
		}
		if v.ForwardedTo != "" {
			if d, ok := record.ParseDestination(string(v.ForwardedTo)); !ok || d != v.ForwardedTo {
				return out, fmt.Errorf("field forwarded_to %q is not a destination", v.ForwardedTo)
			}
		}
		out.Question = &store.ReceivedVersion{Version: v, Payload: bytes.Clone(it.Payload)}
	default:
		return out, fmt.Errorf("entity %q is not in the feed", it.Entity)
	}
	return out, nil
}

// checkMeta checks the three fields every record carries.
func checkMeta(m record.Meta) error {
	switch {
	case m.ID == "":
		return fmt.Errorf("field id is empty")
	case m.Origin == "":
		return fmt.Errorf("field origin is empty")
	case !store.ValidHLC(m.HLC):
		return fmt.Errorf("field hlc %q is not a stamp", m.HLC)
	}
	return nil
}

// strictUnmarshal decodes exactly one JSON value. With known, fields the
// type does not have are refused; the feed passes false: within a version
// the protocol and the payloads only add fields, and a reader ignores them.
func strictUnmarshal(data []byte, v any, known bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if known {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON value")
	}
	return nil
}
