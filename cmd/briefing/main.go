// Command briefing presents decks on Resolution 57-NQ/TW and records the sessions offline.
// This file only wires commands to the internal packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// exitError carries a message already printed (or to print) and the exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// main is the one place that touches the process: its arguments, environment, streams,
// signals and exit code. Ctrl+C (or SIGTERM) cancels the commands' context, so a write
// in progress is rolled back rather than cut; a second one stops the process at once.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() { <-ctx.Done(); stop() }()
	args := os.Args[1:]
	root := newRunCmd(args, helpLanguage(args, os.Getenv), os.Getenv)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	interrupted := ctx.Err() != nil
	stop()
	if err == nil {
		return
	}
	var ee exitError
	if interrupted && errors.Is(err, context.Canceled) {
		// 130, as a shell reports a command stopped by ctrl+c.
		ee = exitError{130, helpLanguage(args, os.Getenv).T("cli.interrupted")}
	}
	if ee.code != 0 || errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(os.Stderr, ee.msg)
		}
		os.Exit(ee.code)
	}
	fmt.Fprintln(os.Stderr, "briefing:", err)
	os.Exit(1)
}
