package main

// briefing hub ...: the district's server and its commands. The work is in
// internal/hub; this file reads flags and prints.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"briefing/internal/deck"
	"briefing/internal/hub"
	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/sync"
	"briefing/internal/unit"
	"github.com/spf13/cobra"
)

// hubFlags are what every hub command shares: the database file.
type hubFlags struct {
	g  *globals
	db string
}

func (h *hubFlags) path() string {
	if h.db != "" {
		return h.db
	}
	return filepath.Join(dataDir(h.g), "hub.db")
}

// open opens the hub database and runs f with it.
func (h *hubFlags) open(f func(st hub.Store, l i18n.Lang) error) error {
	l := h.g.language()
	st, err := hub.OpenSQLite(h.path())
	if err != nil {
		return exitError{1, l.T("hub.db.open", h.path(), err)}
	}
	defer st.Close()
	return f(st, l)
}

func (h *hubFlags) certFiles() (string, string) {
	dir := filepath.Dir(h.path())
	return filepath.Join(dir, "hub-cert.pem"), filepath.Join(dir, "hub-key.pem")
}

func newHubCmd(g *globals) *cobra.Command {
	h := &hubFlags{g: g}
	cmd := &cobra.Command{Use: "hub", Short: g.helpLang.T("cli.help.cmd.hub")}
	cmd.PersistentFlags().StringVar(&h.db, "db", "", g.helpLang.T("cli.help.flag.hub.db"))
	deckCmd := &cobra.Command{Use: "deck", Short: g.helpLang.T("cli.help.cmd.hub.deck")}
	deckCmd.AddCommand(newHubDeckPublishCmd(h))
	unitCmd := &cobra.Command{Use: "unit", Short: g.helpLang.T("cli.help.cmd.hub.unit")}
	unitCmd.AddCommand(newHubUnitListCmd(h), newHubUnitAddCmd(h), newHubUnitAliasCmd(h), newHubUnitMergeCmd(h))
	cmd.AddCommand(newHubServeCmd(h), newHubEnrollCmd(h), newHubDevicesCmd(h), newHubRevokeCmd(h), deckCmd, unitCmd,
		newHubQuestionsCmd(h), newHubAnswerCmd(h), newHubReportCmd(h))
	return cmd
}

func newHubServeCmd(h *hubFlags) *cobra.Command {
	var addr, certFile, keyFile string
	var insecure bool
	cmd := &cobra.Command{
		Use:   "serve",
		Short: h.g.helpLang.T("cli.help.cmd.hub.serve"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := h.g.language()
			if (certFile == "") != (keyFile == "") {
				return exitError{2, l.T("hub.serve.certpair")}
			}
			if insecure && !hub.Loopback(addr) {
				return exitError{2, l.T("hub.serve.insecure", addr)}
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				out := cmd.OutOrStdout()
				opts := hub.ServeOptions{Addr: addr, Log: slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))}
				if !insecure {
					if certFile == "" {
						certFile, keyFile = h.certFiles()
					}
					cert, pin, err := hub.LoadOrCreateCert(certFile, keyFile, []string{"localhost"})
					if err != nil {
						return exitError{1, err.Error()}
					}
					opts.Cert = &cert
					fmt.Fprintln(out, l.T("hub.serve.pin", pin))
				}
				opts.Listened = func(a string) { fmt.Fprintln(out, l.T("hub.serve.listening", a)) }
				ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				return hub.Serve(ctx, st, opts)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", ":8443", h.g.helpLang.T("cli.help.flag.hub.addr"))
	f.StringVar(&certFile, "tls-cert", "", h.g.helpLang.T("cli.help.flag.hub.cert"))
	f.StringVar(&keyFile, "tls-key", "", h.g.helpLang.T("cli.help.flag.hub.key"))
	f.BoolVar(&insecure, "insecure", false, h.g.helpLang.T("cli.help.flag.hub.insecure"))
	return cmd
}

// resolveUnit finds a catalog unit by a spelling.
func resolveUnit(ctx context.Context, st hub.Store, l i18n.Lang, spelling string) (unit.Unit, error) {
	cat, err := st.Catalog(ctx)
	if err != nil {
		return unit.Unit{}, err
	}
	u, ok := cat.Resolve(spelling)
	if !ok {
		return unit.Unit{}, exitError{1, l.T("hub.unit.unknown", spelling)}
	}
	return u, nil
}

// enrolmentFile is what `hub enroll -o FILE` writes for a laptop.
type enrolmentFile struct {
	URL       string    `json:"url,omitempty"`
	Code      string    `json:"code"`
	Pin       string    `json:"pin"`
	Unit      string    `json:"unit"`
	ExpiresAt time.Time `json:"expires_at"`
}

func newHubEnrollCmd(h *hubFlags) *cobra.Command {
	var unitName, name, outFile, hubURL, certFile string
	cmd := &cobra.Command{
		Use:   "enroll --unit U",
		Short: h.g.helpLang.T("cli.help.cmd.hub.enroll"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				ctx := cmd.Context()
				u, err := resolveUnit(ctx, st, l, unitName)
				if err != nil {
					return err
				}
				if certFile == "" {
					c, k := h.certFiles()
					if _, _, err := hub.LoadOrCreateCert(c, k, []string{"localhost"}); err != nil {
						return exitError{1, err.Error()}
					}
					certFile = c
				}
				pin, err := hub.CertPin(certFile)
				if err != nil {
					return exitError{1, err.Error()}
				}
				now := time.Now()
				code, err := hub.NewCode(ctx, st, u.ID, name, pin, now)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				fmt.Fprintln(out, l.T("hub.enroll.unit", u.Name))
				fmt.Fprintln(out, l.T("hub.enroll.expires", now.Add(hub.CodeTTL).In(hub.VN).Format("15:04 02/01/2006")))
				if outFile != "" {
					data, _ := json.MarshalIndent(enrolmentFile{URL: hubURL, Code: code, Pin: pin, Unit: u.Name,
						ExpiresAt: now.Add(hub.CodeTTL).UTC().Truncate(time.Second)}, "", "  ")
					if err := os.WriteFile(outFile, append(data, '\n'), 0o600); err != nil {
						return exitError{1, err.Error()}
					}
					fmt.Fprintln(out, l.T("hub.enroll.file", outFile))
				}
				fmt.Fprintln(out, code)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&unitName, "unit", "", h.g.helpLang.T("cli.help.flag.hub.unit"))
	f.StringVar(&name, "name", "", h.g.helpLang.T("cli.help.flag.hub.name"))
	f.StringVarP(&outFile, "output", "o", "", h.g.helpLang.T("cli.help.flag.hub.out"))
	f.StringVar(&hubURL, "url", "", h.g.helpLang.T("cli.help.flag.hub.url"))
	f.StringVar(&certFile, "tls-cert", "", h.g.helpLang.T("cli.help.flag.hub.cert"))
	cmd.MarkFlagRequired("unit")
	return cmd
}

func newHubDevicesCmd(h *hubFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "devices",
		Short: h.g.helpLang.T("cli.help.cmd.hub.devices"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				devs, err := st.Devices(cmd.Context())
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return hubJSON(out, append([]hub.Device{}, devs...))
				}
				if len(devs) == 0 {
					fmt.Fprintln(out, l.T("hub.devices.none"))
					return nil
				}
				cat, err := st.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, l.T("hub.devices.head"))
				for _, d := range devs {
					u, _ := cat.Unit(d.UnitID)
					state := l.T("hub.devices.active")
					if d.RevokedAt != nil {
						state = l.T("hub.devices.revoked")
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", d.ID, d.Name, u.Name, d.EnrolledAt.In(hub.VN).Format("02/01/2006"), d.Acked, state)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func hubJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newHubRevokeCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke DEVICE",
		Short: h.g.helpLang.T("cli.help.cmd.hub.revoke"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				err := st.Revoke(cmd.Context(), args[0], time.Now())
				if errors.Is(err, hub.ErrNotFound) {
					return exitError{1, l.T("hub.revoke.unknown", args[0])}
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.revoke.done", args[0]))
				return nil
			})
		},
	}
}

func newHubDeckPublishCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "publish FILE",
		Short: h.g.helpLang.T("cli.help.cmd.hub.deck.pub"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := h.g.language()
			data, err := os.ReadFile(args[0])
			if err != nil {
				return exitError{1, fmt.Sprintf("%s: %v", args[0], err)}
			}
			d, problems := deck.Check(args[0], data)
			for _, p := range problems {
				fmt.Fprintln(cmd.ErrOrStderr(), p.Format(args[0], l))
			}
			if d == nil || deck.HasErrors(problems) {
				return exitError{1, l.T("hub.deck.errors", args[0])}
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				fd := sync.FeedDeck{ID: d.ID(), Version: deck.VersionOf(data), Title: d.Meta.Title, Source: string(data),
					PublishedAt: time.Now().UTC().Truncate(time.Millisecond)}
				fresh, err := st.PublishDeck(cmd.Context(), fd)
				if err != nil {
					return err
				}
				key := "hub.deck.published"
				if !fresh {
					key = "hub.deck.again"
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T(key, fd.ID, fd.Version))
				return nil
			})
		},
	}
}

// hubUnitError words the catalog's refusals.
func hubUnitError(l i18n.Lang, err error, other string) error {
	var fe *unit.FieldError
	var ne *unit.NameError
	switch {
	case errors.As(err, &fe):
		return exitError{1, l.T("hub.unit.field", fe.Field, fe.Value, fe.Problem)}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrUnknown):
		return exitError{1, l.T("hub.unit.unknown", ne.Spelling)}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrExists):
		return exitError{1, l.T("hub.unit.exists", ne.Unit.Name)}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrIsUnit):
		return exitError{1, l.T("hub.unit.isunit", ne.Spelling)}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrSame):
		return exitError{1, l.T("hub.unit.same", ne.Spelling, other)}
	}
	return err
}

func newHubUnitListCmd(h *hubFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.list"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				cat, err := st.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				type row struct {
					ID       string   `json:"id"`
					Name     string   `json:"name"`
					Kind     string   `json:"kind"`
					ParentID string   `json:"parent_id"`
					Aliases  []string `json:"aliases"`
				}
				var rows []row
				for _, u := range cat.Units() {
					rows = append(rows, row{u.ID, u.Name, u.Kind, u.ParentID, append([]string{}, cat.Aliases(u.ID)...)})
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return hubJSON(out, rows)
				}
				tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
				for _, r := range rows {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Kind, strings.Join(r.Aliases, ", "))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func newHubUnitAddCmd(h *hubFlags) *cobra.Command {
	var kind, parent string
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.add"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				u, err := hub.AddUnit(cmd.Context(), st, args[0], kind, parent, time.Now())
				if err != nil {
					return hubUnitError(l, err, "")
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.unit.added", u.Name))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", unit.Ward, h.g.helpLang.T("cli.help.flag.hub.kind"))
	cmd.Flags().StringVar(&parent, "parent", "", h.g.helpLang.T("cli.help.flag.hub.parent"))
	return cmd
}

func newHubUnitAliasCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "alias SPELLING UNIT",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.alias"),
		Args:  argsExact(h.g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				u, already, err := hub.AliasUnit(cmd.Context(), st, args[0], args[1], time.Now())
				if err != nil {
					return hubUnitError(l, err, args[1])
				}
				key := "hub.unit.aliased"
				if already {
					key = "hub.unit.already"
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T(key, args[0], u.Name))
				return nil
			})
		},
	}
}

func newHubUnitMergeCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.merge"),
		Args:  argsExact(h.g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				from, into, err := hub.MergeUnits(cmd.Context(), st, args[0], args[1], time.Now())
				if err != nil {
					return hubUnitError(l, err, args[1])
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.unit.merged", from.Name, into.Name))
				return nil
			})
		},
	}
}

func newHubQuestionsCmd(h *hubFlags) *cobra.Command {
	var status string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "questions",
		Short: h.g.helpLang.T("cli.help.cmd.hub.questions"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := h.g.language()
			if status != "" {
				st, ok := record.ParseQuestionStatus(status)
				if !ok {
					return exitError{2, l.T("hub.questions.bad", status)}
				}
				status = string(st)
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				qs, err := st.Questions(cmd.Context(), status)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return hubJSON(out, append([]hub.Question{}, qs...))
				}
				if len(qs) == 0 {
					fmt.Fprintln(out, l.T("hub.questions.none"))
					return nil
				}
				tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, l.T("hub.questions.head"))
				now := time.Now()
				for _, q := range qs {
					wait := ""
					if q.Status == string(record.Forwarded) && q.ForwardedAt != nil {
						wait = fmt.Sprint(int(now.Sub(*q.ForwardedAt).Hours() / 24))
					}
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", q.ID, q.Unit, q.Number, l.QuestionStatus(record.QuestionStatus(q.Status)),
						wait, strings.ReplaceAll(q.Text, "\n", " "))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().StringVar(&status, "status", "", h.g.helpLang.T("cli.help.flag.hub.status"))
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func newHubAnswerCmd(h *hubFlags) *cobra.Command {
	var text, by string
	cmd := &cobra.Command{
		Use:   "answer ID --text T",
		Short: h.g.helpLang.T("cli.help.cmd.hub.answer"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := h.g.language()
			if strings.TrimSpace(text) == "" {
				return exitError{2, l.T("hub.answer.empty")}
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				q, err := st.Answer(cmd.Context(), args[0], strings.TrimSpace(text), strings.TrimSpace(by), time.Now())
				if errors.Is(err, hub.ErrNotFound) {
					return exitError{1, l.T("hub.answer.unknown", args[0])}
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.answer.done", q.ID))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&text, "text", "", h.g.helpLang.T("cli.help.flag.hub.text"))
	cmd.Flags().StringVar(&by, "by", "", h.g.helpLang.T("cli.help.flag.hub.by"))
	return cmd
}

func newHubReportCmd(h *hubFlags) *cobra.Command {
	var by, from, to, format, outFile string
	cmd := &cobra.Command{
		Use:   "report",
		Short: h.g.helpLang.T("cli.help.cmd.hub.report"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := h.g.language()
			if !slices.Contains(hub.ReportBys, by) {
				return exitError{2, l.T("hub.report.bad.by", by)}
			}
			if !slices.Contains(hub.ReportFormats, format) {
				return exitError{2, l.T("hub.report.bad.fmt", format)}
			}
			if format == "xlsx" && outFile == "" {
				return exitError{2, l.T("hub.report.xlsxout")}
			}
			var lo, hi time.Time
			for _, d := range []struct {
				flag, v string
				t       *time.Time
				days    int
			}{{"--from", from, &lo, 0}, {"--to", to, &hi, 1}} {
				if d.v == "" {
					continue
				}
				t, err := time.ParseInLocation("2006-01-02", d.v, hub.VN)
				if err != nil {
					return exitError{2, l.T("hub.report.bad.date", d.flag, d.v)}
				}
				*d.t = t.AddDate(0, 0, d.days)
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				ctx := cmd.Context()
				facts, err := st.Facts(ctx, lo, hi)
				if err != nil {
					return err
				}
				cat, err := st.Catalog(ctx)
				if err != nil {
					return err
				}
				rep, err := hub.BuildReport(facts, cat, by, lo, hi, time.Now(), l)
				if err != nil {
					return err
				}
				if outFile == "" {
					return hub.WriteReport(cmd.OutOrStdout(), rep, format, l)
				}
				tmp := outFile + ".tmp"
				f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
				if err != nil {
					return exitError{1, err.Error()}
				}
				if err := hub.WriteReport(f, rep, format, l); err != nil {
					f.Close()
					os.Remove(tmp)
					return err
				}
				if err := f.Close(); err != nil {
					os.Remove(tmp)
					return exitError{1, err.Error()}
				}
				if err := os.Rename(tmp, outFile); err != nil {
					return exitError{1, err.Error()}
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.report.written", outFile))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&by, "by", "unit", h.g.helpLang.T("cli.help.flag.hub.reportby"))
	f.StringVar(&from, "from", "", h.g.helpLang.T("cli.help.flag.hub.from"))
	f.StringVar(&to, "to", "", h.g.helpLang.T("cli.help.flag.hub.to"))
	f.StringVar(&format, "format", "table", h.g.helpLang.T("cli.help.flag.hub.format"))
	f.StringVarP(&outFile, "output", "o", "", h.g.helpLang.T("cli.help.flag.hub.reportout"))
	return cmd
}
