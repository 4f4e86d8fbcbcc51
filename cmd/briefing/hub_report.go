package main

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/hub"
	"briefing/internal/i18n"

	"github.com/spf13/cobra"
)

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
			given := cmd.Flags().Changed("format")
			format = strings.ToLower(strings.TrimSpace(format))
			if given && !slices.Contains(hub.ReportFormats, format) {
				return exitError{2, l.T("hub.report.bad.fmt", format)}
			}
			format, err := formatFor(l, format, given, outFile, "table")
			if err != nil {
				return err
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
					if format == "table" {
						return hub.WriteTable(cmd.OutOrStdout(), rep, terminalWidth(cmd.OutOrStdout(), 0))
					}
					return hub.WriteReport(cmd.OutOrStdout(), rep, format, l)
				}
				var buf bytes.Buffer
				if err := hub.WriteReport(&buf, rep, format, l); err != nil {
					return err
				}
				if err := checkNotOwn(l, outFile, h.ownFiles()...); err != nil {
					return err
				}
				if err := atomicfile.Write(outFile, buf.Bytes(), 0o600); err != nil {
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
	f.StringVar(&format, "format", "", h.g.helpLang.T("cli.help.flag.hub.format"))
	f.StringVarP(&outFile, "output", "o", "", h.g.helpLang.T("cli.help.flag.hub.reportout"))
	return cmd
}
