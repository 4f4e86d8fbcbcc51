package main

// briefing hub ...: the district's server and its commands. The work is in
// internal/hub; these files read flags and print: hub_serve.go, hub_enroll.go
// (enroll, devices, revoke), hub_catalog.go (decks and units), hub_questions.go,
// hub_report.go.

import (
	"errors"
	"path/filepath"

	"briefing/internal/hub"
	"briefing/internal/i18n"

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
		path, _ := filepath.Abs(h.path())
		if err := dbProblem(l, path, err); errors.As(err, new(exitError)) {
			return err
		}
		return exitError{1, l.T("hub.db.open", h.path(), err)}
	}
	defer st.Close()
	return f(st, l)
}

// ownFiles are the hub's files no output may replace: its database, its
// keys, its certificate.
func (h *hubFlags) ownFiles() []string {
	db := h.path()
	cert, key := h.certFiles()
	return []string{db, db + "-wal", db + "-shm", db + "-journal", hub.BundleKeyFile(db), hub.IDKeyFile(db), cert, key}
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
	cmd.AddCommand(newHubImportCmd(h), newHubBundleCmd(h))
	cmd.AddCommand(newHubServeCmd(h), newHubEnrollCmd(h), newHubDevicesCmd(h), newHubRevokeCmd(h), deckCmd, unitCmd,
		newHubQuestionsCmd(h), newHubAnswerCmd(h), newHubReportCmd(h), newHubHeldCmd(h))
	return cmd
}
