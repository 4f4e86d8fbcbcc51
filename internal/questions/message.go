package questions

import (
	"errors"

	"briefing/internal/field"
	"briefing/internal/i18n"
)

// Message says, in l, why this package refused a write and what to do: the
// one wording the desk and the CLI show. ok is false for any other error (a
// failed write), which the caller reports as it is.
func Message(l i18n.Lang, err error) (msg string, ok bool) {
	var fe *FieldError
	if msg, ok := field.Message(l, err); ok {
		return msg, true
	}
	switch {
	case errors.Is(err, ErrEnded):
		return l.T("questions.err.ended"), true
	case errors.As(err, &fe):
		switch fe.Reason {
		case "too_long":
			return l.T("questions.err.too_long."+fe.Field, l.Number(fe.Runes), l.Number(fe.Max)), true
		case "range":
			return l.T("questions.err.slide", fe.Given, fe.Max), true
		case "unknown":
			return l.T("questions.err.to"), true
		}
		return l.T("questions.err.empty." + fe.Field), true
	}
	return "", false
}
