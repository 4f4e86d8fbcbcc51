package main

import (
	"bytes"
	"strings"
	"testing"

	"briefing/internal/i18n"
	bsync "briefing/internal/sync"
	"charm.land/bubbles/v2/progress"
)

// On a terminal the bar is redrawn in place: each drawing clears what a longer
// one before it left, and the push shows done/total (11 pushed, then 0 pulled
// used to read "01").
func TestSyncProgressRedrawsCleanly(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	p := &syncProgress{out: &b, l: i18n.VI, tty: true, bar: progress.New(progress.WithWidth(10))}
	p.update(bsync.Progress{Phase: "push", Done: 11, Total: 11})
	p.update(bsync.Progress{Phase: "pull", Done: 0})
	p.done()
	draws := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\r")[1:]
	if len(draws) != 2 || !strings.HasSuffix(draws[0], " 11/11\x1b[K") || !strings.HasSuffix(draws[1], " 0\x1b[K") {
		t.Fatalf("drawings %q", draws)
	}
}
