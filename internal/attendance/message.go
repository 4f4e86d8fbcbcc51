package attendance

import (
	"errors"

	"briefing/internal/cccd"
	"briefing/internal/i18n"
)

// Face is where a message is shown: what to do next is a key at the desk
// and a flag on the command line, so the refusals about cards say it twice.
type Face int

const (
	AtDesk Face = iota
	AtCLI
)

// Message says, in l, why this package refused a write and what to do: the
// one mapping the desk and the CLI use. ok is false for any other error (a
// failed write), which the caller reports as it is.
func Message(l i18n.Lang, err error, face Face) (msg string, ok bool) {
	var (
		fe    *FieldError
		card  *CardError
		taken *CardTakenError
		other *OtherCardError
	)
	switch {
	case err == nil:
		return "", false
	case errors.Is(err, ErrEnded):
		return l.T("desk.ended"), true
	case errors.Is(err, ErrRemoved):
		return l.T("attendance.removed"), true
	case errors.As(err, &fe):
		return l.T("walkin.field."+fe.Field, fe.Value), true
	case errors.As(err, &card):
		var ce *cccd.Error
		if face == AtCLI && errors.As(err, &ce) {
			return l.T("cli.qr.bad", ce.Message(l)), true
		}
		return l.T("desk.qr.unreadable"), true
	case errors.As(err, &taken) && face == AtDesk:
		return l.T("desk.card.taken", taken.Last4, taken.Holder.Name, unitSuffix(taken.Holder.Unit)), true
	case errors.As(err, &taken):
		return l.T("cli.qr.cardtaken", taken.Last4, taken.Holder.Name, unitSuffix(taken.Holder.Unit), taken.Holder.ID), true
	case errors.As(err, &other) && face == AtCLI:
		return l.T("cli.qr.othercard", other.Person.Name, unitSuffix(other.Person.Unit), other.Last4), true
	case errors.Is(err, ErrOtherCard):
		return l.T("desk.card.other"), true
	case errors.Is(err, ErrOtherDevice):
		return l.T("desk13.person.otherdevice"), true
	}
	return "", false
}

// unitSuffix is " · unit", or "" with no unit (as theme.UnitSuffix).
func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " · " + unit
}
