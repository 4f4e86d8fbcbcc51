// Package session is the presenting domain: starting a session on a deck,
// moving its position, ending it, and reading back its timeline. The TUI and
// CLI call only this; the position is shared through the database so every
// process of the device shows the same slide.
//
// Slide numbers are 0-based (the UI shows N+1). Times are UTC with millisecond
// precision.
package session

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"briefing/internal/deck"
	"briefing/internal/field"
	"briefing/internal/store"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

var (
	// ErrNotFound: no such session.
	ErrNotFound = store.ErrNotFound
	// ErrOpenSession: this device already has an open session; the error is
	// an *OpenSessionError that carries it.
	ErrOpenSession = errors.New("this device already has an open session")
	// ErrEnded: the session has ended and no longer moves.
	ErrEnded = errors.New("session has ended")
	// ErrAmbiguous: an id prefix matches more than one session.
	ErrAmbiguous = errors.New("id prefix matches several sessions")
	// ErrInvalid: an argument is out of range or missing.
	ErrInvalid = errors.New("invalid")
	// ErrDeckMissing: a session's deck is neither stored in the database (a
	// session started before decks were kept) nor in the library; the error
	// is a *DeckMissingError that names it.
	ErrDeckMissing = errors.New("the session's deck is neither stored nor in the library")
)

// DeckMissingError is returned by Deck when the session's deck cannot be found.
type DeckMissingError struct{ DeckID, Version string }

func (e *DeckMissingError) Error() string {
	return fmt.Sprintf("deck %s version %s: %v", e.DeckID, e.Version, ErrDeckMissing)
}

func (e *DeckMissingError) Unwrap() error { return ErrDeckMissing }

// OpenSessionError is returned by Start when this device has an open session.
type OpenSessionError struct{ Session Session }

func (e *OpenSessionError) Error() string {
	return fmt.Sprintf("%v: %s (%s)", ErrOpenSession, e.Session.ID, e.Session.Info.Title)
}

func (e *OpenSessionError) Unwrap() error { return ErrOpenSession }

// OutsideScopeError is returned by Start when the laptop is enrolled at a
// hub for units that do not include the session's: the hub would refuse the
// session and everything recorded under it.
type OutsideScopeError struct {
	Unit     string // the session's unit, as the catalog names it
	Enrolled string // the unit the laptop is enrolled for
}

func (e *OutsideScopeError) Error() string {
	return fmt.Sprintf("unit %q is outside the units this laptop is enrolled for (%s)", e.Unit, e.Enrolled)
}

// MinPrefix is the shortest id prefix Get accepts.
const MinPrefix = 6

// DeckRef names the deck version a session presents. Source is the deck's
// exact text, which Start keeps in the database once per version; only
// tests start sessions on a deck known by reference alone (empty Source).
type DeckRef struct {
	ID, Version, Title  string
	Slides, DurationMin int
	Source              string
}

// RefOf is what a session records of a parsed deck, its source included.
func RefOf(d *deck.Deck) DeckRef {
	return DeckRef{ID: d.Meta.ID, Version: d.Version, Title: d.Meta.Title, Slides: len(d.Slides),
		DurationMin: d.Meta.Duration, Source: d.Text}
}

// Info describes a session for the record.
type Info struct {
	Title, Unit, Venue, Form, Rapporteur string
	// Chair (chủ trì) and Secretary (thư ký) sign the minutes.
	Chair, Secretary string
}

// Session is a briefing and the slide on screen: a view of record.Session
// with its deck and details grouped as the screens use them (the pinned
// question is read through Position). Not the record itself on purpose.
type Session struct {
	ID         string
	Deck       DeckRef
	Info       Info
	StartedAt  time.Time
	EndedAt    *time.Time
	Slide      int
	Step       int
	PositionAt time.Time
}

// Position is what a follower polls for, with the question the desk pinned
// on the audience screen (nil: none): the store's, as it reads it.
type Position = store.Position

// Pinned is what the audience screen shows of a pinned question. Slide is
// 0-based; an empty AskerName is an anonymous question.
type Pinned = store.Pinned

// SlideTime is the time a session spent on one slide.
type SlideTime struct {
	Slide int
	Views int // times the slide was entered from another slide
	Spent time.Duration
}

// Device is this device's profile.
type Device struct {
	ID, Name, Unit string
	CreatedAt      time.Time
}

// Service applies the session rules over a store.
type Service struct {
	st      *store.Store
	now     func() time.Time
	library func() []deck.Entry
}

// New returns a Service; now is the clock for session times (nil: time.Now).
func New(st *store.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, now: now}
}

// UseLibrary gives Deck the deck library to look in for sessions whose deck
// is not stored (started before decks were kept). lib is called only then.
func (s *Service) UseLibrary(lib func() []deck.Entry) { s.library = lib }

// Start begins a session on deck d at slide 0, step 0. A device presents one
// session at a time: if one is open, Start returns an *OpenSessionError.
func (s *Service) Start(ctx context.Context, d DeckRef, info Info) (Session, error) {
	d = trimDeck(d)
	info, err := cleanInfo(info)
	if err != nil {
		return Session{}, fmt.Errorf("start: %w", err)
	}
	if d.ID == "" || d.Version == "" || d.Slides < 1 || d.DurationMin < 0 {
		return Session{}, fmt.Errorf("start: deck %q version %q with %d slides: %w", d.ID, d.Version, d.Slides, ErrInvalid)
	}
	if info.Title == "" {
		info.Title = d.Title
	}
	if err := checkSource(d); err != nil {
		return Session{}, fmt.Errorf("start: %w", err)
	}
	if info.Unit == "" {
		// A session with no unit at all is reported under no unit.
		if info.Unit, err = s.HostUnit(ctx); err != nil {
			return Session{}, err
		}
	}
	if err := s.checkScope(ctx, info.Unit); err != nil {
		return Session{}, err
	}
	now := s.now()
	var started store.Session
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		open, err := tx.OpenSession(ctx)
		if err != nil {
			return err
		}
		if open != nil {
			return &OpenSessionError{Session: fromRecord(*open)}
		}
		if err := upsertDeck(ctx, tx, d); err != nil {
			return err
		}
		if err := keepSource(ctx, tx, d, now); err != nil {
			return err
		}
		started = store.Session{
			DeckID: d.ID, DeckVersion: d.Version, DeckTitle: d.Title, Slides: d.Slides, DurationMin: d.DurationMin,
			Title: info.Title, Unit: info.Unit, Venue: info.Venue, Form: info.Form, Rapporteur: info.Rapporteur,
			Chair: info.Chair, Secretary: info.Secretary, StartedAt: now, PositionAt: now,
		}
		if err := tx.InsertSession(ctx, &started); err != nil {
			return err
		}
		return tx.InsertSlideView(ctx, &store.SlideView{SessionID: started.ID, ShownAt: now})
	})
	if err != nil {
		return Session{}, fmt.Errorf("start session: %w", err)
	}
	return fromRecord(started), nil
}

// checkScope refuses a session for a unit outside the laptop's enrolment,
// now, while the rapporteur can pick another unit, rather than at the hub
// weeks later. A laptop not enrolled, or a unit the catalog does not know,
// passes (the hub takes those too).
func (s *Service) checkScope(ctx context.Context, spelling string) error {
	st, err := s.st.SyncState(ctx)
	if errors.Is(err, store.ErrNotEnrolled) || err == nil && len(st.Scope) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	cat, err := unit.New(s.st, nil).Catalog(ctx)
	if err != nil {
		return err
	}
	if cat.InScope(spelling, st.Scope) {
		return nil
	}
	return &OutsideScopeError{Unit: cat.Name(spelling), Enrolled: st.UnitName}
}

// upsertDeck records the deck version once. The version is a content hash,
// so a differing title or count only comes from a changed parser; the row
// then follows the newest reading.
func upsertDeck(ctx context.Context, tx *store.Tx, d DeckRef) error {
	row, err := tx.Deck(ctx, d.ID, d.Version)
	if errors.Is(err, store.ErrNotFound) {
		return tx.InsertDeck(ctx, &store.Deck{
			DeckID: d.ID, Version: d.Version, Title: d.Title, Slides: d.Slides, DurationMin: d.DurationMin,
		})
	}
	if err != nil {
		return err
	}
	if row.Title == d.Title && row.Slides == d.Slides && row.DurationMin == d.DurationMin {
		return nil
	}
	row.Title, row.Slides, row.DurationMin = d.Title, d.Slides, d.DurationMin
	return tx.UpdateDeck(ctx, &row)
}

// checkSource makes sure a deck's source is the version the session will
// record: the stored text must read back as the very deck that was shown.
func checkSource(d DeckRef) error {
	if d.Source == "" {
		return nil
	}
	// The version hashes the whole text, front matter (and so the id) included.
	if deck.VersionOf([]byte(d.Source)) != d.Version {
		return fmt.Errorf("deck %q version %q: the source given is another deck: %w", d.ID, d.Version, ErrInvalid)
	}
	return nil
}

// keepSource stores a deck version's source the first time a session
// presents it; the version, a content hash, names the same text forever.
func keepSource(ctx context.Context, tx *store.Tx, d DeckRef, now time.Time) error {
	if d.Source == "" {
		return nil
	}
	has, err := tx.HasDeckSnapshot(ctx, d.ID, d.Version)
	if err != nil || has {
		return err
	}
	return tx.InsertDeckSnapshot(ctx, &store.DeckSnapshot{DeckID: d.ID, Version: d.Version, Source: d.Source, CreatedAt: now})
}

// Deck is the deck session id shows: the source stored when it started,
// whatever became of the file. A session started before decks were stored
// falls back to the library: the same version, else the same deck id (as
// before). With neither, the error is a *DeckMissingError.
func (s *Service) Deck(ctx context.Context, id string) (*deck.Deck, error) {
	rec, err := s.st.Session(ctx, id)
	if err != nil {
		return nil, err
	}
	snap, err := s.st.DeckSnapshot(ctx, rec.DeckID, rec.DeckVersion)
	switch {
	case err == nil:
		d, _ := deck.Parse("snapshot:"+rec.DeckID+"@"+rec.DeckVersion, []byte(snap.Source))
		if d == nil || d.Version != rec.DeckVersion {
			return nil, fmt.Errorf("deck %s version %s: the stored source does not read back as that version", rec.DeckID, rec.DeckVersion)
		}
		return d, nil
	case !errors.Is(err, store.ErrNotFound):
		return nil, err
	}
	if s.library != nil {
		if d := deck.FindVersion(s.library(), rec.DeckID, rec.DeckVersion); d != nil {
			return d, nil
		}
	}
	return nil, &DeckMissingError{DeckID: rec.DeckID, Version: rec.DeckVersion}
}

// SlideTitles are the titles of the slides of the deck s presented, when
// that version is found (nil otherwise: a session older than the decks kept;
// another version's titles could name the wrong slides).
func (s *Service) SlideTitles(ctx context.Context, sess Session) []string {
	d, err := s.Deck(ctx, sess.ID)
	if err != nil || d.Version != sess.Deck.Version {
		return nil
	}
	titles := make([]string, len(d.Slides))
	for i, sl := range d.Slides {
		titles[i] = sl.Title
	}
	return titles
}

// Presents reports whether the session presents deck d: the same deck id and
// version (content hash).
func (s Session) Presents(d *deck.Deck) bool {
	return d != nil && s.Deck.ID == d.Meta.ID && s.Deck.Version == d.Version
}

// Current returns this device's open session, or nil if there is none.
func (s *Service) Current(ctx context.Context) (*Session, error) {
	open, err := s.st.OpenSession(ctx)
	if err != nil || open == nil {
		return nil, err
	}
	current := fromRecord(*open)
	return &current, nil
}

// Get finds a session by its id or by a unique prefix of at least MinPrefix
// characters. UUIDv7 ids begin with their creation time, so sessions started
// close together share long prefixes.
func (s *Service) Get(ctx context.Context, id string) (Session, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if len(id) < MinPrefix {
		return Session{}, fmt.Errorf("session id %q: give at least %d characters: %w", id, MinPrefix, ErrInvalid)
	}
	found, err := s.st.SessionsWithPrefix(ctx, id, 2)
	switch {
	case err != nil:
		return Session{}, err
	case len(found) == 0:
		return Session{}, fmt.Errorf("session %s: %w", id, ErrNotFound)
	case len(found) > 1 && found[0].ID != id:
		return Session{}, fmt.Errorf("session %s: %w", id, ErrAmbiguous)
	}
	return fromRecord(found[0]), nil
}

// List returns sessions newest first, at most limit (<= 0: all).
func (s *Service) List(ctx context.Context, limit int) ([]Session, error) {
	records, err := s.st.Sessions(ctx, limit)
	if err != nil {
		return nil, err
	}
	sessions := make([]Session, len(records))
	for i, r := range records {
		sessions[i] = fromRecord(r)
	}
	return sessions, nil
}

// GoTo moves session id to slide and step, durably. Only a real move is
// written and added to the timeline; moving to where it already is does nothing.
func (s *Service) GoTo(ctx context.Context, id string, slide, step int) error {
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, id)
		if err != nil {
			return err
		}
		if rec.EndedAt != nil {
			return ErrEnded
		}
		if slide < 0 || slide >= rec.Slides || step < 0 {
			return fmt.Errorf("slide %d step %d of %d slides: %w", slide, step, rec.Slides, ErrInvalid)
		}
		if rec.Slide == slide && rec.Step == step {
			return nil
		}
		rec.Slide, rec.Step, rec.PositionAt = slide, step, now
		if err := tx.UpdateSession(ctx, &rec); err != nil {
			return err
		}
		return tx.InsertSlideView(ctx, &store.SlideView{SessionID: id, Slide: slide, Step: step, ShownAt: now})
	})
	if err != nil {
		return fmt.Errorf("go to slide %d: %w", slide, err)
	}
	return nil
}

// Position reads session id's position; cheap enough to poll every 100 ms.
func (s *Service) Position(ctx context.Context, id string) (Position, error) {
	return s.st.Position(ctx, id)
}

// End closes session id. Ending it twice returns ErrEnded.
func (s *Service) End(ctx context.Context, id string) error {
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, id)
		if err != nil {
			return err
		}
		if rec.EndedAt != nil {
			return ErrEnded
		}
		rec.EndedAt = &now
		return tx.UpdateSession(ctx, &rec)
	})
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return nil
}

// SetSigners sets who chaired session id and who took its minutes; a nil
// name stays as it is. An ended session takes them too: the minutes are
// often drawn up after the meeting.
func (s *Service) SetSigners(ctx context.Context, id string, chair, secretary *string) (Session, error) {
	var info Info
	if chair != nil {
		info.Chair = *chair
	}
	if secretary != nil {
		info.Secretary = *secretary
	}
	info, err := cleanInfo(info)
	if err != nil {
		return Session{}, fmt.Errorf("set signers: %w", err)
	}
	var rec store.Session
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		rec, err = tx.Session(ctx, id)
		if err != nil {
			return err
		}
		if chair != nil {
			rec.Chair = info.Chair
		}
		if secretary != nil {
			rec.Secretary = info.Secretary
		}
		return tx.UpdateSession(ctx, &rec)
	})
	if err != nil {
		return Session{}, fmt.Errorf("set signers: %w", err)
	}
	return fromRecord(rec), nil
}

// Timeline returns, per slide shown, how often it was entered and how long it
// stayed on screen: each view lasts until the next one, the last until the
// session ended (or until now while it is open). Steps count toward their slide; time when
// no presenter ran (live.go) counts toward none.
func (s *Service) Timeline(ctx context.Context, id string) ([]SlideTime, error) {
	rec, views, err := s.st.SessionWithViews(ctx, id)
	if err != nil {
		return nil, err
	}
	end := s.now()
	if rec.EndedAt != nil {
		end = *rec.EndedAt
	}
	gaps, err := s.gaps(ctx, id, end)
	if err != nil {
		return nil, err
	}
	bySlide := map[int]*SlideTime{}
	for i, v := range views {
		until := end
		if i+1 < len(views) {
			until = views[i+1].ShownAt
		}
		st := bySlide[v.Slide]
		if st == nil {
			st = &SlideTime{Slide: v.Slide}
			bySlide[v.Slide] = st
		}
		if i == 0 || views[i-1].Slide != v.Slide {
			st.Views++
		}
		st.Spent += presented(v.ShownAt, until, gaps)
	}
	timeline := make([]SlideTime, 0, len(bySlide))
	for _, st := range bySlide {
		timeline = append(timeline, *st)
	}
	sort.Slice(timeline, func(i, j int) bool { return timeline[i].Slide < timeline[j].Slide })
	return timeline, nil
}

// Device returns this device's profile; Name is empty until first run set it.
func (s *Service) Device(ctx context.Context) (Device, error) {
	d, err := s.st.Device(ctx)
	return Device{ID: d.ID, Name: d.Name, Unit: d.Unit, CreatedAt: d.CreatedAt}, err
}

// SetDevice saves the first-run profile: the device's name and its unit.
func (s *Service) SetDevice(ctx context.Context, name, unit string) error {
	name, err := field.Line(field.Device, name)
	if err != nil {
		return err
	}
	if unit, err = field.Line(field.Unit, unit); err != nil {
		return err
	}
	if name == "" || unit == "" {
		return fmt.Errorf("device name and unit are required: %w", ErrInvalid)
	}
	return s.st.Tx(ctx, func(tx *store.Tx) error { return tx.SetDevice(ctx, name, unit) })
}

// HostUnit is the unit a new session is hosted by unless told otherwise,
// the one rule the start form (from home or from present), the desk and
// Start fill it by: an enrolled laptop's unit (the hub's word), else the
// device's own unit, as the catalog names it; "" when the device has none.
func (s *Service) HostUnit(ctx context.Context) (string, error) {
	st, err := s.st.SyncState(ctx)
	switch {
	case err == nil && st.UnitName != "":
		return st.UnitName, nil
	case err != nil && !errors.Is(err, store.ErrNotEnrolled):
		return "", err
	}
	dev, err := s.st.Device(ctx)
	if err != nil {
		return "", err
	}
	spelling := textvi.FieldText(dev.Unit)
	if spelling == "" {
		return "", nil
	}
	cat, err := unit.New(s.st, nil).Catalog(ctx)
	if err != nil {
		return "", err
	}
	return cat.Name(spelling), nil
}

// Units returns the catalog's unit names in display order: Phường 1 to 15, the
// district's offices, units added since, then Khác; not those merged into another.
func (s *Service) Units(ctx context.Context) ([]string, error) {
	cat, err := unit.New(s.st, nil).Catalog(ctx)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, u := range cat.Units() {
		if _, merged := cat.MergedInto(u.ID); !merged {
			names = append(names, u.Name)
		}
	}
	return names, nil
}

// fromRecord is a stored session as the screens, the CLI and the reports
// show it: its title and details one line each without control or
// invisible characters (textvi.Shown), so a session stored with an
// escape sequence (an old database, a record synced in) shows harmless.
func fromRecord(r store.Session) Session {
	f := textvi.Shown
	return Session{
		ID:   r.ID,
		Deck: DeckRef{ID: r.DeckID, Version: r.DeckVersion, Title: f(r.DeckTitle), Slides: r.Slides, DurationMin: r.DurationMin},
		Info: Info{Title: f(r.Title), Unit: f(r.Unit), Venue: f(r.Venue), Form: f(r.Form), Rapporteur: f(r.Rapporteur),
			Chair: f(r.Chair), Secretary: f(r.Secretary)},
		StartedAt:  r.StartedAt,
		EndedAt:    r.EndedAt,
		Slide:      r.Slide,
		Step:       r.Step,
		PositionAt: r.PositionAt,
	}
}

// trimDeck trims what a person may have typed; the title is one clean
// line (a deck's title reaches every list); the source stays exact.
func trimDeck(d DeckRef) DeckRef {
	d.ID, d.Version, d.Title = strings.TrimSpace(d.ID), strings.TrimSpace(d.Version), textvi.FieldText(d.Title)
	return d
}

// cleanInfo is what a person typed for a session as it is kept: each field
// one line without control or invisible characters (an escape sequence in a
// title would reach every terminal that lists it), within its limit, or a
// *field.TooLongError that names the field.
func cleanInfo(i Info) (Info, error) {
	var err error
	for _, f := range []struct {
		name field.Name
		v    *string
	}{{field.Title, &i.Title}, {field.Unit, &i.Unit}, {field.Venue, &i.Venue}, {field.Form, &i.Form}, {field.Rapporteur, &i.Rapporteur},
		{field.Chair, &i.Chair}, {field.Secretary, &i.Secretary}} {
		if *f.v, err = field.Line(f.name, *f.v); err != nil {
			return i, err
		}
	}
	return i, nil
}

// DataVersion changes when a write was committed to the device database by
// another connection than the one that reads it (store.DataVersion): a window
// reads the shared position again only when it changed.
func (s *Service) DataVersion(ctx context.Context) (int64, error) {
	return s.st.DataVersion(ctx)
}

// Writes receives when the device database's files are written (store.Writes;
// nil where files are not watched: poll DataVersion).
func (s *Service) Writes() <-chan struct{} {
	return s.st.Writes()
}
