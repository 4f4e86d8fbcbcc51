package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
	"briefing/internal/textvi"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// briefing enroll URL CODE | FILE, briefing sync [--hub URL], briefing sync status [--json].

func newEnrollCmd(g *globals) *cobra.Command {
	var hubURL string
	var offline bool
	cmd := &cobra.Command{
		Use:   "enroll URL CODE | FILE",
		Short: g.helpLang.T("cli.help.cmd.enroll"),
		Args: func(c *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return exitError{1, g.language().T("sync.enroll.args")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error { return runEnroll(cmd, e, args, hubURL, offline) })
		},
	}
	cmd.Flags().StringVar(&hubURL, "hub", "", g.helpLang.T("cli.help.flag.enroll.hub"))
	cmd.Flags().BoolVar(&offline, "offline", false, g.helpLang.T("cli.help.flag.enroll.offline"))
	return cmd
}

// runEnroll enrols with a code or an enrolment file; hubURL, when given,
// replaces the file's address (written wrong, or the hub moved): the pin
// still decides which certificate is trusted.
func runEnroll(cmd *cobra.Command, e *env, args []string, hubURL string, offline bool) error {
	l := e.lang
	var ep bsync.Endpoint
	var code string
	var file bsync.EnrolmentFile
	if offline && len(args) != 1 {
		return exitError{2, l.T("sync.enroll.args")}
	}
	if len(args) == 1 {
		ef, err := bsync.ReadEnrolmentFile(args[0])
		var ee *bsync.EndpointError
		if errors.As(err, &ee) {
			return endpointError(l, err)
		}
		var pe *fs.PathError
		switch {
		case errors.Is(err, bsync.ErrNotRegular):
			return exitError{1, l.T("cli.file.notregular", args[0])}
		case errors.As(err, &pe):
			return exitError{1, openProblem(l, args[0], err)}
		case err != nil:
			return exitError{1, l.T("sync.enroll.file", args[0], pathErrorReason(err))}
		}
		ep, code, file = bsync.Endpoint{URL: ef.URL, Pin: ef.Pin}, ef.Code, ef
		if hubURL != "" {
			ep.URL = hubURL
		}
		if offline && !ef.Offline() {
			return exitError{1, l.T("sync.enroll.offline.no", args[0])}
		}
		// A file that can enrol without the hub does so when asked, or when
		// it names no hub address at all.
		if offline || ep.URL == "" {
			return enrollOffline(cmd, e, args[0], file)
		}
	} else {
		if hubURL != "" {
			return exitError{2, l.T("sync.enroll.hub.code")}
		}
		if fi, err := os.Stat(args[1]); err == nil && fi.Mode().IsRegular() {
			return exitError{2, l.T("sync.enroll.fileargs", args[1], args[0])}
		}
		secret, pin := bsync.ParseCode(args[1])
		ep, code = bsync.Endpoint{URL: args[0], Pin: pin}, secret
	}
	if _, err := bsync.CheckEndpoint(ep); err != nil {
		return endpointError(l, err)
	}
	name := ""
	if dev, err := e.store.Device(cmd.Context()); err == nil {
		name = dev.Name
	}
	if name == "" {
		name, _ = os.Hostname()
	}
	en := &bsync.Enroller{Store: e.store, Dir: e.dir}
	if file.Offline() {
		// The file can enrol without the hub: a hub out of reach is not
		// waited on for a minute.
		en.Retry = bsync.Retry{Tries: 2, Base: 500 * time.Millisecond, Max: 2 * time.Second}
	}
	resp, err := en.Enroll(cmd.Context(), ep, code, name)
	if err != nil && file.Offline() && bsync.NetProblem(err) != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), l.T("sync.enroll.offline.fallback", ep.URL))
		return enrollOffline(cmd, e, args[0], file)
	}
	if err != nil {
		command := "enroll"
		if len(args) == 1 {
			command = "enroll-file"
		}
		return syncError(l, command, ep.URL, e.store.DeviceID(), e.dir, err)
	}
	out := cmd.OutOrStdout()
	unit := resp.UnitName
	if unit == "" {
		unit = resp.Unit
	}
	fmt.Fprintln(out, l.T("sync.enroll.done", ep.URL, resp.HubID, unit))
	fmt.Fprintln(out, l.T("sync.enroll.keys", filepath.Join(e.dir, bsync.KeysFile)))
	return nil
}

// enrollOffline enrols from a file alone: no network is tried.
func enrollOffline(cmd *cobra.Command, e *env, path string, ef bsync.EnrolmentFile) error {
	l := e.lang
	en := &bsync.Enroller{Store: e.store, Dir: e.dir}
	resp, err := en.EnrollOffline(cmd.Context(), ef)
	var moved *bsync.UnitChangeError
	if errors.As(err, &moved) {
		return exitError{1, l.T("sync.enroll.offline.otherunit", path, shownUnit(moved.Enrolled), shownUnit(moved.File))}
	}
	if err != nil {
		return syncError(l, "enroll-file", ef.URL, e.store.DeviceID(), e.dir, err)
	}
	unit := resp.UnitName
	if unit == "" {
		unit = resp.Unit
	}
	out := cmd.OutOrStdout()
	fmt.Fprintln(out, l.T("sync.enroll.offline.done", resp.HubID, unit))
	fmt.Fprintln(out, l.T("sync.enroll.keys", filepath.Join(e.dir, bsync.KeysFile)))
	fmt.Fprintln(out, l.T("sync.enroll.offline.file", path))
	return nil
}

func newSyncCmd(g *globals) *cobra.Command {
	var hubURL string
	cmd := &cobra.Command{
		Use:   "sync",
		Short: g.helpLang.T("cli.help.cmd.sync"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *env) error { return runSync(cmd, e, hubURL) })
		},
	}
	cmd.Flags().StringVar(&hubURL, "hub", "", g.helpLang.T("cli.help.flag.sync.hub"))
	cmd.AddCommand(newSyncStatusCmd(g))
	return cmd
}

func runSync(cmd *cobra.Command, e *env, hubURL string) error {
	l, ctx := e.lang, cmd.Context()
	st, err := e.store.SyncState(ctx)
	if errors.Is(err, store.ErrNotEnrolled) {
		return exitError{1, l.T("sync.not_enrolled")}
	}
	if err != nil {
		return err
	}
	ep := bsync.Endpoint{URL: st.HubURL, Pin: st.Pin}
	if hubURL != "" {
		ep.URL = hubURL
	}
	if _, err := bsync.CheckEndpoint(ep); err != nil {
		return endpointError(l, err)
	}
	keys, err := bsync.DeviceKeys(e.dir, e.store.DeviceID())
	if err != nil {
		return syncError(l, "sync", ep.URL, e.store.DeviceID(), e.dir, err)
	}
	priv, err := keys.Private()
	if err != nil {
		return exitError{1, l.T("sync.keys.read", filepath.Join(e.dir, bsync.KeysFile), err)}
	}
	client, err := bsync.NewClient(ep, e.store.DeviceID(), priv)
	if err != nil {
		return endpointError(l, err)
	}
	out := cmd.OutOrStdout()
	client.OnRetry = func(_ int, wait time.Duration, err error) {
		fmt.Fprintln(cmd.ErrOrStderr(), l.T("sync.retry", netReason(l, err), wait.Round(100*time.Millisecond)))
	}
	show := newSyncProgress(out, l)
	s := &bsync.Syncer{Store: e.store, Client: client, Progress: show.update, Now: e.now}
	sum, err := s.Run(ctx)
	var he *bsync.HubError
	if errors.As(err, &he) && he.Err.Code == bsync.CodeUnknown && keys.PendingCode != "" {
		// Enrolled from a file and online before any bundle reached the
		// hub: the code enrols it now, as it would have in a bundle.
		en := &bsync.Enroller{Store: e.store, Dir: e.dir}
		name := ""
		if dev, derr := e.store.Device(ctx); derr == nil {
			name = dev.Name
		}
		if _, eerr := en.Enroll(ctx, ep, keys.PendingCode, name); eerr != nil {
			show.done()
			return syncError(l, "enroll", ep.URL, e.store.DeviceID(), e.dir, eerr)
		}
		fmt.Fprintln(out, l.T("sync.enroll.pending.done", ep.URL))
		sum, err = s.Run(ctx)
	}
	show.done()
	if err != nil {
		return syncError(l, "sync", ep.URL, e.store.DeviceID(), e.dir, err)
	}
	p := sum.Pulled
	if pulled := p.Decks + p.Units + p.Aliases + p.Answers; pulled == 0 {
		fmt.Fprintln(out, l.T("sync.summary.pushonly", sum.Pushed))
	} else {
		fmt.Fprintln(out, l.T("sync.summary", sum.Pushed, pulled, p.Decks, p.Units, p.Aliases, p.Answers))
	}
	if sum.NewEpoch > 0 {
		fmt.Fprintln(out, l.T("sync.newepoch", sum.NewEpoch))
	}
	if sum.Pending > 0 {
		fmt.Fprintln(out, l.T("sync.pending", sum.Pending))
	}
	printHeld(cmd.Context(), out, l, e.store, sum)
	if sum.ClockAhead > 0 {
		fmt.Fprintln(out, l.T("sync.clock_ahead", sum.ClockAhead))
	}
	if off := sum.Offset.Abs(); off > bsync.MaxClockAhead && !sum.HubTime.IsZero() {
		fmt.Fprintln(out, l.T("sync.clock", sum.HubTime.Local().Format("2006-01-02 15:04:05 MST"), off.Round(time.Second)))
	}
	return nil
}

// printHeld says which records the hub held in this sync, and how many it
// holds in all. What the hub echoes of a change is cleaned before it is
// printed: it came from this laptop's log, but a log is data.
//
// A clerk knows sessions, not change numbers: each held session is named by
// its title and date (read from this laptop), the records under them are
// counted by kind.
func printHeld(ctx context.Context, out io.Writer, l i18n.Lang, st *store.Store, sum bsync.Summary) {
	// Records waiting for another laptop's session are no fault: said apart.
	var held []bsync.HeldRecord
	waiting := 0
	for _, h := range sum.Held {
		if h.Reason == bsync.HeldSession {
			waiting++
		} else {
			held = append(held, h)
		}
	}
	if waiting > 0 {
		fmt.Fprintln(out, l.T("sync.held.waiting", waiting))
	}
	sum.Held = held
	if len(sum.Held) > 0 {
		fmt.Fprintln(out, l.T("sync.held", len(sum.Held)))
		const shown = 10
		named := map[string]bool{}
		others := map[string]int{}
		var kinds []string
		lines := 0
		for _, h := range sum.Held {
			if h.Entity == "session" {
				if named[h.RecordID] {
					continue
				}
				named[h.RecordID] = true
				if lines++; lines > shown {
					others[h.Entity]++
					continue
				}
				what := l.T("sync.held.session.unknown", h.RecordID)
				if s, err := st.Session(ctx, h.RecordID); err == nil {
					what = l.T("sync.held.session", textvi.FieldText(s.Title), s.StartedAt.Local().Format("02/01/2006"))
				}
				fmt.Fprintln(out, l.T("sync.held.line", what, l.HeldReason(h.Reason)))
				continue
			}
			if others[h.Entity] == 0 {
				kinds = append(kinds, h.Entity)
			}
			others[h.Entity]++
		}
		if len(kinds) > 0 {
			var parts []string
			for _, k := range kinds {
				parts = append(parts, fmt.Sprintf("%s %d", textvi.FieldText(l.Entity(k)), others[k]))
			}
			fmt.Fprintln(out, l.T("sync.held.others", strings.Join(parts, ", ")))
		}
	}
	if sum.HeldTotal > len(sum.Held)+waiting {
		fmt.Fprintln(out, l.T("sync.held.total", sum.HeldTotal))
	}
}

// endpointError says in l why the hub's address cannot be used.
func endpointError(l i18n.Lang, err error) error {
	var ee *bsync.EndpointError
	if errors.As(err, &ee) {
		return exitError{1, l.T("sync.endpoint."+ee.Problem, ee.URL)}
	}
	return exitError{1, l.T("sync.endpoint", err)}
}

// syncError says in l what went wrong and what to do; every path keeps the
// local records, and the messages say so. command ("sync" or "enroll") is
// what to run again after a network failure.
func syncError(l i18n.Lang, command, hub, device, dir string, err error) error {
	var he *bsync.HubError
	var ee *bsync.EndpointError
	network := "sync.network"
	switch command {
	case "enroll":
		network = "sync.network.enroll"
	case "enroll-file":
		network = "sync.network.enrollfile"
	}
	switch {
	case errors.As(err, &ee):
		return endpointError(l, err)
	case errors.Is(err, bsync.ErrPinMismatch):
		return exitError{1, l.T("sync.pin", hub)}
	case errors.Is(err, bsync.ErrKeysOfAnotherDevice):
		return exitError{1, l.T("sync.keys.other", filepath.Join(dir, bsync.KeysFile), err)}
	case errors.Is(err, bsync.ErrLocalAhead):
		return exitError{1, l.T("sync.local_ahead", err)}
	case errors.Is(err, context.Canceled):
		return exitError{1, l.T("sync.failed", err)}
	case errors.As(err, &he):
		w := he.Err
		switch w.Code {
		case bsync.CodeRevoked:
			return exitError{1, l.T("sync.code.revoked", hub, device)}
		case bsync.CodeConflict:
			return exitError{1, l.T("sync.code.conflict", w.Seq, device, w.Seq)}
		case bsync.CodeInvalid:
			return exitError{1, l.T("sync.code.invalid", w.Seq, textvi.FieldText(w.Field), textvi.FieldText(w.Message))}
		case bsync.CodeUnknown, bsync.CodeSignature:
			return exitError{1, l.T("sync.code.unknown", hub, textvi.FieldText(w.Message), device)}
		case bsync.CodeProtocol:
			return exitError{1, l.T("sync.code.protocol")}
		case bsync.CodeHeldFull:
			return exitError{1, l.T("sync.code.held_full")}
		case bsync.CodeTooLarge:
			return exitError{1, l.T("sync.code.too_large", textvi.FieldText(w.Message))}
		case bsync.CodeDeviceKnown:
			return exitError{1, l.T("sync.code.device_known", device)}
		case bsync.CodeCodeUsed, bsync.CodeCodeExpired, bsync.CodeCodeUnknown, bsync.CodeCodeOtherDevice:
			return exitError{1, l.T("sync.code." + w.Code)}
		}
		if he.Status >= 500 || he.Status == http.StatusTooManyRequests || w.Code == bsync.CodeBusy {
			return exitError{1, l.T(network, hub, netReason(l, err))}
		}
		msg := w.Message
		if msg == "" {
			msg = w.Code
		}
		return exitError{1, l.T("sync.code.other", hub, he.Status, http.StatusText(he.Status), textvi.FieldText(msg))}
	}
	if bsync.NetProblem(err) != "" {
		return exitError{1, l.T(network, hub, netReason(l, err))}
	}
	return exitError{1, l.T("sync.failed", err)}
}

// netReason says in l why the hub could not be reached or did not answer.
func netReason(l i18n.Lang, err error) string {
	var he *bsync.HubError
	if errors.As(err, &he) {
		return l.T("sync.net.hub", he.Status)
	}
	if p := bsync.NetProblem(err); p != "" {
		return l.T("sync.net." + p)
	}
	return textvi.FieldText(err.Error())
}

// syncProgress shows a sync's progress: a bar on a terminal, plain lines
// otherwise (a log, a script).
type syncProgress struct {
	out  io.Writer
	l    i18n.Lang
	tty  bool
	bar  progress.Model
	last string // the last plain line, not repeated
	drew bool
}

func newSyncProgress(out io.Writer, l i18n.Lang) *syncProgress {
	p := &syncProgress{out: out, l: l}
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		p.tty = true
		p.bar = progress.New(progress.WithWidth(40), progress.WithDefaultBlend())
	}
	return p
}

func (p *syncProgress) update(ev bsync.Progress) {
	if !p.tty {
		var line string
		switch {
		case ev.Phase == "push" && ev.Total > 0:
			line = p.l.T("sync.line.push", ev.Done, ev.Total)
		case ev.Phase == "pull" && ev.Done > 0:
			line = p.l.T("sync.line.pull", ev.Done)
		}
		if line != "" && line != p.last {
			fmt.Fprintln(p.out, line)
			p.last = line
		}
		return
	}
	label, pct := p.l.T("sync.progress.push"), 1.0
	if ev.Phase == "pull" {
		label = p.l.T("sync.progress.pull")
	}
	switch {
	case ev.Total > 0:
		pct = float64(ev.Done) / float64(ev.Total)
	case ev.Phase == "pull" && ev.Total == 0 && ev.Done > 0:
		pct = 0.5 // more pages follow; how many is unknown
	case ev.Phase == "push":
		return // nothing to push
	}
	count := strconv.FormatInt(ev.Done, 10)
	if ev.Total > 0 {
		count += "/" + strconv.FormatInt(ev.Total, 10)
	}
	// \x1b[K clears what a longer line drawn before left (pushed 11, then pulled 0
	// read "01").
	fmt.Fprintf(p.out, "\r%-10s %s %s\x1b[K", label, p.bar.ViewAs(pct), count)
	p.drew = true
}

func (p *syncProgress) done() {
	if p.drew {
		fmt.Fprintln(p.out)
	}
}

// syncStatusJSON is what sync status --json prints.
type syncStatusJSON struct {
	bsync.Status
	OffsetMS int64 `json:"hub_offset_ms"`
}

func newSyncStatusCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: g.helpLang.T("cli.help.cmd.sync.status"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withReadEnv(cmd, g, func(e *env) error {
				ctx, l, out := cmd.Context(), e.lang, cmd.OutOrStdout()
				status, err := bsync.ReadStatus(ctx, e.store)
				if err != nil {
					return err
				}
				enrolled := status.Enrolled
				s := syncStatusJSON{Status: status, OffsetMS: status.HubOffset.Milliseconds()}
				if asJSON {
					return writeJSON(out, s)
				}
				if !enrolled {
					fmt.Fprintln(out, l.T("sync.not_enrolled"))
					fmt.Fprintln(out, l.T("sync.status.pending", s.Pending))
					return nil
				}
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				hubAt := s.Hub
				if hubAt == "" {
					hubAt = l.T("sync.status.hub.files")
				}
				fmt.Fprintln(tw, l.T("sync.status.hub", hubAt, s.HubID))
				fmt.Fprintln(tw, l.T("sync.status.unit", firstNonEmpty(s.UnitName, s.Unit)))
				device := s.Device
				if dev, err := e.store.Device(ctx); err == nil && strings.TrimSpace(dev.Name) != "" {
					device += " (" + textvi.FieldText(dev.Name) + ")"
				}
				fmt.Fprintln(tw, l.T("sync.status.device", device))
				if s.LastSync == nil {
					fmt.Fprintln(tw, l.T("sync.status.never"))
				} else {
					fmt.Fprintln(tw, l.T("sync.status.last", s.LastSync.Local().Format("2006-01-02 15:04:05"), l.SyncResult(s.LastResult)))
					if s.LastResult != "ok" && s.LastResult != "bundle" {
						ok := l.T("sync.status.lastok.never")
						if s.LastOK != nil {
							ok = s.LastOK.Local().Format("2006-01-02 15:04:05")
						}
						fmt.Fprintln(tw, l.T("sync.status.lastok", ok))
					}
				}
				fmt.Fprintln(tw, l.T("sync.status.pending", s.Pending))
				if s.Held > 0 {
					fmt.Fprintln(tw, l.T("sync.status.held", s.Held))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
