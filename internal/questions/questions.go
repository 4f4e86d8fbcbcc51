// Package questions is the domain of audience questions: recording them
// against the slide on screen, answering on the spot, forwarding to the
// district or the spokesperson, answers that come later, pinning one on the
// audience screen, and the history of every edit. The desk and the CLI call
// only this.
//
// Every write is committed durably before a method returns, and is a new
// version of the question: what it replaced stays in the history.
package questions

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/internal/field"
	"briefing/internal/record"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

// MaxTextRunes is the longest question or answer, in characters: about
// four pages, far more than anyone says from the floor, and still a size
// that a minutes file and the audience screen can carry.
const MaxTextRunes = field.MaxText

var (
	// ErrNotFound: no such question or session.
	ErrNotFound = store.ErrNotFound
	// ErrAmbiguous: an id prefix matches several questions.
	ErrAmbiguous = errors.New("id prefix matches several questions")
	// ErrInvalid: a field is empty, too long or out of range; the
	// FieldError says which.
	ErrInvalid = errors.New("invalid")
	// ErrEnded: the session has ended, so it has no audience screen to pin to.
	ErrEnded = errors.New("session has ended")
)

// FieldError names what is wrong with a field: Field is text, answer, by,
// slide or to; Reason is empty, too_long, range or unknown.
type FieldError struct {
	Field  string
	Reason string
	Runes  int // the length given, for too_long
	Max    int // the limit: MaxTextRunes for too_long, the slide count for range
	Given  int // the 1-based slide given, for range
}

func (e *FieldError) Error() string {
	switch e.Reason {
	case "too_long":
		return fmt.Sprintf("%s is %d characters, over the limit of %d: %v", e.Field, e.Runes, e.Max, ErrInvalid)
	case "range":
		return fmt.Sprintf("%s must be 1 to %d: %v", e.Field, e.Max, ErrInvalid)
	}
	return fmt.Sprintf("%s %s: %v", e.Field, e.Reason, ErrInvalid)
}
func (e *FieldError) Unwrap() error { return ErrInvalid }

// The question's shapes and codes are the plain records of package record,
// which the store, the reports and --json use too.
type (
	// Question is an audience question as it stands; Slide is 0-based and
	// HLC orders writes (pollers ask for questions written after it).
	Question = record.Question
	// Version is one saved state of a question.
	Version = record.QuestionVersion
	// Status is where a question stands.
	Status = record.QuestionStatus
	// Destination is where a forwarded question goes.
	Destination = record.Destination
)

const (
	Open           = record.Open
	Answered       = record.Answered
	Forwarded      = record.Forwarded
	AnsweredLater  = record.AnsweredLater
	ToDistrict     = record.ToDistrict
	ToSpokesperson = record.ToSpokesperson
)

// Statuses in the order lists and minutes show them.
var Statuses = record.QuestionStatuses

// ParseStatus reads a status as the CLI takes it.
func ParseStatus(s string) (Status, bool) { return record.ParseQuestionStatus(s) }

// ParseDestination reads a destination as the CLI takes it.
func ParseDestination(s string) (Destination, bool) { return record.ParseDestination(s) }

// Draft is what the clerk writes: a new question or an edit of one.
type Draft struct {
	Text string
	// Slide is 0-based; FromScreen takes the slide on the presenter's screen.
	Slide         int
	AskerName     string
	AskerUnit     string
	AskerPersonID string
	Press         bool
}

// FromScreen as a Draft's slide means the slide on screen now.
const FromScreen = -1

// Counts are a session's questions by status.
type Counts struct {
	Open, Answered, Forwarded, AnsweredLater int
}

// CountOf counts a list of questions by status.
func CountOf(list []Question) Counts {
	var c Counts
	for _, q := range list {
		switch q.Status {
		case Open:
			c.Open++
		case Answered:
			c.Answered++
		case Forwarded:
			c.Forwarded++
		case AnsweredLater:
			c.AnsweredLater++
		}
	}
	return c
}

// Total is every question.
func (c Counts) Total() int { return c.Open + c.Answered + c.Forwarded + c.AnsweredLater }

// Of is the count of one status.
func (c Counts) Of(s Status) int {
	switch s {
	case Open:
		return c.Open
	case Answered:
		return c.Answered
	case Forwarded:
		return c.Forwarded
	case AnsweredLater:
		return c.AnsweredLater
	}
	return 0
}

// Filter narrows a list; zero values match everything.
type Filter struct {
	Status Status
	Slide  int // 0-based; AnySlide for all
	Query  string
}

// Active says the filter narrows anything: a list under it may hide questions.
func (f Filter) Active() bool { return f.Status != "" || f.Slide != AnySlide || f.Query != "" }

// AnySlide as a Filter's slide matches every slide.
const AnySlide = -1

// Match says whether q passes the filter. The query ignores case and
// diacritics and looks in the text, the asker and the answer.
func (f Filter) Match(q Question) bool {
	if f.Status != "" && q.Status != f.Status {
		return false
	}
	if f.Slide != AnySlide && q.Slide != f.Slide {
		return false
	}
	if f.Query == "" {
		return true
	}
	query := textvi.Fold(f.Query)
	return textvi.FoldedContains(q.Text, query) || textvi.FoldedContains(q.AskerName, query) ||
		textvi.FoldedContains(q.AskerUnit, query) || textvi.FoldedContains(q.Answer, query)
}

// Service records and answers questions.
type Service struct {
	st  *store.Store
	now func() time.Time
}

// New makes the service; now is the clock (nil: time.Now).
func New(st *store.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, now: now}
}

// cleanText makes text NFC with its ends trimmed and checks its length.
// Control characters other than line breaks are dropped: pasted from a
// terminal or a scanner, they would reach the projector and the minutes.
func cleanText(name, text string, required bool) (string, error) {
	text = textvi.Printable(strings.ReplaceAll(text, "\r\n", "\n"))
	text = strings.TrimSpace(textvi.NFC(text))
	if text == "" && required {
		return "", &FieldError{Field: name, Reason: "empty"}
	}
	if n := utf8.RuneCountInString(text); n > MaxTextRunes {
		return "", &FieldError{Field: name, Reason: "too_long", Runes: n, Max: MaxTextRunes}
	}
	return text, nil
}

// cleanLine is a one-line field (field.Line): NFC, control and invisible
// characters dropped, spaces collapsed, within the field's limit.
func cleanLine(name field.Name, s string) (string, error) {
	return field.Line(name, s)
}

// clean checks a draft against its session and normalises it.
func clean(d Draft, sess store.Session) (Draft, error) {
	text, err := cleanText("text", d.Text, true)
	if err != nil {
		return d, err
	}
	d.Text = text
	if d.Slide == FromScreen {
		d.Slide = sess.Slide
	}
	if d.Slide < 0 || d.Slide >= sess.Slides {
		return d, &FieldError{Field: "slide", Reason: "range", Max: sess.Slides, Given: d.Slide + 1}
	}
	if d.AskerName, err = cleanLine(field.Asker, d.AskerName); err != nil {
		return d, err
	}
	if d.AskerUnit, err = cleanLine(field.AskerUnit, d.AskerUnit); err != nil {
		return d, err
	}
	if d.AskerName == "" {
		// Anonymous means nothing that points at the asker.
		d.AskerUnit, d.AskerPersonID = "", ""
	}
	return d, nil
}

// Add records a new question in session sessionID. It gets the session's
// next number; an empty slide-from-screen takes the presenter's slide.
func (s *Service) Add(ctx context.Context, sessionID string, d Draft) (Question, error) {
	var rec store.Question
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		sess, number, err := tx.QuestionAddState(ctx, sessionID)
		if err != nil {
			return err
		}
		d, err = clean(d, sess)
		if err != nil {
			return err
		}
		now := s.now()
		rec = store.Question{
			SessionID: sessionID, Number: number, Slide: d.Slide, Text: d.Text,
			AskerName: d.AskerName, AskerUnit: d.AskerUnit, AskerPersonID: d.AskerPersonID,
			Press: d.Press, Status: Open, CreatedAt: now, UpdatedAt: now,
		}
		return tx.InsertQuestion(ctx, &rec)
	})
	if err != nil {
		return Question{}, fmt.Errorf("add question: %w", err)
	}
	return fromRecord(rec), nil
}

// update saves a change to question id made by change, as a new version.
func (s *Service) update(ctx context.Context, what, id string, change func(*store.Question, store.Session) error) (Question, error) {
	var rec store.Question
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if rec, err = tx.Question(ctx, id); err != nil {
			return err
		}
		sess, err := tx.Session(ctx, rec.SessionID)
		if err != nil {
			return err
		}
		if err := change(&rec, sess); err != nil {
			return err
		}
		rec.UpdatedAt = s.now()
		return tx.UpdateQuestion(ctx, &rec)
	})
	if err != nil {
		return Question{}, fmt.Errorf("%s question: %w", what, err)
	}
	return fromRecord(rec), nil
}

// Edit replaces what was asked, by whom and about which slide.
func (s *Service) Edit(ctx context.Context, id string, d Draft) (Question, error) {
	return s.update(ctx, "edit", id, func(q *store.Question, sess store.Session) error {
		d, err := clean(d, sess)
		if err != nil {
			return err
		}
		q.Slide, q.Text, q.AskerName, q.AskerUnit, q.AskerPersonID, q.Press =
			d.Slide, d.Text, d.AskerName, d.AskerUnit, d.AskerPersonID, d.Press
		return nil
	})
}

// Answer records an answer. An open question becomes answered on the spot;
// a forwarded one becomes answered later; an answered one gets the new
// answer (the old one stays in the history). by is who answered: for an
// answer on the spot it defaults to the session's rapporteur.
func (s *Service) Answer(ctx context.Context, id, text, by string) (Question, error) {
	return s.update(ctx, "answer", id, func(q *store.Question, sess store.Session) error {
		answer, err := cleanText("answer", text, true)
		if err != nil {
			return err
		}
		if by, err = cleanLine(field.AnsweredBy, by); err != nil {
			return err
		}
		switch q.Status {
		case Open:
			q.Status = Answered
		case Forwarded:
			q.Status = AnsweredLater
		}
		if by == "" && q.Status == Answered {
			by = sess.Rapporteur
		}
		now := s.now()
		q.Answer, q.AnsweredBy, q.AnsweredAt = answer, by, &now
		return nil
	})
}

// DefaultDestination is where a question goes when the clerk does not say:
// a press question to the official spokesperson (Decree 09/2017/NĐ-CP),
// any other to the district.
func DefaultDestination(q Question) Destination {
	if q.Press {
		return ToSpokesperson
	}
	return ToDistrict
}

// Forward sends a question up to the district or the spokesperson; an
// empty to is DefaultDestination. An answer given on the spot stays until
// the answer from above replaces it.
func (s *Service) Forward(ctx context.Context, id string, to Destination) (Question, error) {
	if _, ok := ParseDestination(string(to)); !ok && to != "" {
		return Question{}, &FieldError{Field: "to", Reason: "unknown"}
	}
	return s.update(ctx, "forward", id, func(q *store.Question, _ store.Session) error {
		if to == "" {
			to = DefaultDestination(*q)
		}
		now := s.now()
		q.Status, q.ForwardedTo, q.ForwardedAt = Forwarded, to, &now
		return nil
	})
}

// Reopen takes a question back to open, its answer kept in the history.
func (s *Service) Reopen(ctx context.Context, id string) (Question, error) {
	return s.update(ctx, "reopen", id, func(q *store.Question, _ store.Session) error {
		q.Status = Open
		q.Answer, q.AnsweredBy, q.AnsweredAt = "", "", nil
		q.ForwardedTo, q.ForwardedAt = "", nil
		return nil
	})
}

// Get reads a question by its full id.
func (s *Service) Get(ctx context.Context, id string) (Question, error) {
	rec, err := s.st.Question(ctx, id)
	if err != nil {
		return Question{}, err
	}
	return fromRecord(rec), nil
}

// MinIDPrefix is the fewest characters of an id a reference may give; a
// shorter run of digits is a question's number.
const MinIDPrefix = 6

// ParseRef reads a reference as people type it ("5", "#5", an id prefix):
// the reference cleaned, and its number when it is one.
func ParseRef(ref string) (clean string, number int, isNumber bool) {
	clean = strings.TrimPrefix(strings.TrimSpace(ref), "#")
	n, err := strconv.Atoi(clean)
	return clean, n, err == nil && len(clean) < MinIDPrefix
}

// Find reads a question by a reference as people type it: its number in
// session sessionID ("5", "#5"), or the start of its id (at least six
// characters).
func (s *Service) Find(ctx context.Context, sessionID, ref string) (Question, error) {
	ref, n, isNumber := ParseRef(ref)
	if isNumber {
		if sessionID == "" {
			return Question{}, fmt.Errorf("question %d: %w", n, ErrNotFound)
		}
		rec, err := s.st.QuestionByNumber(ctx, sessionID, n)
		if err != nil {
			return Question{}, fmt.Errorf("question %d: %w", n, ErrNotFound)
		}
		return fromRecord(rec), nil
	}
	if len(ref) < MinIDPrefix {
		return Question{}, fmt.Errorf("question %q: %w", ref, ErrNotFound)
	}
	recs, err := s.st.QuestionsWithPrefix(ctx, strings.ToLower(ref), 2)
	if err != nil {
		return Question{}, err
	}
	switch len(recs) {
	case 0:
		return Question{}, fmt.Errorf("question %q: %w", ref, ErrNotFound)
	case 1:
		return fromRecord(recs[0]), nil
	}
	return Question{}, fmt.Errorf("question %q: %w", ref, ErrAmbiguous)
}

// List returns a session's questions that pass the filter, in the order
// they were asked.
func (s *Service) List(ctx context.Context, sessionID string, f Filter) ([]Question, error) {
	recs, err := s.st.Questions(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	list := make([]Question, 0, len(recs))
	for _, r := range recs {
		if q := fromRecord(r); f.Match(q) {
			list = append(list, q)
		}
	}
	return list, nil
}

// Since returns a session's questions written after stamp (empty: all),
// for a poller keeping its list current.
func (s *Service) Since(ctx context.Context, sessionID, stamp string) ([]Question, error) {
	recs, err := s.st.QuestionsSince(ctx, sessionID, stamp)
	if err != nil {
		return nil, err
	}
	list := make([]Question, len(recs))
	for i, r := range recs {
		list[i] = fromRecord(r)
	}
	return list, nil
}

// Counts counts a session's questions by status.
func (s *Service) Counts(ctx context.Context, sessionID string) (Counts, error) {
	byStatus, err := s.st.QuestionCounts(ctx, sessionID)
	if err != nil {
		return Counts{}, err
	}
	return Counts{Open: byStatus[string(Open)], Answered: byStatus[string(Answered)],
		Forwarded: byStatus[string(Forwarded)], AnsweredLater: byStatus[string(AnsweredLater)]}, nil
}

// Summary counts a session's questions by status and returns the latest
// (nil when none was asked).
func (s *Service) Summary(ctx context.Context, sessionID string) (Counts, *Question, error) {
	c, err := s.Counts(ctx, sessionID)
	if err != nil {
		return Counts{}, nil, err
	}
	latest, err := s.st.LatestQuestion(ctx, sessionID)
	if err != nil || latest == nil {
		return c, nil, err
	}
	q := fromRecord(*latest)
	return c, &q, nil
}

// History lists every saved state of a question, oldest first.
func (s *Service) History(ctx context.Context, id string) ([]Version, error) {
	recs, err := s.st.QuestionVersions(ctx, id)
	if err != nil {
		return nil, err
	}
	for i, v := range recs {
		recs[i].Text, recs[i].Answer = textvi.Printable(v.Text), textvi.Printable(v.Answer)
		recs[i].AskerName, recs[i].AskerUnit = textvi.Shown(v.AskerName), textvi.Shown(v.AskerUnit)
	}
	return recs, nil
}

// Pin shows question id on its session's audience screen, in place of any
// other; the presenter picks it up with its next position poll. An ended
// session has no audience screen: ErrEnded.
func (s *Service) Pin(ctx context.Context, id string) (Question, error) {
	var q store.Question
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		var err error
		if q, err = tx.Question(ctx, id); err != nil {
			return err
		}
		sess, err := tx.Session(ctx, q.SessionID)
		if err != nil {
			return err
		}
		if sess.EndedAt != nil {
			return ErrEnded
		}
		if sess.PinnedQuestion == id {
			return nil
		}
		now := s.now()
		sess.PinnedQuestion, sess.PinnedAt = id, &now
		return tx.UpdateSession(ctx, &sess)
	})
	if err != nil {
		return Question{}, fmt.Errorf("pin question: %w", err)
	}
	return fromRecord(q), nil
}

// Unpin clears the audience screen of session sessionID's pinned question;
// unpinned says whether one was pinned.
func (s *Service) Unpin(ctx context.Context, sessionID string) (unpinned bool, err error) {
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		sess, err := tx.Session(ctx, sessionID)
		if err != nil {
			return err
		}
		if sess.PinnedQuestion == "" {
			return nil
		}
		unpinned = true
		sess.PinnedQuestion, sess.PinnedAt = "", nil
		return tx.UpdateSession(ctx, &sess)
	})
	if err != nil {
		return false, fmt.Errorf("unpin question: %w", err)
	}
	return unpinned, nil
}

// Pinned is the id of the question pinned in session sessionID, or "".
func (s *Service) Pinned(ctx context.Context, sessionID string) (string, error) {
	sess, err := s.st.Session(ctx, sessionID)
	return sess.PinnedQuestion, err
}

// fromRecord is the store's record as the service returns it: the same shape.
// fromRecord is a stored question as the desk, the presenter, the CLI and
// the minutes show it: its text and answer without control or invisible
// characters but line breaks (textvi.Printable), the names one line each
// (textvi.Shown), so a question stored with an escape sequence (an old
// database, a record synced in) shows harmless everywhere.
func fromRecord(r store.Question) Question {
	r.Text, r.Answer = textvi.Printable(r.Text), textvi.Printable(r.Answer)
	r.AskerName, r.AskerUnit, r.AnsweredBy = textvi.Shown(r.AskerName), textvi.Shown(r.AskerUnit), textvi.Shown(r.AnsweredBy)
	return r
}
