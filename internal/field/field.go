// Package field is the one table of the text fields people type or import
// (names, units, session details, questions and answers): how each is
// cleaned before it is kept, and its longest length in characters. The
// session, attendance, questions and unit packages, the roster reader and
// the forms of the desk all take their limits from here, so the CLI and the
// TUI refuse the same text with the same words.
package field

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// Name names a field; it is also its message key's last part.
type Name string

// The fields.
const (
	PersonName Name = "name"
	Unit       Name = "unit"
	Position   Name = "position"
	Title      Name = "title"
	Venue      Name = "venue"
	Form       Name = "form"
	Rapporteur Name = "rapporteur"
	Chair      Name = "chair"
	Secretary  Name = "secretary"
	Asker      Name = "asker"
	AskerUnit  Name = "asker_unit"
	Question   Name = "question"
	Answer     Name = "answer"
	AnsweredBy Name = "answered_by"
	Device     Name = "device"
	// Query is what is typed to find a person: a name and a unit at most.
	Query Name = "query"
)

// The limits, in characters (runes) after cleaning. A name, a unit or a
// position is a line of a list; a title or a venue a line of a heading; a
// question or an answer some pages, which a minutes file and the audience
// screen still carry (XLSX cuts a cell at 32,767).
const (
	MaxName  = 200
	MaxTitle = 300
	MaxText  = 10_000
)

var limits = map[Name]int{
	PersonName: MaxName, Unit: MaxName, Position: MaxName, Rapporteur: MaxName, Chair: MaxName, Secretary: MaxName,
	Asker: MaxName, AskerUnit: MaxName, AnsweredBy: MaxName, Form: MaxName, Device: MaxName,
	Title: MaxTitle, Venue: MaxTitle,
	Question: MaxText, Answer: MaxText,
	Query: 2 * MaxName,
}

// Max is field n's longest length in characters.
func Max(n Name) int {
	if m, ok := limits[n]; ok {
		return m
	}
	return MaxName
}

// ErrTooLong: a field is over its limit; the error is a *TooLongError.
var ErrTooLong = errors.New("over the field's limit")

// TooLongError is a field over its limit: Runes is its length after cleaning.
type TooLongError struct {
	Field      Name
	Runes, Max int
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("%s is %d characters long, over the limit of %d", e.Field, e.Runes, e.Max)
}

func (e *TooLongError) Unwrap() error { return ErrTooLong }

// Line is one line of text as a record keeps it (textvi.FieldText: control
// and invisible characters gone, spaces cleaned, NFC), or a *TooLongError.
// Text made only of invisible characters comes back empty.
func Line(n Name, s string) (string, error) {
	return check(n, textvi.FieldText(s))
}

// Text is text of several lines as a record keeps it: CRLF as LF, control
// and invisible characters dropped (textvi.Printable), NFC, ends trimmed;
// or a *TooLongError.
func Text(n Name, s string) (string, error) {
	s = textvi.Printable(strings.ReplaceAll(s, "\r\n", "\n"))
	return check(n, strings.TrimSpace(textvi.NFC(s)))
}

func check(n Name, s string) (string, error) {
	max := Max(n)
	// A rune is at least one byte: most text is decided without counting.
	if len(s) <= max {
		return s, nil
	}
	if c := utf8.RuneCountInString(s); c > max {
		return s, &TooLongError{Field: n, Runes: c, Max: max}
	}
	return s, nil
}

// Message says, in l, which field is too long and by how much; ok is false
// when err is no *TooLongError.
func Message(l i18n.Lang, err error) (msg string, ok bool) {
	var tl *TooLongError
	if !errors.As(err, &tl) {
		return "", false
	}
	return l.T("field.too_long", l.T("field.label."+string(tl.Field)), l.Number(tl.Runes), l.Number(tl.Max)), true
}
