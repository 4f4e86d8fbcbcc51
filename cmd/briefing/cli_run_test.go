package main

// In-process runs of the commands, capturing what they print.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// cliRun is what one in-process run printed and returned.
type cliRun struct {
	stdout, stderr string
	code           int    // the exit code main would give
	msg            string // the message main would print last on stderr
}

func (r cliRun) String() string {
	return fmt.Sprintf("exit %d\nmessage: %s\nstdout:\n%s\nstderr:\n%s", r.code, r.msg, r.stdout, r.stderr)
}

// runIn runs the commands in this process as main does, with $BRIEFING_LANG set to lang
// ("" for unset), and captures what they print on os.Stdout and os.Stderr too (not only
// cobra's writers): the commands print there directly. Not for parallel tests.
func runIn(t *testing.T, lang string, args ...string) cliRun {
	t.Helper()
	t.Setenv("BRIEFING_LANG", lang)
	capture := func(f **os.File) func() string {
		tmp, err := os.CreateTemp(t.TempDir(), "out")
		if err != nil {
			t.Fatal(err)
		}
		old := *f
		*f = tmp
		return func() string {
			*f = old
			tmp.Close()
			b, _ := os.ReadFile(tmp.Name())
			return string(b)
		}
	}
	stdout, stderr := capture(&os.Stdout), capture(&os.Stderr)
	root := newRoot(helpLanguage(args))
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.Execute()
	r := cliRun{stdout: stdout() + out.String(), stderr: stderr() + errOut.String()}
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code, r.msg = ee.code, ee.msg
	default:
		r.code, r.msg = 1, err.Error()
	}
	return r
}

// expect fails the test unless r exited with code and its message and output hold want.
func (r cliRun) expect(t *testing.T, what string, code int, want, not []string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: exit %d, want %d\n%s", what, r.code, code, r)
		return
	}
	all := r.msg + "\n" + r.stdout + "\n" + r.stderr
	assertHas(t, what, all, want, not)
}

func writeTestFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
