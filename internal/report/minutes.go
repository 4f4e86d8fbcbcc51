package report

import (
	"time"

	"briefing/internal/record"
	"briefing/internal/unit"
)

// Minutes is a whole session as a ward files it: what was presented and
// when, who came, and every question asked with its answer.
type Minutes struct {
	Session Session
	// DeckID and Slides describe the deck presented; PlannedMin is its
	// planned duration in minutes (0: not given).
	DeckID     string
	Slides     int
	PlannedMin int
	// Timeline is the time spent per slide, in slide order; only slides
	// that were shown appear.
	Timeline  []SlideTime
	Attendees []Attendee // in check-in order, units as typed
	// Units is the unit catalog the totals by unit count with (nil: units
	// grouped by spelling alone).
	Units     *unit.Catalog
	Questions []Question // in the order they were asked
	// Invited are the people on the roster when the minutes are made, who
	// were asked to come (nil: no roster; the minutes then count only
	// those present).
	Invited []Attendee
}

// SlideTime is the time a session spent on one slide.
type SlideTime struct {
	Number int    // 1-based
	Title  string // the slide's title, "" when the deck is not on this device
	Views  int    // how many times the screen came to it
	Spent  time.Duration
}

// Question is one audience question as the minutes record it: the record
// (Slide 0-based, CreatedAt when it was asked) and the title of its slide,
// "" when the deck is not on this device.
type Question struct {
	record.Question
	SlideTitle string
}
