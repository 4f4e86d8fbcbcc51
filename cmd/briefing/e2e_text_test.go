package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefing/internal/field"
	"briefing/internal/store"
)

// raw reports what in out would reach a terminal as more than text: a
// control character other than a line end or tab (ESC, BEL, CSI as U+009B),
// an invalid byte (a lone 0x9B is CSI to some terminals), a bidi override
// or another format character.
func raw(out string) string {
	for i, r := range out {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd"):
			return fmt.Sprintf("byte %#x", out[i])
		case r == '\n' || r == '\r' || r == '\t', i == 0 && r == '\ufeff': // a CSV's BOM
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// Session details, units and askers typed with escape sequences are kept
// clean (session start, checkin --walk-in, question add), and every list
// prints clean text.
func TestE2ETypedEscapesAreCleanedAtInput(t *testing.T) {
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van",
		"--title", "\x1b]0;pwn\a Hội nghị\u202e", "--venue", "\x1b[31mHội trường\u200b", "--unit", "Phường 1",
		"--rapporteur", "\x9b2JAn"))
	mustCLI(t, "--data", data, "checkin", "--walk-in", "--name", "Nguyễn Văn B", "--unit", "\x1b[31mPhường 2", "--group", "Cán bộ")
	mustCLI(t, "--data", data, "question", "add", "--text", "Hỏi?", "--asker", "\x1b[2JAn", "--asker-unit", "\u202eU")
	var s sessionJSON
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "session", "show", id, "--json")), &s); err != nil {
		t.Fatal(err)
	}
	if s.Title != "]0;pwn Hội nghị" || s.Venue != "[31mHội trường" || s.Rapporteur != "\ufffd2JAn" {
		t.Errorf("kept title %q, venue %q, rapporteur %q", s.Title, s.Venue, s.Rapporteur)
	}
	for _, args := range [][]string{
		{"session", "list"}, {"session", "show", id}, {"attendance", "list"}, {"question", "list"},
		{"session", "list", "--json"}, {"attendance", "list", "--json"}, {"question", "list", "--json"},
	} {
		if out := mustCLI(t, append([]string{"--data", data}, args...)...); raw(out) != "" {
			t.Errorf("briefing %s printed %q:\n%s", strings.Join(args, " "), raw(out), out)
		}
	}
}

// A record already stored with escape sequences (an old database, a record
// synced in) prints harmless on every path: lists, show, check-in and the
// minutes in CSV and Markdown.
func TestE2EStoredEscapesPrintHarmless(t *testing.T) {
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--unit", "Phường 1"))
	mustCLI(t, "--data", data, "checkin", "--walk-in", "--name", "Nguyễn Văn B", "--unit", "Phường 2", "--group", "Cán bộ")
	mustCLI(t, "--data", data, "question", "add", "--text", "Hỏi?", "--asker", "An", "--asker-unit", "Phường 2")
	ctx := context.Background()
	st, err := store.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	var personID string
	err = st.Tx(ctx, func(tx *store.Tx) error {
		s, err := tx.Session(ctx, id)
		if err != nil {
			return err
		}
		s.Title, s.Venue, s.Unit, s.Form, s.Rapporteur = "\x1b]0;pwn\aX", "\x1b[31mV", "\x1b[2JU\u202e", "\x9bF", "\x07R"
		if err := tx.UpdateSession(ctx, &s); err != nil {
			return err
		}
		return st.EachPerson(ctx, 0, func(p store.Person) error {
			personID = p.ID
			p.Name, p.Unit, p.Position = "Nguyễn\x1b[31m Văn B\u202e", "\x1b]52;c;ZXZpbA==\aPhường 2", "\x1b[5mCB"
			return tx.UpdatePerson(ctx, &p)
		})
	})
	st.Close()
	if err != nil || personID == "" {
		t.Fatalf("writing raw records: %v (person %q)", err, personID)
	}
	for _, args := range [][]string{
		{"session", "list"}, {"session", "show", id}, {"attendance", "list"}, {"question", "list"},
		{"checkin", "--person", personID}, {"session", "export", id, "--format", "csv"},
		{"session", "export", id, "--format", "md"}, {"session", "list", "--json"}, {"attendance", "list", "--json"},
	} {
		out := mustCLI(t, append([]string{"--data", data}, args...)...)
		if raw(out) != "" {
			t.Errorf("briefing %s printed %q:\n%s", strings.Join(args, " "), raw(out), out)
		}
	}
}

// Each session detail, asker field and answered-by is refused over its
// limit, naming the field and the limit; nothing is written.
func TestE2EFieldLimits(t *testing.T) {
	data := t.TempDir()
	long := strings.Repeat("ệ", 40_000)
	for _, flag := range []string{"--title", "--venue", "--unit", "--rapporteur", "--form"} {
		r := runCLI(t, "--data", data, "session", "start", "nq57-toan-van", flag, long)
		if r.code == 0 || !strings.Contains(r.stderr, "40.000") || !strings.Contains(r.stderr, "giới hạn") {
			t.Errorf("session start %s of 40,000 characters: %s", flag, r)
		}
	}
	if out := mustCLI(t, "--data", data, "session", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("a refused start left sessions: %s", out)
	}
	mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", strings.Repeat("ệ", field.MaxTitle))
	for _, args := range [][]string{
		{"question", "add", "--text", "Hỏi?", "--asker", long},
		{"question", "add", "--text", "Hỏi?", "--asker", "An", "--asker-unit", long},
	} {
		r := runCLI(t, append([]string{"--data", data, "--lang", "en"}, args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, "over the limit of 200") || !strings.Contains(r.stderr, "--asker") {
			t.Errorf("%s: %s", strings.Join(args[:4], " "), r)
		}
	}
	// A search past a name and a unit is refused by name, not echoed back whole.
	r := runCLI(t, "--data", data, "checkin", "--query", long)
	if r.code != 2 || !strings.Contains(r.stderr, "Nội dung tìm") || !strings.Contains(r.stderr, "400") || len(r.stderr) > 1000 {
		t.Errorf("checkin --query of 40,000 characters: %s", r)
	}
	for _, args := range [][]string{
		{"checkin", "--query", " \u200b "}, {"checkin", "--query", "%_'"}, {"checkin", "--query", "an", "--unit", "%"},
		{"checkin", "--query", "an", "--unit", long}, {"unit", "alias", "Phường 7 cũ", long},
	} {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if r.code != 2 || len(r.stderr) > 1000 {
			t.Errorf("%q: %s", args, r)
		}
	}
	mustCLI(t, "--data", data, "question", "add", "--text", "Hỏi?")
	r = runCLI(t, "--data", data, "question", "answer", "1", "--text", "Đáp.", "--by", long)
	if r.code == 0 || !strings.Contains(r.stderr, "--by") || !strings.Contains(r.stderr, "Người trả lời") {
		t.Errorf("question answer --by of 40,000 characters: %s", r)
	}
}

// A file name given to -o is echoed without its escape codes.
func TestExportEchoesFileNameClean(t *testing.T) {
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", "T"))
	out := filepath.Join(t.TempDir(), "\x1b[31mred\x1b]0;PWN\a.md")
	r := runCLI(t, "--data", data, "session", "export", id, "-o", out)
	if r.code != 0 || strings.ContainsAny(r.stdout+r.stderr, "\x1b\a") || !strings.Contains(r.stderr, "red") {
		t.Fatalf("export -o with escapes: %s", r)
	}
}
