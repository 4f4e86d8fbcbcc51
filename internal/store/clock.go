package store

import "time"

// SetClock replaces the wall clock behind this store's stamps and change-log
// times (time.Now by default). Call it right after Open, before any write:
// the briefing command sets it only when a test asks for a skewed clock.
func (s *Store) SetClock(now func() time.Time) { s.now = now }
