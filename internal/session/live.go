package session

// What the screens share while a session runs, besides its position: whether the audience
// screen is black, and when a presenter ran. Both are device settings, not records: they
// only matter on the device that presents, and are not synced.
//
// Time on a slide counts only while a presenter ran: a presenter beats every BeatEvery, and
// a silence longer than GapAfter (a crash, the window closed with the session left open) is
// a gap that no slide is charged for.

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"briefing/internal/store"
)

const (
	// BeatEvery is how often a running presenter says so (Beat).
	BeatEvery = 5 * time.Second
	// GapAfter is the silence after which a presenter is taken to have stopped: three
	// missed beats, so that a slow disk or a busy machine never makes a gap.
	GapAfter = 3 * BeatEvery
)

func beatSetting(id string) string { return "presenter_beat:" + id }
func gapsSetting(id string) string { return "presenter_gaps:" + id }

// SetBlack blacks out session id's audience screen (on) or brings the slide back, for every
// window of the device. An ended session has no screen: ErrEnded.
func (s *Service) SetBlack(ctx context.Context, id string, on bool) error {
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, id)
		if err != nil {
			return err
		}
		if rec.EndedAt != nil {
			return ErrEnded
		}
		value := ""
		if on {
			value = id
		}
		return tx.SetSetting(ctx, store.BlackSetting, value)
	})
	if err != nil {
		return fmt.Errorf("black screen: %w", err)
	}
	return nil
}

// gap is a stretch of time when no presenter ran.
type gap struct{ from, to time.Time }

// Beat records that a presenter shows session id now. The first beat after a silence
// longer than GapAfter closes a gap: from the last beat until now no presenter ran.
func (s *Service) Beat(ctx context.Context, id string) error {
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, id)
		if err != nil {
			return err
		}
		if rec.EndedAt != nil {
			return ErrEnded
		}
		last, ok, err := tx.Setting(ctx, beatSetting(id))
		if err != nil {
			return err
		}
		if ms, perr := strconv.ParseInt(last, 10, 64); ok && perr == nil && now.Sub(time.UnixMilli(ms)) > GapAfter {
			gaps, _, err := tx.Setting(ctx, gapsSetting(id))
			if err != nil {
				return err
			}
			if gaps != "" {
				gaps += ","
			}
			gaps += fmt.Sprintf("%d-%d", ms, now.UnixMilli())
			if err := tx.SetSetting(ctx, gapsSetting(id), gaps); err != nil {
				return err
			}
		}
		return tx.SetSetting(ctx, beatSetting(id), strconv.FormatInt(now.UnixMilli(), 10))
	})
	if err != nil {
		return fmt.Errorf("presenter beat: %w", err)
	}
	return nil
}

// gaps reads session id's gaps up to until, the one still open (no beat for longer than
// GapAfter) included. A session no presenter ever beat for has none.
func (s *Service) gaps(ctx context.Context, id string, until time.Time) ([]gap, error) {
	stored, _, err := s.st.Setting(ctx, gapsSetting(id))
	if err != nil {
		return nil, err
	}
	var gaps []gap
	for _, part := range strings.Split(stored, ",") {
		from, to, ok := strings.Cut(part, "-")
		a, aerr := strconv.ParseInt(from, 10, 64)
		b, berr := strconv.ParseInt(to, 10, 64)
		if ok && aerr == nil && berr == nil {
			gaps = append(gaps, gap{time.UnixMilli(a), time.UnixMilli(b)})
		}
	}
	last, ok, err := s.st.Setting(ctx, beatSetting(id))
	if err != nil {
		return nil, err
	}
	if ms, perr := strconv.ParseInt(last, 10, 64); ok && perr == nil && until.Sub(time.UnixMilli(ms)) > GapAfter {
		gaps = append(gaps, gap{time.UnixMilli(ms), until})
	}
	return gaps, nil
}

// presented is the time from a to b less the gaps in it.
func presented(a, b time.Time, gaps []gap) time.Duration {
	d := b.Sub(a)
	if d <= 0 {
		return 0 // a clock set back spends nothing
	}
	for _, g := range gaps {
		from, to := maxTime(a, g.from), minTime(b, g.to)
		if to.After(from) {
			d -= to.Sub(from)
		}
	}
	return max(d, 0)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// SlideClock is the time spent on the slide on screen since it was entered: its steps do not
// restart it, and time when no presenter ran does not count.
type SlideClock struct {
	Slide int           // 0-based
	Spent time.Duration // as of At
	At    time.Time
}

// OnSlide is the time session id has spent on its current slide so far.
func (s *Service) OnSlide(ctx context.Context, id string) (SlideClock, error) {
	rec, views, err := s.st.SessionWithViews(ctx, id)
	if err != nil {
		return SlideClock{}, err
	}
	now := s.now()
	if rec.EndedAt != nil {
		now = *rec.EndedAt
	}
	c := SlideClock{Slide: rec.Slide, At: now}
	if len(views) == 0 {
		return c, nil
	}
	// The visit began at the first view of the last run of views of this slide.
	first := len(views) - 1
	for first > 0 && views[first-1].Slide == views[first].Slide {
		first--
	}
	gaps, err := s.gaps(ctx, id, now)
	if err != nil {
		return SlideClock{}, err
	}
	c.Slide, c.Spent = views[first].Slide, presented(views[first].ShownAt, now, gaps)
	return c, nil
}
