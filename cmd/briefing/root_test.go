package main

import (
	"os"
	"slices"
	"testing"

	"github.com/spf13/pflag"
)

// TestTopCommands: topCommands names each command under briefing by its own name, and
// misses none, so that a run naming a command builds that one.
func TestTopCommands(t *testing.T) {
	root := newRootCmd(helpLanguage(nil, os.Getenv), os.Getenv)
	var built, listed []string
	for _, c := range root.Commands() {
		if c.Name() != "help" && c.Name() != "completion" {
			built = append(built, c.Name())
		}
	}
	for _, c := range topCommands {
		listed = append(listed, c.name)
	}
	slices.Sort(built)
	slices.Sort(listed)
	if !slices.Equal(built, listed) {
		t.Fatalf("commands %v, topCommands %v", built, listed)
	}
	var flags []string
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f.Name) })
	if !slices.Equal(flags, globalFlags) {
		t.Fatalf("global flags %v, globalFlags %v", flags, globalFlags)
	}
}

func TestNamedCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"present"}, "present"},
		{[]string{"present", "nq57-toan-van", "--title", "x"}, "present"},
		{[]string{"--data", "/d", "--lang", "en", "follow"}, "follow"},
		{[]string{"--data=/d", "--theme=light", "session", "start"}, "session"},
		{[]string{"--data", "present"}, ""}, // the data directory's name, no command
		{[]string{}, ""},
		{[]string{"help", "present"}, ""},
		{[]string{"-h"}, ""},
		{[]string{"-h", "present"}, ""},
		{[]string{"--title", "x", "session"}, ""}, // another flag first: cobra decides
		{[]string{"presnet"}, ""},                 // a suggestion needs every name
		{[]string{"completion", "bash"}, ""},
		{[]string{"--", "present"}, ""},
		{[]string{"--datax", "present"}, ""}, // not a global flag
		{[]string{"--lang=vi", "desk"}, "desk"},
	} {
		if got := namedCommand(tc.args); got != tc.want {
			t.Errorf("namedCommand(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
	root := newRunCmd([]string{"--data", "/d", "present"}, helpLanguage(nil, os.Getenv), os.Getenv)
	for _, c := range root.Commands() {
		if c.Name() != "present" && c.Name() != "help" {
			t.Errorf("a run of present built %s too", c.Name())
		}
	}
}
