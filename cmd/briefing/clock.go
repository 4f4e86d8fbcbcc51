package main

import (
	"time"

	"briefing/internal/questions"
	"briefing/internal/session"
)

// clockOffsetEnv, hidden and for tests only, moves this device's clock by a
// Go duration ("8760h": a year ahead): the stamps it writes and the clock a
// sync compares with the hub's, as on a laptop whose clock is wrong. Only
// the device's commands read it; the hub keeps its own clock.
const clockOffsetEnv = "BRIEFING_TEST_CLOCK_OFFSET"

// skewClock gives e's store and services the clock clockOffsetEnv asks for;
// without it (or with a value that is not a duration) nothing changes.
func (e *env) skewClock(getenv func(string) string) {
	off, err := time.ParseDuration(getenv(clockOffsetEnv))
	if err != nil || off == 0 {
		return
	}
	e.now = func() time.Time { return time.Now().Add(off) }
	e.store.SetClock(e.now)
	e.svc = session.New(e.store, e.now)
	e.svc.UseLibrary(e.lib)
	e.att = e.newAttendance(e.now)
	e.qs = questions.New(e.store, e.now)
}
