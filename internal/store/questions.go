package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// --- questions ---

const questionColumns = `id, origin, hlc, session_id, number, slide, text, asker_name, asker_unit,
	asker_person_id, press, status, answer, answered_by, answered_at, forwarded_to, forwarded_at,
	version, created_at, updated_at`

func scanQuestion(row rowScanner) (Question, error) {
	var q Question
	var answered, forwarded sql.NullInt64
	var created, updated int64
	err := row.Scan(&q.ID, &q.Origin, &q.HLC, &q.SessionID, &q.Number, &q.Slide, &q.Text, &q.AskerName,
		&q.AskerUnit, &q.AskerPersonID, &q.Press, &q.Status, &q.Answer, &q.AnsweredBy, &answered,
		&q.ForwardedTo, &forwarded, &q.Version, &created, &updated)
	q.AnsweredAt = timePtr(answered)
	q.ForwardedAt = timePtr(forwarded)
	q.CreatedAt = fromMillis(created)
	q.UpdatedAt = fromMillis(updated)
	return q, err
}

func readQuestions(ctx context.Context, q querier, where string, args ...any) ([]Question, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+questionColumns+` FROM question `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Question
	for rows.Next() {
		qu, err := scanQuestion(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, qu)
	}
	return list, rows.Err()
}

func readQuestion(ctx context.Context, q querier, where string, args ...any) (Question, error) {
	list, err := readQuestions(ctx, q, where+` LIMIT 1`, args...)
	if err != nil {
		return Question{}, err
	}
	if len(list) == 0 {
		return Question{}, fmt.Errorf("question: %w", ErrNotFound)
	}
	return list[0], nil
}

// Questions lists a session's questions in the order they were asked.
func (s *Store) Questions(ctx context.Context, sessionID string) ([]Question, error) {
	return readQuestions(ctx, s.db, `WHERE session_id = ? ORDER BY number`, sessionID)
}

// Question reads a question by its full id.
func (s *Store) Question(ctx context.Context, id string) (Question, error) {
	return readQuestion(ctx, s.db, `WHERE id = ?`, id)
}

// Question reads a question by its full id inside the transaction.
func (t *Tx) Question(ctx context.Context, id string) (Question, error) {
	return readQuestion(ctx, t, `WHERE id = ?`, id)
}

// QuestionByNumber reads a session's question by its number.
func (s *Store) QuestionByNumber(ctx context.Context, sessionID string, number int) (Question, error) {
	return readQuestion(ctx, s.db, `WHERE session_id = ? AND number = ?`, sessionID, number)
}

// QuestionsWithPrefix lists up to limit questions whose id starts with prefix.
func (s *Store) QuestionsWithPrefix(ctx context.Context, prefix string, limit int) ([]Question, error) {
	return readQuestions(ctx, s.db, `WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`, prefix, prefix+"~", limit)
}

// QuestionsSince lists a session's questions written after stamp hlc, for
// pollers that keep a list current.
func (s *Store) QuestionsSince(ctx context.Context, sessionID, hlc string) ([]Question, error) {
	return readQuestions(ctx, s.db, `WHERE session_id = ? AND hlc > ? ORDER BY number`, sessionID, hlc)
}

// QuestionCounts counts a session's questions by status.
func (s *Store) QuestionCounts(ctx context.Context, sessionID string) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT status, COUNT(*) FROM question WHERE session_id = ? GROUP BY status`, sessionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		counts[status] = n
	}
	return counts, rows.Err()
}

// LatestQuestion is a session's newest question, or nil when it has none.
func (s *Store) LatestQuestion(ctx context.Context, sessionID string) (*Question, error) {
	latest, err := readQuestion(ctx, s.db, `WHERE session_id = ? ORDER BY number DESC`, sessionID)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &latest, nil
}

// QuestionAddState reads, with one statement, what adding a question to a session decides on:
// the session and the number its next question gets, with the clock the insert stamps with.
// Read in the write transaction, two desks never take the same number. A durable write waits
// on every statement it runs (the check-in has CheckInState).
func (t *Tx) QuestionAddState(ctx context.Context, sessionID string) (s Session, next int, err error) {
	var clockRow, clockSeq int64
	var clockHLC string
	s, err = scanSession(t.QueryRowContext(ctx, `SELECT `+sessionColumns+`,
			(SELECT COALESCE(MAX(number), 0) + 1 FROM question WHERE session_id = ?1), `+clockColumns("?2")+`
		FROM session WHERE id = ?1`, sessionID, t.deviceID), &next, &clockRow, &clockSeq, &clockHLC)
	if errors.Is(err, sql.ErrNoRows) {
		return s, 0, fmt.Errorf("session %s: %w", sessionID, ErrNotFound)
	}
	if err != nil {
		return s, 0, err
	}
	if t.clk == nil {
		if _, err := t.setClock(clockRow, clockSeq, clockHLC); err != nil {
			return s, 0, err
		}
	}
	return s, next, nil
}

// InsertQuestion stores a new question as its version 1. The question row
// is the state's only copy until an update replaces it: question_version
// keeps replaced states, so adding a question writes one row and one
// change-log entry, as a check-in does, where a version row for version 1
// cost two more of each and three more flushed pages.
func (t *Tx) InsertQuestion(ctx context.Context, q *Question) error {
	if err := t.stampNew(ctx, &q.Meta); err != nil {
		return err
	}
	q.Version = 1
	normalizeQuestion(q)
	_, err := t.exec(ctx, `INSERT INTO question (`+questionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		q.ID, q.Origin, q.HLC, q.SessionID, q.Number, q.Slide, q.Text, q.AskerName, q.AskerUnit,
		q.AskerPersonID, q.Press, q.Status, q.Answer, q.AnsweredBy, millisPtr(q.AnsweredAt),
		q.ForwardedTo, millisPtr(q.ForwardedAt), q.Version, toMillis(q.CreatedAt), toMillis(q.UpdatedAt))
	if err != nil {
		return fmt.Errorf("insert question: %w", err)
	}
	return t.logChange(ctx, EntityQuestion, OpInsert, q.Meta, q)
}

// UpdateQuestion saves a question's new state as its next version; the
// state it replaces is kept in question_version.
func (t *Tx) UpdateQuestion(ctx context.Context, q *Question) error {
	old, err := t.Question(ctx, q.ID)
	if err != nil {
		return err
	}
	var saved Meta
	if err := t.stampUpdate(ctx, &q.Meta, &saved); err != nil {
		return err
	}
	q.Version++
	normalizeQuestion(q)
	res, err := t.exec(ctx, `
		UPDATE question SET hlc = ?, slide = ?, text = ?, asker_name = ?, asker_unit = ?,
			asker_person_id = ?, press = ?, status = ?, answer = ?, answered_by = ?, answered_at = ?,
			forwarded_to = ?, forwarded_at = ?, version = ?, updated_at = ?
		WHERE id = ?`,
		q.HLC, q.Slide, q.Text, q.AskerName, q.AskerUnit, q.AskerPersonID, q.Press, q.Status, q.Answer,
		q.AnsweredBy, millisPtr(q.AnsweredAt), q.ForwardedTo, millisPtr(q.ForwardedAt), q.Version,
		toMillis(q.UpdatedAt), q.ID)
	if err := checkUpdated(res, err, "question", q.ID); err != nil {
		return err
	}
	if err := t.logChange(ctx, EntityQuestion, OpUpdate, q.Meta, q); err != nil {
		return err
	}
	return t.saveReplaced(ctx, old, saved)
}

// saveReplaced keeps q's state, which an update is replacing, as version
// record m (already stamped). Earlier builds saved every state as it was
// written, so in their databases the state is saved already: then nothing
// is written or logged.
func (t *Tx) saveReplaced(ctx context.Context, q Question, m Meta) error {
	v := versionOf(q)
	v.Meta = m
	res, err := t.exec(ctx, `INSERT INTO question_version (id, origin, hlc, question_id, version, slide, text,
			asker_name, asker_unit, asker_person_id, press, status, answer, answered_by, answered_at,
			forwarded_to, forwarded_at, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (question_id, version) DO NOTHING`,
		v.ID, v.Origin, v.HLC, v.QuestionID, v.Version, v.Slide, v.Text, v.AskerName, v.AskerUnit,
		v.AskerPersonID, v.Press, v.Status, v.Answer, v.AnsweredBy, millisPtr(v.AnsweredAt),
		v.ForwardedTo, millisPtr(v.ForwardedAt), toMillis(v.SavedAt))
	if err != nil {
		return fmt.Errorf("insert question version: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	return t.logChange(ctx, EntityQuestionVersion, OpInsert, v.Meta, v)
}

// versionOf is q's state as a version, without a record of its own.
func versionOf(q Question) QuestionVersion {
	return QuestionVersion{
		QuestionID: q.ID, Version: q.Version, Slide: q.Slide, Text: q.Text, AskerName: q.AskerName,
		AskerUnit: q.AskerUnit, AskerPersonID: q.AskerPersonID, Press: q.Press, Status: q.Status,
		Answer: q.Answer, AnsweredBy: q.AnsweredBy, AnsweredAt: q.AnsweredAt, ForwardedTo: q.ForwardedTo,
		ForwardedAt: q.ForwardedAt, SavedAt: q.UpdatedAt,
	}
}

// QuestionVersions lists every state a question has had, oldest first: the
// replaced states kept in question_version, then the state it has now (which
// has no version record of its own, so no Meta).
func (s *Store) QuestionVersions(ctx context.Context, questionID string) ([]QuestionVersion, error) {
	var list []QuestionVersion
	err := s.read(ctx, func(tx *sql.Tx) error {
		q, err := readQuestion(ctx, tx, `WHERE id = ?`, questionID)
		if errors.Is(err, ErrNotFound) {
			return nil // no question, no history
		}
		if err != nil {
			return err
		}
		if list, err = savedVersions(ctx, tx, questionID); err != nil {
			return err
		}
		// Earlier builds saved the state a question has now too.
		if len(list) == 0 || list[len(list)-1].Version < q.Version {
			list = append(list, versionOf(q))
		}
		return nil
	})
	return list, err
}

// savedVersions reads a question's rows of question_version, oldest first.
func savedVersions(ctx context.Context, q querier, questionID string) ([]QuestionVersion, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, origin, hlc, question_id, version, slide, text,
			asker_name, asker_unit, asker_person_id, press, status, answer, answered_by, answered_at,
			forwarded_to, forwarded_at, saved_at
		FROM question_version WHERE question_id = ? ORDER BY version`, questionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []QuestionVersion
	for rows.Next() {
		var v QuestionVersion
		var answered, forwarded sql.NullInt64
		var saved int64
		err := rows.Scan(&v.ID, &v.Origin, &v.HLC, &v.QuestionID, &v.Version, &v.Slide, &v.Text,
			&v.AskerName, &v.AskerUnit, &v.AskerPersonID, &v.Press, &v.Status, &v.Answer, &v.AnsweredBy,
			&answered, &v.ForwardedTo, &forwarded, &saved)
		if err != nil {
			return nil, err
		}
		v.AnsweredAt, v.ForwardedAt, v.SavedAt = timePtr(answered), timePtr(forwarded), fromMillis(saved)
		list = append(list, v)
	}
	return list, rows.Err()
}

func normalizeQuestion(q *Question) {
	q.CreatedAt = normalize(q.CreatedAt)
	q.UpdatedAt = normalize(q.UpdatedAt)
	q.AnsweredAt = normalizePtr(q.AnsweredAt)
	q.ForwardedAt = normalizePtr(q.ForwardedAt)
}

// receiveQuestionVersion keeps a version the hub sent (the district's
// answer) whole in received_question_version and puts it in the question's
// history. Its number there is the hub's when that follows the device's
// versions, else the next free one (the device edited meanwhile). When it
// is later by (hlc, device) than the question's state it becomes the state:
// the state it replaces is saved and logged as the device's version, as an
// edit's would be. When it is earlier it is kept before the state, which
// moves to the next number; the device's next edit saves that state, with
// that number, as a version for the hub. A version received before, or of a
// question this device does not have, changes nothing else.
func (t *Tx) receiveQuestionVersion(ctx context.Context, rv *ReceivedVersion, cursor int64) error {
	v := rv.Version
	res, err := t.exec(ctx, `INSERT INTO received_question_version (id, origin, hlc, question_id, version, payload_json, cursor)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		v.ID, v.Origin, v.HLC, v.QuestionID, v.Version, string(rv.Payload), cursor)
	if err != nil {
		return fmt.Errorf("question version %s: %w", v.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	cur, err := t.Question(ctx, v.QuestionID)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var maxSaved int
	if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM question_version WHERE question_id = ?`,
		v.QuestionID).Scan(&maxSaved); err != nil {
		return err
	}
	// The stamp ends with its device's id, so text order is (time, device).
	if v.HLC > cur.HLC {
		var saved Meta
		if err := t.stampNew(ctx, &saved); err != nil {
			return err
		}
		if err := t.saveReplaced(ctx, cur, saved); err != nil {
			return err
		}
		v.Version = max(v.Version, cur.Version+1, maxSaved+1)
		_, err = t.exec(ctx, `
			UPDATE question SET hlc = ?, slide = ?, text = ?, asker_name = ?, asker_unit = ?,
				asker_person_id = ?, press = ?, status = ?, answer = ?, answered_by = ?, answered_at = ?,
				forwarded_to = ?, forwarded_at = ?, version = ?, updated_at = ?
			WHERE id = ?`,
			v.HLC, v.Slide, v.Text, v.AskerName, v.AskerUnit, v.AskerPersonID, v.Press, v.Status, v.Answer,
			v.AnsweredBy, millisPtr(v.AnsweredAt), v.ForwardedTo, millisPtr(v.ForwardedAt), v.Version,
			toMillis(v.SavedAt), v.QuestionID)
	} else {
		// Earlier than the state: it goes before it, in the state's number
		// (the state itself is not saved yet), and the state moves up one.
		v.Version = max(cur.Version, maxSaved+1)
		_, err = t.exec(ctx, `UPDATE question SET version = ? WHERE id = ?`, v.Version+1, v.QuestionID)
	}
	if err != nil {
		return fmt.Errorf("question %s: %w", v.QuestionID, err)
	}
	_, err = t.exec(ctx, `INSERT INTO question_version (id, origin, hlc, question_id, version, slide, text,
			asker_name, asker_unit, asker_person_id, press, status, answer, answered_by, answered_at,
			forwarded_to, forwarded_at, saved_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.ID, v.Origin, v.HLC, v.QuestionID, v.Version, v.Slide, v.Text, v.AskerName, v.AskerUnit,
		v.AskerPersonID, v.Press, v.Status, v.Answer, v.AnsweredBy, millisPtr(v.AnsweredAt),
		v.ForwardedTo, millisPtr(v.ForwardedAt), toMillis(v.SavedAt))
	if err != nil {
		return fmt.Errorf("question version %s: %w", v.ID, err)
	}
	return nil
}
