package main

// The flags every command takes: --data and --lang (and $BRIEFING_DATA, $BRIEFING_LANG).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefing/internal/i18n"
)

// TestDataDirFlag: an empty --data is refused (a script's --data "$DIR" with DIR unset must
// not open the user's own data); an empty $BRIEFING_DATA means unset; a data directory
// that is a file is told as such.
func TestDataDirFlag(t *testing.T) {
	t.Parallel()
	// Were the refusal broken, the run would open the default directory: make it a temporary one.
	xdg := t.TempDir()
	vars := map[string]string{"XDG_DATA_HOME": xdg, "HOME": xdg, "LocalAppData": xdg, "BRIEFING_DATA": ""}
	getenv := testEnv(t, vars)
	for _, v := range []string{"", " "} {
		runWith(t, getenv, "--data", v, "session", "list").expect(t, fmt.Sprintf("--data %q", v), 2,
			[]string{"--data được ghi nhưng để trống"}, nil)
	}
	runWith(t, getenv, "--data=", "--lang", "en", "roster", "import", "x.csv").expect(t, "--data= en", 2,
		[]string{"--data is given but empty"}, nil)
	if _, err := os.Stat(filepath.Join(xdg, "briefing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an empty --data opened the default data directory: %v", err)
	}
	if got := dataDir(&globals{getenv: getenv}); runtime.GOOS == "linux" && got != filepath.Join(xdg, "briefing") {
		t.Errorf("BRIEFING_DATA empty: %s", got)
	}
	vars["BRIEFING_DATA"] = "/from/env"
	if got := dataDir(&globals{getenv: testEnv(t, vars)}); got != "/from/env" {
		t.Errorf("BRIEFING_DATA: %s", got)
	}

	dir := t.TempDir()
	afile := writeTestFile(t, dir, "afile", "x")
	runIn(t, "", "--data", afile, "session", "list").expect(t, "--data a file", 1,
		[]string{"thư mục dữ liệu " + afile + " là một tệp, không phải thư mục"}, []string{"mkdir", "not a directory"})
	sub := filepath.Join(afile, "sub")
	runIn(t, "en", "--data", sub, "session", "list").expect(t, "--data under a file", 1,
		[]string{"cannot create the data directory " + sub + ": " + afile + " is a file, not a folder"}, []string{"mkdir"})
}

// TestLanguageFlag: --lang takes vi or en in any case and refuses anything else (exit 2);
// an unknown $BRIEFING_LANG gives Vietnamese and one warning, and fails nothing.
func TestLanguageFlag(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	runIn(t, "", "--data", data, "--lang", "fr", "session", "list").expect(t, "--lang fr", 2,
		[]string{`ngôn ngữ không hỗ trợ: "fr"; dùng --lang vi hoặc --lang en`}, nil)
	runIn(t, "en", "--data", data, "--lang", "", "session", "list").expect(t, "--lang ''", 2,
		[]string{`unsupported language: ""`}, nil)
	runIn(t, "", "--data", data, "--lang", "EN", "session", "list").expect(t, "--lang EN", 0, []string{"STARTED"}, nil)
	runIn(t, "", "--data", data, "--lang=en_US.UTF-8", "session", "list").expect(t, "--lang en_US.UTF-8", 0, []string{"STARTED"}, nil)

	r := runIn(t, "fr", "--data", data, "session", "list")
	r.expect(t, "BRIEFING_LANG=fr", 0, []string{`cảnh báo: BRIEFING_LANG="fr"`, "BẮT ĐẦU"}, nil)
	if n := strings.Count(r.stderr, "BRIEFING_LANG"); n != 1 {
		t.Errorf("BRIEFING_LANG=fr warned %d times:\n%s", n, r)
	}
	runIn(t, "fr", "--data", data, "--lang", "en", "session", "list").expect(t, "BRIEFING_LANG=fr --lang en", 0,
		[]string{"STARTED"}, []string{"BRIEFING_LANG"})
	runIn(t, "fr", "--help").expect(t, "BRIEFING_LANG=fr --help", 0, []string{"cảnh báo: BRIEFING_LANG", "Cách dùng:"}, nil)
	runIn(t, "", "--lang", "fr", "--help").expect(t, "--lang fr --help", 0, []string{"ngôn ngữ không hỗ trợ", "Cách dùng:"}, nil)

	for _, c := range []struct {
		flag           string
		given          bool
		env            string
		want           i18n.Lang
		badFlag, badEn bool
	}{
		{"", false, "", i18n.VI, false, false},
		{"en", true, "", i18n.EN, false, false},
		{"Vi", true, "en", i18n.VI, false, false},
		{"", false, "en_GB.UTF-8", i18n.EN, false, false},
		{"", false, "vi_VN", i18n.VI, false, false},
		{"", false, "fr", i18n.VI, false, true},
		{"fr", true, "en", i18n.EN, true, false},
		{"fr", true, "de", i18n.VI, true, false},
		{"", true, "", i18n.VI, true, false},
		{"english", true, "", i18n.VI, true, false},
	} {
		l, badFlag, badEnv := chooseLang(c.flag, c.given, c.env)
		if l != c.want || badFlag != c.badFlag || badEnv != c.badEn {
			t.Errorf("chooseLang(%q, %v, %q) = %s %v %v", c.flag, c.given, c.env, l, badFlag, badEnv)
		}
	}
}
