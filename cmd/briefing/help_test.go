package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"briefing/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// runRoot runs the commands in this process as main does, with $BRIEFING_LANG set to env
// ("" for unset), and returns what they printed and the error.
func runRoot(t *testing.T, env string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := execute(langEnv(t, env), &out, &out, args...)
	return out.String(), err
}

func mustHelp(t *testing.T, env string, args ...string) string {
	t.Helper()
	out, err := runRoot(t, env, args...)
	if err != nil {
		t.Fatalf("briefing %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func assertHas(t *testing.T, what, out string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s: no %q in:\n%s", what, w, out)
		}
	}
	for _, n := range not {
		if strings.Contains(out, n) {
			t.Errorf("%s: %q should not be in:\n%s", what, n, out)
		}
	}
}

// TestHelpLanguage: --help is Vietnamese by default, English with --lang en or
// BRIEFING_LANG=en, and --lang wins over the variable.
func TestHelpLanguage(t *testing.T) {
	t.Parallel()
	vi := []string{"Cách dùng:", "briefing [lệnh]", "Các lệnh:", "Tuỳ chọn:", "briefing [lệnh] --help",
		"danh sách người được mời dự", "bàn đăng ký của thư ký", "xem hướng dẫn của lệnh briefing", `(mặc định "auto")`}
	en := []string{"Usage:", "Available Commands:", "Flags:", `Use "briefing [command] --help"`,
		"the roster of people who may attend", "help for briefing", `(default "auto")`}
	cobraWords := []string{"Usage:", "Available Commands", "Flags:", "Help about", "help for", "[flags]", "[command]", "(default "}

	assertHas(t, "--help", mustHelp(t, "", "--help"), vi, append(cobraWords, "completion"))
	assertHas(t, "--lang en --help", mustHelp(t, "", "--lang", "en", "--help"), en, []string{"Cách dùng", "completion"})
	assertHas(t, "BRIEFING_LANG=en --help", mustHelp(t, "en", "--help"), en, []string{"Cách dùng"})
	assertHas(t, "BRIEFING_LANG=en --lang vi --help", mustHelp(t, "en", "--lang", "vi", "--help"), vi, cobraWords)
	assertHas(t, "help (the command)", mustHelp(t, "", "help"), vi, cobraWords)

	assertHas(t, "roster import --help", mustHelp(t, "", "roster", "import", "--help"),
		[]string{"nhập danh sách từ tệp CSV hoặc XLSX", "briefing roster import FILE [tuỳ chọn]", "Tuỳ chọn chung:",
			"--dry-run", "chỉ kiểm tra và đếm, không ghi gì", "ngôn ngữ giao diện"}, cobraWords)
	assertHas(t, "roster import --help --lang=en", mustHelp(t, "", "roster", "import", "--help", "--lang=en"),
		[]string{"import a roster from CSV or XLSX", "briefing roster import FILE [flags]", "Global Flags:", "check and count, write nothing"},
		[]string{"Tuỳ chọn"})
	assertHas(t, "help session export", mustHelp(t, "", "help", "session", "export"),
		[]string{"Ghi toàn bộ phiên", "md, csv, xlsx, pdf hoặc docx", "theo đuôi của tệp -o"}, cobraWords)
}

// TestHelpEveryCommand: every command and flag of the tree has its help in both
// languages, from the catalog (not a key shown as itself), and the two differ.
func TestHelpEveryCommand(t *testing.T) {
	t.Parallel()
	texts := func(l i18n.Lang) map[string]string {
		m := map[string]string{}
		var walk func(c *cobra.Command)
		walk = func(c *cobra.Command) {
			m[c.CommandPath()] = c.Short
			if c.Long != "" {
				m[c.CommandPath()+" (long)"] = c.Long
			}
			c.Flags().VisitAll(func(f *pflag.Flag) { m[c.CommandPath()+" --"+f.Name] = f.Usage })
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(newRootCmd(l, testEnv(t, nil)))
		return m
	}
	vi, en := texts(i18n.VI), texts(i18n.EN)
	if len(vi) < 50 || len(vi) != len(en) {
		t.Fatalf("%d texts in Vietnamese, %d in English", len(vi), len(en))
	}
	for where, v := range vi {
		switch {
		case v == "" || en[where] == "":
			t.Errorf("%s: no help (vi %q, en %q)", where, v, en[where])
		case strings.HasPrefix(v, "cli.") || strings.HasPrefix(en[where], "cli."):
			t.Errorf("%s: a key not in the catalog: %q", where, v)
		case v == en[where]:
			t.Errorf("%s: the same in both languages: %q", where, v)
		}
	}
}

// TestHelpLanguageArgs: the language read from the command line before cobra parses it.
func TestHelpLanguageArgs(t *testing.T) {
	t.Parallel()
	getenv := langEnv(t, "")
	for _, c := range []struct {
		args []string
		want i18n.Lang
	}{
		{nil, i18n.VI},
		{[]string{"--lang", "en", "--help"}, i18n.EN},
		{[]string{"roster", "import", "--lang=en"}, i18n.EN},
		{[]string{"--lang", "en", "--lang", "vi"}, i18n.VI},
		{[]string{"question", "add", "--text", "x", "--", "--lang", "en"}, i18n.VI},
		{[]string{"--lang"}, i18n.VI},
	} {
		if got := helpLanguage(c.args, getenv); got != c.want {
			t.Errorf("helpLanguage(%q) = %s, want %s", c.args, got, c.want)
		}
	}
	getenv = langEnv(t, "en")
	if got := helpLanguage([]string{"--help"}, getenv); got != i18n.EN {
		t.Errorf("BRIEFING_LANG=en: %s", got)
	}
	if got := helpLanguage([]string{"--lang=vi"}, getenv); got != i18n.VI {
		t.Errorf("BRIEFING_LANG=en --lang=vi: %s", got)
	}
}

// TestCLIMistakes: a mistyped command, flag or argument count is told in the interface
// language with where to read the help, and exits 1 as before (2 under question).
// TestGroupHelp: a command that only groups others shows its help without an argument, exit
// 0, with no use line of its own.
func TestGroupHelp(t *testing.T) {
	t.Parallel()
	for _, group := range []string{"attendance", "bundle", "deck", "hub", "question", "roster", "session", "unit"} {
		out, err := runRoot(t, "", group)
		if err != nil {
			t.Errorf("briefing %s: %v", group, err)
			continue
		}
		assertHas(t, "briefing "+group, out, []string{"Cách dùng:\n  briefing " + group + " [lệnh]\n", "Các lệnh:"}, []string{"briefing " + group + " [tuỳ chọn]"})
	}
}

func TestCLIMistakes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		env  string
		args []string
		code int
		want []string
	}{
		{"", []string{"rostr"}, 1, []string{`không có lệnh "rostr" trong briefing`, "xem: briefing --help", "Có phải ý bạn là: roster?"}},
		{"", []string{"--nope"}, 1, []string{"không có tuỳ chọn --nope", "xem: briefing --help"}},
		{"", []string{"roster", "import"}, 1, []string{"briefing roster import cần đúng 1 tham số (FILE), nhận được 0", "xem: briefing roster import --help"}},
		{"", []string{"deck", "render", "x", "--width", "abc"}, 1, []string{`giá trị "abc" không dùng được cho tuỳ chọn --width: cần một số nguyên`}},
		{"", []string{"session", "export", "x", "-o"}, 1, []string{"tuỳ chọn -o cần một giá trị"}},
		{"", []string{"follow", "x"}, 1, []string{`briefing follow không nhận tham số nào, nhận được "x"`}},
		{"", []string{"question", "list", "--nope"}, 2, []string{"không có tuỳ chọn --nope", "xem: briefing question list --help"}},
		{"", []string{"--lang", "en", "rostr"}, 1, []string{`unknown command "rostr" for "briefing"`, "see: briefing --help", "Did you mean this? roster"}},
		{"en", []string{"--nope"}, 1, []string{"unknown flag: --nope"}},
		{"en", []string{"roster", "import"}, 1, []string{"briefing roster import accepts 1 arg(s) (FILE), received 0"}},
		// A group of commands takes a mistyped one as briefing does: cobra showed the help, exit 0.
		{"", []string{"session", "lst"}, 1, []string{`không có lệnh "lst" trong briefing session`, "xem: briefing session --help", "Có phải ý bạn là: list?"}},
		{"", []string{"hub", "deck", "bogus"}, 1, []string{`không có lệnh "bogus" trong briefing hub deck`}},
		{"en", []string{"question", "ad"}, 1, []string{`unknown command "ad" for "briefing question"`, "Did you mean this? add"}},
	} {
		out, err := runRoot(t, c.env, c.args...)
		var ee exitError
		if !errors.As(err, &ee) || ee.code != c.code {
			t.Errorf("briefing %s (BRIEFING_LANG=%s): %v (%#v), want exit %d\n%s", strings.Join(c.args, " "), c.env, err, err, c.code, out)
			continue
		}
		assertHas(t, "briefing "+strings.Join(c.args, " "), ee.msg, c.want, nil)
	}
}
