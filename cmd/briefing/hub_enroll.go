package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/hub"
	"briefing/internal/i18n"
	bsync "briefing/internal/sync"
	"briefing/internal/textvi"
	"briefing/internal/unit"

	"github.com/spf13/cobra"
)

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

func newHubEnrollCmd(h *hubFlags) *cobra.Command {
	var unitName, name, outFile, hubURL, certFile, deviceRef string
	cmd := &cobra.Command{
		Use:   "enroll --unit U",
		Short: h.g.helpLang.T("cli.help.cmd.hub.enroll"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				ctx := cmd.Context()
				// A known laptop is enrolled again only with a code made for
				// it: by default under its unit and name.
				var dev hub.Device
				if deviceRef != "" {
					var err error
					if dev, err = findDevice(ctx, st, l, deviceRef); err != nil {
						return err
					}
					if name == "" {
						name = dev.Name
					}
				}
				if unitName == "" && dev.ID == "" {
					return exitError{2, l.T("hub.enroll.needunit")}
				}
				if dev.ID == "" && name != "" {
					// The district may mean that laptop, which a new code
					// would not enrol again.
					if same, err := st.FindDevice(ctx, name); err == nil {
						fmt.Fprintln(cmd.ErrOrStderr(), l.T("hub.enroll.samename", textvi.FieldText(name), same.ID))
					}
				}
				var u unit.Unit
				if unitName != "" {
					var err error
					if u, err = resolveUnit(ctx, st, l, unitName); err != nil {
						return err
					}
				} else {
					cat, err := st.Catalog(ctx)
					if err != nil {
						return err
					}
					u, _ = cat.Unit(dev.UnitID)
				}
				// A file carries the hub's address when it has one the laptop
				// can use (--url), and always what enrolling without it needs.
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
				if outFile != "" && hubURL != "" {
					if _, err := bsync.CheckEndpoint(bsync.Endpoint{URL: hubURL, Pin: pin}); err != nil {
						return exitError{2, l.T("hub.enroll.badurl", hubURL)}
					}
				}
				now := time.Now()
				ttl := hub.CodeTTL
				if outFile != "" {
					ttl = hub.FileCodeTTL
				}
				code, err := hub.NewDeviceCodeTTL(ctx, st, dev.ID, u.ID, name, pin, now, ttl)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if dev.ID != "" {
					fmt.Fprintln(out, l.T("hub.enroll.again", fmt.Sprintf("%s (%s)", dev.ID, textvi.FieldText(dev.Name))))
				}
				fmt.Fprintln(out, l.T("hub.enroll.unit", u.Name))
				fmt.Fprintln(out, l.T("hub.enroll.expires", now.Add(ttl).In(hub.VN).Format("15:04 02/01/2006")))
				if outFile != "" {
					keys, err := hub.LoadOrCreateBundleKeys(h.path())
					if err != nil {
						return exitError{1, l.T("bundle.hub.keys", err)}
					}
					cat, err := st.Catalog(ctx)
					if err != nil {
						return err
					}
					// All a laptop that is never online needs to enrol from
					// the file alone (briefing enroll FILE --offline).
					data, _ := json.MarshalIndent(bsync.EnrolmentFile{URL: hubURL, Code: code, Pin: pin, Unit: u.Name,
						ExpiresAt: now.Add(ttl).UTC().Truncate(time.Second),
						HubID:     st.HubID(), UnitID: u.ID, Scope: cat.Scope(u.ID), IDKey: st.IDKey(),
						AgeRecipient: keys.Recipient(), HubKey: keys.PublicKey(), Device: dev.ID}, "", "  ")
					if err := atomicfile.Write(outFile, append(data, '\n'), 0o600); err != nil {
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
	f.StringVar(&deviceRef, "device", "", h.g.helpLang.T("cli.help.flag.hub.device"))
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
					return writeJSON(out, append([]hub.Device{}, devs...))
				}
				if len(devs) == 0 {
					fmt.Fprintln(out, l.T("hub.devices.none"))
					return nil
				}
				cat, err := st.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				tw := newTable(out).fitTerminal()
				tw.line(l.T("hub.devices.head"))
				for _, d := range devs {
					u, _ := cat.Unit(d.UnitID)
					state := l.T("hub.devices.active")
					if d.RevokedAt != nil {
						state = l.T("hub.devices.revoked")
					}
					tw.rowf("%s\t%s\t%s\t%s\t%d\t%s\n", d.ID, textvi.FieldText(d.Name), u.Name, d.EnrolledAt.In(hub.VN).Format("02/01/2006"), d.Acked, state)
				}
				return tw.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func newHubRevokeCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "revoke DEVICE",
		Short: h.g.helpLang.T("cli.help.cmd.hub.revoke"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				dev, err := st.Revoke(cmd.Context(), args[0], time.Now())
				switch {
				case errors.Is(err, hub.ErrNotFound):
					return exitError{1, l.T("hub.revoke.unknown", args[0])}
				case errors.Is(err, hub.ErrAmbiguous):
					return exitError{1, l.T("hub.revoke.ambiguous", args[0])}
				case err != nil:
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.revoke.done", fmt.Sprintf("%s (%s)", dev.ID, textvi.FieldText(dev.Name))))
				return nil
			})
		},
	}
}

// findDevice finds the device ref names (its id, the start of it, or its
// name), saying in l when none or several do.
func findDevice(ctx context.Context, st hub.Store, l i18n.Lang, ref string) (hub.Device, error) {
	dev, err := st.FindDevice(ctx, ref)
	switch {
	case errors.Is(err, hub.ErrNotFound):
		return dev, exitError{1, l.T("hub.revoke.unknown", ref)}
	case errors.Is(err, hub.ErrAmbiguous):
		return dev, exitError{1, l.T("hub.revoke.ambiguous", ref)}
	}
	return dev, err
}
