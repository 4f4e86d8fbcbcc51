package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefing/internal/store"
)

// readOnlyDataDir makes data impossible to write for the commands the test
// runs: a read-only bind mount as root (chmod does not stop root), else
// chmod. It skips where neither can be done.
func readOnlyDataDir(t *testing.T, data string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(data, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(data, 0o700) })
		db := filepath.Join(data, store.FileName)
		os.Chmod(db, 0o400)
		t.Cleanup(func() { os.Chmod(db, 0o600) })
		return
	}
	if runtime.GOOS != "linux" {
		t.Skip("root writes anywhere; a read-only bind mount needs Linux")
	}
	if out, err := exec.Command("mount", "--bind", data, data).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", data).Run() })
	if out, err := exec.Command("mount", "-o", "remount,ro,bind", data).CombinedOutput(); err != nil {
		t.Skipf("cannot make the mount read-only: %v %s", err, out)
	}
}

// Commands that only read work in a data directory that cannot be written
// (a read-only disk, chmod -R a-w); commands that write still refuse, in the
// interface language, and nothing is made in the directory.
func TestReadOnlyDataDirReads(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", "Hội nghị chỉ đọc"))
	mustCLI(t, "--data", data, "checkin", "--walk-in", "--name", "Trần Thị Bích", "--unit", "Phường 4")
	mustCLI(t, "--data", data, "question", "add", "--text", "Câu hỏi về chuyển đổi số")
	readOnlyDataDir(t, data)
	export := filepath.Join(t.TempDir(), "bien-ban.md")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"session", "list"}, "Hội nghị chỉ đọc"},
		{[]string{"session", "show", id}, "Hội nghị chỉ đọc"},
		{[]string{"attendance", "list"}, "Trần Thị Bích"},
		{[]string{"question", "list"}, "chuyển đổi số"},
		{[]string{"unit", "list"}, "Phường 4"},
		{[]string{"deck", "list"}, "nq57-toan-van"},
		{[]string{"sync", "status"}, ""},
		{[]string{"session", "export", id, "-o", export}, ""},
	} {
		r := runCLI(t, append([]string{"--data", data}, c.args...)...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Errorf("%s in a read-only data directory: %s", strings.Join(c.args, " "), r)
		}
	}
	if b, err := os.ReadFile(export); err != nil || !strings.Contains(string(b), "Câu hỏi về chuyển đổi số") {
		t.Errorf("the minutes exported from a read-only data directory: %v\n%s", err, b)
	}
	r := runCLI(t, "--data", data, "checkin", "--walk-in", "--name", "Lê Văn Cường")
	if r.code != 1 || !strings.Contains(r.stderr, "--data THƯ_MỤC") || strings.Contains(r.stderr, "(14)") ||
		strings.Contains(r.stderr, "(8)") || strings.Contains(r.stdout, "✓") {
		t.Errorf("checkin in a read-only data directory: %s", r)
	}
	entries, _ := os.ReadDir(data)
	if len(entries) != 1 {
		t.Errorf("the read-only data directory holds %v, want only %s", entries, store.FileName)
	}
}

// A disk too full for SQLite's -shm file (the database closed, so its -shm
// is made again at the next open) is told as a full disk in the interface
// language, not as "disk I/O error (4874)".
func TestFullDiskAtOpenIsTold(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a tiny tmpfs needs root on Linux")
	}
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", data).Run() })
	mustCLI(t, "--data", data, "session", "list")
	f, err := os.Create(filepath.Join(data, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	f.Close()
	for _, args := range [][]string{{"session", "list"}, {"checkin", "--walk-in", "--name", "Lê Văn Cường"}} {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, "đã đầy") || strings.Contains(r.stderr, "4874") ||
			strings.Contains(r.stderr, "I/O") {
			t.Errorf("%s on a full disk: %s", args[0], r)
		}
	}
}

// Every id deck list shows is one deck check, deck render and session start
// are given and find: an id the commands would read as a file name (ending
// in .md) or a flag (a leading dash) is a deck-check error, and deck check
// takes a deck id as deck render does.
func TestDeckListIDsAreAccepted(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	decks := filepath.Join(data, "decks")
	if err := os.MkdirAll(decks, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, id := range map[string]string{"a.md": "gioi-thieu.md", "b.md": "-x", "c.md": "bai_1.2"} {
		text := "---\nid: \"" + id + "\"\ntitle: Bài " + name + "\n---\n\n# Mở đầu\n\nXin chào.\n"
		if err := os.WriteFile(filepath.Join(decks, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var list []deckInfo
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "deck", "list", "--json")), &list); err != nil || len(list) < 5 {
		t.Fatalf("deck list --json: %v %+v", err, list)
	}
	usable := 0
	for _, d := range list {
		check := runCLI(t, "--data", data, "deck", "check", "--", d.ID)
		render := runCLI(t, "--data", data, "deck", "render", "--", d.ID)
		want := 0
		if d.Errors > 0 {
			want = 1
		}
		if check.code != want || strings.Contains(check.stdout, "không đọc được") {
			t.Errorf("deck check %q (listed with %d errors): %s", d.ID, d.Errors, check)
		}
		if render.code != want || strings.Contains(render.stderr, "không tìm thấy") {
			t.Errorf("deck render %q (listed with %d errors): %s", d.ID, d.Errors, render)
		}
		if d.ID == "gioi-thieu.md" || d.ID == "-x" {
			if d.Errors == 0 {
				t.Errorf("deck id %q is listed as usable", d.ID)
			}
			continue
		}
		if d.Errors == 0 {
			usable++
			id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "--", d.ID))
			mustCLI(t, "--data", data, "session", "end", id)
		}
	}
	if usable != 3 {
		t.Errorf("%d decks usable, want 3 (bai_1.2 and the two built in)", usable)
	}
}

// A unit name and an alias holding control characters and a bidi override
// are echoed by unit add and unit alias as unit list shows them: one
// cleaning for every print, with nothing a terminal would act on.
func TestUnitNamesPrintedAlike(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	name, spelling := "Tổ\x1b[31m dân phố \u202e9", "TDP\x1b]0;x\x07 9\u202e"
	added := mustCLI(t, "--data", data, "unit", "add", name, "--kind", "other")
	aliased := mustCLI(t, "--data", data, "unit", "alias", spelling, name)
	table := mustCLI(t, "--data", data, "unit", "list")
	var list []unitJSON
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "unit", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	var kept unitJSON
	for _, u := range list {
		if strings.HasPrefix(u.Name, "Tổ") {
			kept = u
		}
	}
	if len(kept.Aliases) != 1 {
		t.Fatalf("unit list --json: %+v", list)
	}
	shownName, shownAlias := kept.Name, kept.Aliases[0]
	for what, out := range map[string]string{"unit add": added, "unit alias": aliased, "unit list": table} {
		if strings.ContainsAny(out, "\x1b\x07\u202e") {
			t.Errorf("%s prints control characters: %q", what, out)
		}
		if !strings.Contains(out, shownName) {
			t.Errorf("%s does not show the unit as %q: %q", what, shownName, out)
		}
	}
	for what, out := range map[string]string{"unit alias": aliased, "unit list": table} {
		if !strings.Contains(out, shownAlias) {
			t.Errorf("%s does not show the alias as %q: %q", what, shownAlias, out)
		}
	}
}
