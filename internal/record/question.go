package record

import (
	"strings"
	"time"
)

// QuestionStatus is where a question stands.
type QuestionStatus string

const (
	Open          QuestionStatus = "open"           // asked, not answered yet
	Answered      QuestionStatus = "answered"       // answered on the spot
	Forwarded     QuestionStatus = "forwarded"      // sent up; the answer comes later
	AnsweredLater QuestionStatus = "answered_later" // the answer to a forwarded question
)

// QuestionStatuses in the order lists and minutes show them.
var QuestionStatuses = []QuestionStatus{Open, Answered, Forwarded, AnsweredLater}

// ParseQuestionStatus reads a status code, ignoring case.
func ParseQuestionStatus(s string) (QuestionStatus, bool) {
	for _, st := range QuestionStatuses {
		if strings.EqualFold(strings.TrimSpace(s), string(st)) {
			return st, true
		}
	}
	return "", false
}

// Destination is where a forwarded question goes: the district, or for a
// press question the official spokesperson (Decree 09/2017/NĐ-CP).
type Destination string

const (
	ToDistrict     Destination = "district"
	ToSpokesperson Destination = "spokesperson"
)

// Destinations in the order a menu offers them.
var Destinations = []Destination{ToDistrict, ToSpokesperson}

// ParseDestination reads a destination code, ignoring case.
func ParseDestination(s string) (Destination, bool) {
	switch d := Destination(strings.ToLower(strings.TrimSpace(s))); d {
	case ToDistrict, ToSpokesperson:
		return d, true
	}
	return "", false
}

// Question is an audience question as it stands now. Slide is 0-based;
// an empty AskerName is an anonymous question.
type Question struct {
	Meta
	SessionID     string         `json:"session_id"`
	Number        int            `json:"number"`
	Slide         int            `json:"slide"`
	Text          string         `json:"text"`
	AskerName     string         `json:"asker_name"`
	AskerUnit     string         `json:"asker_unit"`
	AskerPersonID string         `json:"asker_person_id"` // set when the asker was picked from those checked in
	Press         bool           `json:"press"`
	Status        QuestionStatus `json:"status"`
	Answer        string         `json:"answer"`
	AnsweredBy    string         `json:"answered_by"`
	AnsweredAt    *time.Time     `json:"answered_at"`
	ForwardedTo   Destination    `json:"forwarded_to"`
	ForwardedAt   *time.Time     `json:"forwarded_at"`
	Version       int            `json:"version"`
	CreatedAt     time.Time      `json:"created_at"`
	UpdatedAt     time.Time      `json:"updated_at"`
}

// Anonymous says the question carries no name.
func (q Question) Anonymous() bool { return q.AskerName == "" }

// QuestionVersion is one state of a question: a state an update replaced,
// saved and never changed, or, last in a history, the state it has now.
type QuestionVersion struct {
	Meta
	QuestionID    string         `json:"question_id"`
	Version       int            `json:"version"`
	Slide         int            `json:"slide"`
	Text          string         `json:"text"`
	AskerName     string         `json:"asker_name"`
	AskerUnit     string         `json:"asker_unit"`
	AskerPersonID string         `json:"asker_person_id"`
	Press         bool           `json:"press"`
	Status        QuestionStatus `json:"status"`
	Answer        string         `json:"answer"`
	AnsweredBy    string         `json:"answered_by"`
	AnsweredAt    *time.Time     `json:"answered_at"`
	ForwardedTo   Destination    `json:"forwarded_to"`
	ForwardedAt   *time.Time     `json:"forwarded_at"`
	SavedAt       time.Time      `json:"saved_at"`
}
