package i18n

import (
	"unicode"
	"unicode/utf8"

	"briefing/internal/record"
)

// One label function per enum: the desk, the CLI and the reports all call
// these, so a clerk reads the same words for a status or a destination on
// every screen and in the minutes. A code the catalog does not know (from a
// newer device, say) is shown as it is rather than hidden under another.

// QuestionStatus is a question's status in words: "Đã trả lời sau".
func (l Lang) QuestionStatus(s record.QuestionStatus) string {
	if s == "" {
		return l.T("label.status.none")
	}
	return l.labelOr("label.status."+string(s), string(s))
}

// Destination is where a forwarded question goes, as a noun that also
// follows a verb: "người phát ngôn" ("Đã chuyển câu hỏi số 2 đến người
// phát ngôn"). Sentence gives it a capital where it starts a line.
func (l Lang) Destination(d record.Destination) string {
	return l.labelOr("label.to."+string(d), string(d))
}

// Method is how a person was checked in (a check-in method code): "Quét CCCD".
func (l Lang) Method(code string) string {
	if code == "" {
		return ""
	}
	return l.labelOr("method."+code, code)
}

// UnitKind is a unit catalog kind in words: "phường" for ward.
func (l Lang) UnitKind(kind string) string { return l.labelOr("unit.kind."+kind, kind) }

// SessionState is whether a session is still open or has ended, in words.
func (l Lang) SessionState(ended bool) string {
	if ended {
		return l.T("session.state.ended")
	}
	return l.T("session.state.open")
}

// Sentence is s with its first letter in capitals, for a label that
// starts a line or a menu item.
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// SyncResult is how the last sync ended, in words: "ok", or the hub's
// error code ("revoked", "conflict"...) that briefing sync stored.
func (l Lang) SyncResult(code string) string {
	return l.labelOr("sync.result."+code, l.T("sync.result.other", code))
}

func (l Lang) labelOr(key, fallback string) string {
	if s := l.T(key); s != key {
		return s
	}
	return fallback
}

// Entity is a change-log entity in words: "phiên" for session.
func (l Lang) Entity(name string) string { return l.labelOr("entity."+name, name) }

// HeldReason is why the hub held a record instead of applying it.
func (l Lang) HeldReason(reason string) string {
	return l.labelOr("sync.held.reason."+reason, l.T("sync.held.reason.contract"))
}
