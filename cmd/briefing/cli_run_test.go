package main

// In-process runs of the commands, capturing what they print. Each run builds its own
// command tree with its own environment and streams, so tests run them in parallel.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// testEnv is the environment a run sees: only vars, and a home and data directory of
// the test's own, so that a run without --data never touches the user's.
func testEnv(t *testing.T, vars map[string]string) func(string) string {
	t.Helper()
	home := t.TempDir()
	return func(key string) string {
		if v, ok := vars[key]; ok {
			return v
		}
		switch key {
		case "HOME", "XDG_DATA_HOME", "LocalAppData":
			return home
		}
		return ""
	}
}

// langEnv is an environment with $BRIEFING_LANG set to lang ("" for unset).
func langEnv(t *testing.T, lang string) func(string) string {
	t.Helper()
	return testEnv(t, map[string]string{"BRIEFING_LANG": lang})
}

// execute runs the commands in this process as main does, with getenv as the
// environment, stdout and stderr written to out and errOut, and an empty stdin.
func execute(getenv func(string) string, out, errOut *bytes.Buffer, args ...string) error {
	root := newRunCmd(args, helpLanguage(args, getenv), getenv)
	root.SetOut(out)
	root.SetErr(errOut)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(args)
	return root.Execute()
}

// runIn runs the commands in this process as main does, with $BRIEFING_LANG set to lang
// ("" for unset).
func runIn(t *testing.T, lang string, args ...string) cliRun {
	t.Helper()
	return runWith(t, langEnv(t, lang), args...)
}

// runWith runs the commands with getenv as the environment.
func runWith(t *testing.T, getenv func(string) string, args ...string) cliRun {
	t.Helper()
	var out, errOut bytes.Buffer
	err := execute(getenv, &out, &errOut, args...)
	r := cliRun{stdout: out.String(), stderr: errOut.String()}
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
