package hub

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"briefing/internal/record"
	"briefing/internal/sync"
	"github.com/google/uuid"
)

// questionState is a question's latest version with what the hub knows of it.
type questionState struct {
	q        Question
	latest   map[string]json.RawMessage // the fields of the latest version
	floorHLC string                     // the largest stamp not flagged ahead
	// latestHLC is the stamp of latest. The asking device logs the question
	// row as its current state and its question_version rows as the states an
	// edit replaced (docs/changelog.md): history, whatever their stamps. A
	// version from elsewhere (the district's answer) is a competing edit: it
	// is the latest when its stamp is later than the row's.
	latestHLC string
	rowHLC    string // the question row's stamp: its asking device's last edit
}

// readQuestions reads questions (all, or those of sessionIDs' period via
// where) with their latest version: the largest (hlc, origin).
func readQuestions(ctx context.Context, q querier, where string, args ...any) ([]*questionState, error) {
	rows, err := q.QueryContext(ctx, `SELECT q.id, q.origin, q.hlc, q.session_id, q.number, q.created_at, q.payload,
		COALESCE(s.unit, ''), COALESCE(d.name, '') FROM question q
		LEFT JOIN session s ON s.id = q.session_id LEFT JOIN device d ON d.id = q.origin `+where+
		` ORDER BY q.created_at, q.id`, args...)
	if err != nil {
		return nil, err
	}
	var out []*questionState
	byID := map[string]*questionState{}
	for rows.Next() {
		st := &questionState{}
		var created int64
		var payload string
		if err := rows.Scan(&st.q.ID, &st.q.Origin, &st.latestHLC, &st.q.SessionID, &st.q.Number, &created, &payload, &st.q.Unit, &st.q.Device); err != nil {
			rows.Close()
			return nil, err
		}
		st.q.CreatedAt = time.UnixMilli(created).UTC()
		st.rowHLC = st.latestHLC
		json.Unmarshal([]byte(payload), &st.latest)
		out = append(out, st)
		byID[st.q.ID] = st
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	vrows, err := q.QueryContext(ctx, `SELECT question_id, origin, hlc, clock_ahead, payload FROM question_version ORDER BY question_id, hlc, origin`)
	if err != nil {
		return nil, err
	}
	defer vrows.Close()
	for vrows.Next() {
		var qid, origin, hlc, payload string
		var ahead int
		if err := vrows.Scan(&qid, &origin, &hlc, &ahead, &payload); err != nil {
			return nil, err
		}
		st := byID[qid]
		if st == nil {
			continue
		}
		var fs map[string]json.RawMessage
		if origin != st.q.Origin && hlc > st.latestHLC && json.Unmarshal([]byte(payload), &fs) == nil {
			st.latest, st.latestHLC = fs, hlc
		}
		if ahead == 0 && hlc > st.floorHLC {
			st.floorHLC = hlc
		}
	}
	for _, st := range out {
		r := rec{Fields: st.latest}
		st.q.Text, st.q.Status, st.q.ForwardedTo = r.str("text"), r.str("status"), r.str("forwarded_to")
		st.q.Answer, st.q.AnsweredBy = r.str("answer"), r.str("answered_by")
		st.q.ForwardedAt = fromMS(nullMS(r, "forwarded_at"))
		st.q.Version = int(r.int("version"))
	}
	return out, vrows.Err()
}

func (s *SQLite) Questions(ctx context.Context, status string) ([]Question, error) {
	var out []Question
	err := s.read(ctx, func(tx *sql.Tx) error {
		states, err := readQuestions(ctx, tx, "")
		if err != nil {
			return err
		}
		for _, st := range states {
			if status == "" || st.q.Status == status {
				out = append(out, st.q)
			}
		}
		return nil
	})
	return out, err
}

// ErrNotForwarded: the district answers only questions forwarded to it.
var ErrNotForwarded = errors.New("the question was not forwarded")

// ErrAnswered: the question stands answered (at the ward, or by the
// district) and the answer would replace that one; nothing was written.
var ErrAnswered = errors.New("the question is answered already")

// ErrSameAnswer: the question already stands with this answer by the same
// person; nothing was written (running the command again adds no version).
var ErrSameAnswer = errors.New("the question already has this answer")

// forwarded says whether a question's state is one forwarded up: waiting,
// or answered from above.
func forwarded(r rec) bool {
	st := record.QuestionStatus(r.str("status"))
	return r.str("forwarded_to") != "" || st == record.Forwarded || st == record.AnsweredLater
}

// Answer adds the district's answer to a forwarded question as a version
// and publishes it to the asking device. A question not forwarded is
// refused (ErrNotForwarded); the answer it already has, by the same person,
// writes nothing (ErrSameAnswer, with the question); another answer
// replaces one it stands with only when replace is set (else ErrAnswered,
// with the question).
func (s *SQLite) Answer(ctx context.Context, id, text, by string, replace bool, now time.Time) (Question, error) {
	var out Question
	now = now.UTC().Truncate(time.Millisecond)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		states, err := readQuestions(ctx, tx, "WHERE q.id = ?", id)
		if err != nil {
			return err
		}
		if len(states) == 0 {
			// An unambiguous prefix of an id is enough at the command line.
			states, err = readQuestions(ctx, tx, "WHERE q.id LIKE ?", strings.ReplaceAll(id, "%", "")+"%")
			if err != nil {
				return err
			}
			if len(states) != 1 {
				return fmt.Errorf("question %q: %w", id, ErrNotFound)
			}
		}
		st := states[0]
		r := rec{Fields: st.latest}
		if !forwarded(r) {
			return fmt.Errorf("question %s: %w", st.q.ID, ErrNotForwarded)
		}
		if same, err := s.answeredAlready(ctx, tx, st.q, text, by); err != nil || same {
			out = st.q
			if err == nil {
				err = ErrSameAnswer
			}
			return err
		}
		if st := record.QuestionStatus(st.q.Status); !replace && (st == record.Answered || st == record.AnsweredLater) {
			out = states[0].q
			return ErrAnswered
		}
		var maxVersion int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM question_version WHERE question_id = ?`, st.q.ID).
			Scan(&maxVersion); err != nil {
			return err
		}
		// The district's answer must come after the question's last edit,
		// unless that edit's stamp is far ahead of the hub's clock.
		floor := st.floorHLC
		if w, _, _ := parseHLC(st.rowHLC); w <= now.Add(sync.MaxClockAhead).UnixMilli() && st.rowHLC > floor {
			floor = st.rowHLC
		}
		h, err := stamp(ctx, tx, s.hubID, now, floor)
		if err != nil {
			return err
		}
		if st.rowHLC >= h {
			// The question's last edit is stamped far ahead (a laptop whose
			// clock is wrong). The answer must still come after what it
			// answers, or the question stays "forwarded" everywhere; it is
			// stamped just after that edit, and the hub's own clock (saved
			// by stamp) stays on real time.
			h = nextHLC(now, st.rowHLC, s.hubID)
		}
		v := record.QuestionVersion{
			Meta:       record.Meta{ID: uuid.Must(uuid.NewV7()).String(), Origin: s.hubID, HLC: h},
			QuestionID: st.q.ID, Version: max(maxVersion, st.q.Version) + 1, Slide: int(r.int("slide")), Text: r.str("text"),
			AskerName: r.str("asker_name"), AskerUnit: r.str("asker_unit"), AskerPersonID: r.str("asker_person_id"),
			Status: record.AnsweredLater, Answer: text, AnsweredBy: by, AnsweredAt: &now,
			ForwardedTo: record.Destination(r.str("forwarded_to")), ForwardedAt: fromMS(nullMS(r, "forwarded_at")), SavedAt: now,
		}
		json.Unmarshal(r.Fields["press"], &v.Press)
		body, _ := json.Marshal(v)
		if _, err := tx.ExecContext(ctx, `INSERT INTO question_version (id, origin, hlc, question_id, version, status, saved_at,
			clock_ahead, payload) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`, v.ID, v.Origin, v.HLC, v.QuestionID, v.Version, v.Status,
			ms(now), string(body)); err != nil {
			return err
		}
		var unitID string
		err = tx.QueryRowContext(ctx, `SELECT unit_id FROM device WHERE id = ?`, st.q.Origin).Scan(&unitID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := publish(ctx, tx, "question_version", v, st.q.Origin, unitID, now); err != nil {
			return err
		}
		out = st.q
		out.Status, out.Answer, out.AnsweredBy, out.Version = string(v.Status), text, by, v.Version
		return nil
	})
	return out, err
}

// answeredAlready: the district's last answer to q has this text and this
// name, and q's device has not edited q since (an edit after it, a reopened
// or forwarded-again question, is answered anew). Its own last answer, not
// q's standing state: a device whose clock is far ahead keeps winning by
// stamp, and its question would be answered again at every run.
func (s *SQLite) answeredAlready(ctx context.Context, tx *sql.Tx, q Question, text, by string) (bool, error) {
	var payload string
	var saved int64
	err := tx.QueryRowContext(ctx, `SELECT payload, saved_at FROM question_version WHERE question_id = ? AND origin = ?
		ORDER BY hlc DESC LIMIT 1`, q.ID, s.hubID).Scan(&payload, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var last record.QuestionVersion
	if err := json.Unmarshal([]byte(payload), &last); err != nil || last.Answer != text || last.AnsweredBy != by {
		return false, nil
	}
	var edited sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(received_at) FROM change_in WHERE device_id = ? AND entity = 'question'
		AND record_id = ?`, q.Origin, q.ID).Scan(&edited); err != nil {
		return false, err
	}
	return !edited.Valid || edited.Int64 < saved, nil
}

func (s *SQLite) Facts(ctx context.Context, from, to time.Time) (Facts, error) {
	var f Facts
	lo, hi := int64(-1<<62), int64(1<<62)
	if !from.IsZero() {
		lo = ms(from)
	}
	if !to.IsZero() {
		hi = ms(to)
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, origin, unit, form, deck_id, deck_title, title, started_at FROM session
			WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id`, lo, hi)
		if err != nil {
			return err
		}
		for rows.Next() {
			var s FactSession
			var started int64
			if err := rows.Scan(&s.ID, &s.Origin, &s.Unit, &s.Form, &s.DeckID, &s.DeckTitle, &s.Title, &started); err != nil {
				rows.Close()
				return err
			}
			s.StartedAt = time.UnixMilli(started).UTC()
			f.Sessions = append(f.Sessions, s)
		}
		rows.Close()
		rows, err = tx.QueryContext(ctx, `SELECT a.session_id, a.person_id, a.origin, COALESCE(p.grp, ''), COALESCE(p.name_key, ''),
			COALESCE(p.unit, ''), COALESCE(p.id_hash, '') FROM attendance a JOIN session s ON s.id = a.session_id
			LEFT JOIN person p ON p.id = a.person_id
			WHERE a.undone_at IS NULL AND s.started_at >= ? AND s.started_at < ? ORDER BY a.session_id, a.checked_in_at, a.id`, lo, hi)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c FactCheckIn
			if err := rows.Scan(&c.SessionID, &c.PersonID, &c.Origin, &c.Group, &c.NameKey, &c.Unit, &c.IDHash); err != nil {
				rows.Close()
				return err
			}
			f.CheckIns = append(f.CheckIns, c)
		}
		rows.Close()
		states, err := readQuestions(ctx, tx, "WHERE s.started_at >= ? AND s.started_at < ?", lo, hi)
		if err != nil {
			return err
		}
		for _, st := range states {
			f.Questions = append(f.Questions, st.q)
		}
		return nil
	})
	return f, err
}
