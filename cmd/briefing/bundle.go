package main

// briefing bundle export|receipt|import (a laptop) and briefing hub
// import|bundle (the district): the sync exchange on a USB stick. The work
// is in internal/sync (the envelope, the device's side) and internal/hub.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/hub"
	"briefing/internal/i18n"
	"briefing/internal/regularfile"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
	"briefing/internal/textvi"

	"github.com/spf13/cobra"
)

func newBundleCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "bundle", Short: g.helpLang.T("cli.help.cmd.bundle")}
	cmd.AddCommand(newBundleExportCmd(g), newBundleReceiptCmd(g), newBundleImportCmd(g))
	return cmd
}

func newBundleExportCmd(g *globals) *cobra.Command {
	var out string
	var anew bool
	cmd := &cobra.Command{
		Use:   "export [-o FILE]",
		Short: g.helpLang.T("cli.help.cmd.bundle.export"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(cmd, g, func(e *env) error {
				l := e.lang
				if out == "" {
					out = defaultUpName(cmd.Context(), e)
				}
				if err := checkBundleOutput(l, out, ownFiles(e.dir)...); err != nil {
					return err
				}
				d := &bsync.Device{Store: e.store, Dir: e.dir}
				export := d.Export
				if anew {
					export = d.ExportAnew
				}
				x, err := export(cmd.Context(), out)
				if errors.Is(err, bsync.ErrNothingToExport) {
					fmt.Fprintln(e.out, l.T("bundle.export.nothing"))
					return nil
				}
				if err != nil {
					return bundleError(l, out, err)
				}
				m := x.Manifest
				if m.Count > 0 {
					fmt.Fprintln(e.out, l.T("bundle.export.done", out, m.Count, m.From, m.To, sizeText(l, int64(x.Bytes))))
				} else {
					fmt.Fprintln(e.out, l.T("bundle.export.enrolonly", out, sizeText(l, int64(x.Bytes))))
				}
				if x.Enrol {
					fmt.Fprintln(e.out, l.T("bundle.export.enrol"))
				}
				fmt.Fprintln(e.out, l.T("bundle.export.expires", m.Expires.In(hub.VN).Format("02/01/2006")))
				fmt.Fprintln(e.out, l.T("bundle.export.verified"))
				fmt.Fprintln(e.out, l.T("bundle.export.next", filepath.Base(out), filepath.Base(bsync.ReceiptPath(out))))
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", g.helpLang.T("cli.help.flag.bundle.out"))
	cmd.Flags().BoolVar(&anew, "anew", false, g.helpLang.T("cli.help.flag.bundle.anew"))
	return cmd
}

func newBundleReceiptCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "receipt FILE",
		Short: g.helpLang.T("cli.help.cmd.bundle.receipt"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error {
				l := e.lang
				path := args[0]
				// The bundle's name leads to its receipt beside it.
				if !strings.HasSuffix(path, ".receipt") {
					if _, err := os.Stat(bsync.ReceiptPath(path)); err == nil {
						path = bsync.ReceiptPath(path)
					}
				}
				d := &bsync.Device{Store: e.store, Dir: e.dir}
				a, err := d.ApplyReceipt(cmd.Context(), path)
				switch {
				case errors.Is(err, store.ErrReceiptEpoch):
					fmt.Fprintln(e.out, l.T("bundle.receipt.epoch", path))
					return nil
				case errors.Is(err, store.ErrReceiptAhead):
					return exitError{1, l.T("bundle.receipt.ahead", path)}
				case err != nil:
					return bundleError(l, path, err)
				}
				r := a.Receipt
				fmt.Fprintln(e.out, l.T("bundle.receipt.done", r.Hub, r.Imported.In(hub.VN).Format("15:04 02/01/2006"), r.Acked, a.Newly, a.Pending))
				if r.HeldTotal > 0 {
					fmt.Fprintln(e.out, l.T("bundle.receipt.held", r.HeldTotal))
				}
				return nil
			})
		},
	}
}

func newBundleImportCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: g.helpLang.T("cli.help.cmd.bundle.import"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error {
				l := e.lang
				d := &bsync.Device{Store: e.store, Dir: e.dir}
				res, err := d.Import(cmd.Context(), args[0])
				var other *bsync.ForError
				if errors.As(err, &other) {
					// The unit by its name, as the catalog on this laptop has it.
					name := other.ID
					if cat, err := e.att.Catalog(cmd.Context()); err == nil {
						if u, ok := cat.Unit(other.ID); ok {
							name = u.Name
						}
					}
					return exitError{1, l.T("bundle.err.otherunit", args[0], shownUnit(name))}
				}
				if err != nil {
					return bundleError(l, args[0], err)
				}
				if res.Already {
					fmt.Fprintln(e.out, l.T("bundle.import.already", args[0]))
					return nil
				}
				p := res.Pulled
				fmt.Fprintln(e.out, l.T("bundle.import.done", args[0], p.Decks, p.Units, p.Aliases, p.Answers))
				if res.Pending > 0 {
					fmt.Fprintln(e.out, l.T("bundle.import.pending", res.Pending))
				}
				return nil
			})
		},
	}
}

// newHubImportCmd: briefing hub import FILE... Each bundle is checked and
// applied whole or refused whole; the others go on.
func newHubImportCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE...",
		Short: h.g.helpLang.T("cli.help.cmd.hub.import"),
		Args:  argsMin(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				keys, err := hub.LoadOrCreateBundleKeys(h.path())
				if err != nil {
					return exitError{1, l.T("bundle.hub.keys", err)}
				}
				out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
				failed := 0
				for _, path := range args {
					err := hubImportOne(cmd.Context(), st, keys, l, path, out)
					// A stick holds the hub's own bundles for the units too:
					// among several files they are passed over, not refused.
					if len(args) > 1 && errors.Is(err, bsync.ErrBundleIsDown) {
						fmt.Fprintln(out, l.T("bundle.hub.skipdown", filepath.Base(path)))
						continue
					}
					if err != nil {
						fmt.Fprintln(errOut, bundleError(l, path, err))
						failed++
					}
				}
				if failed > 0 {
					return exitError{1, l.T("bundle.hub.failed", failed, len(args))}
				}
				return nil
			})
		},
	}
}

func hubImportOne(ctx context.Context, st hub.Store, keys *hub.BundleKeys, l i18n.Lang, path string, out io.Writer) error {
	data, err := regularfile.Read(path, bsync.MaxBundleBytes)
	if err != nil {
		return err
	}
	res, err := hub.ImportBundle(ctx, st, keys, data, time.Now())
	if err != nil {
		return err
	}
	name := filepath.Base(path)
	dev := res.Device
	who := deviceWords(ctx, st, dev)
	switch {
	case res.Replayed:
		fmt.Fprintln(out, l.T("bundle.hub.replayed", name, who, res.ImportedAt.In(hub.VN).Format("15:04 02/01/2006")))
	case res.Enrolled:
		fmt.Fprintln(out, l.T("bundle.hub.enrolled", name, who))
	}
	if !res.Replayed {
		fmt.Fprintln(out, l.T("bundle.hub.imported", name, who, res.Fresh, res.Manifest.Count, res.Response.Acked))
	}
	if r := res.Response; r.Expected > 0 {
		fmt.Fprintln(out, l.T("bundle.hub.waiting", name, r.Expected, r.Expected))
	}
	if n := res.Response.HeldTotal; n > 0 {
		fmt.Fprintln(out, l.T("bundle.hub.heldsome", name, n))
	}
	receipt := bsync.ReceiptPath(path)
	if err := bsync.WriteFileSafely(receipt, res.Receipt); err != nil {
		// The bundle is applied and recorded; importing it again from a
		// stick that takes the file writes its receipt again.
		return exitError{1, l.T("bundle.err.receiptwrite", name, receipt, pathErrorReason(err))}
	}
	fmt.Fprintln(out, l.T("bundle.hub.receipt", name, receipt))
	return nil
}

// newHubBundleCmd: briefing hub bundle --unit U [-o FILE] [--after N].
func newHubBundleCmd(h *hubFlags) *cobra.Command {
	var unitName, out string
	var after int64
	cmd := &cobra.Command{
		Use:   "bundle --unit U [-o FILE]",
		Short: h.g.helpLang.T("cli.help.cmd.hub.bundle"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				if unitName == "" {
					return exitError{2, l.T("hub.enroll.needunit")}
				}
				if after < 0 {
					return exitError{2, l.T("bundle.hub.after", after)}
				}
				u, err := resolveUnit(cmd.Context(), st, l, unitName)
				if err != nil {
					return err
				}
				if out == "" {
					out = fmt.Sprintf("briefing-%s-%s.bundle", slugOf(u.Name), time.Now().Format("20060102-150405"))
				}
				if err := checkBundleOutput(l, out, h.ownFiles()...); err != nil {
					return err
				}
				keys, err := hub.LoadOrCreateBundleKeys(h.path())
				if err != nil {
					return exitError{1, l.T("bundle.hub.keys", err)}
				}
				b, err := hub.WriteDownBundle(cmd.Context(), st, keys, u.ID, after, time.Now())
				var past *hub.PastFeedError
				switch {
				case errors.Is(err, hub.ErrNoDevices):
					return exitError{1, l.T("bundle.hub.nodevices", u.Name)}
				case errors.As(err, &past):
					return exitError{2, l.T("bundle.hub.afterhead", past.After, past.Head)}
				}
				if err != nil {
					return err
				}
				if err := bsync.WriteFileSafely(out, b.Data); err != nil {
					return exitError{1, l.T("bundle.err.write", out, pathErrorReason(err))}
				}
				m := b.Manifest
				fmt.Fprintln(cmd.OutOrStdout(), l.T("bundle.hub.written", out, u.Name, m.Count, sizeText(l, int64(len(b.Data))), b.Devices))
				fmt.Fprintln(cmd.OutOrStdout(), l.T("bundle.hub.next", filepath.Base(out)))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&unitName, "unit", "", h.g.helpLang.T("cli.help.flag.hub.unit"))
	f.StringVarP(&out, "output", "o", "", h.g.helpLang.T("cli.help.flag.bundle.out"))
	f.Int64Var(&after, "after", 0, h.g.helpLang.T("cli.help.flag.hub.after"))
	return cmd
}

// checkBundleOutput refuses to write a bundle over a folder, a device, or
// one of the program's own files.
func checkBundleOutput(l i18n.Lang, out string, own ...string) error {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return exitError{2, l.T("cli.file.notregular", out)}
	}
	if err := checkNotOwn(l, out, own...); err != nil {
		return err
	}
	dir := filepath.Dir(out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return exitError{1, l.T("cli.export.nodir", out, dir)}
	}
	return nil
}

// bundleError says in l why a bundle or receipt at path was refused.
func bundleError(l i18n.Lang, path string, err error) error {
	var ref *hub.Refusal
	var pe *fs.PathError
	var feed *bsync.FeedError
	var other *bsync.ForError
	var expired *bsync.ExpiredError
	if errors.As(err, new(exitError)) {
		return err
	}
	switch {
	case errors.Is(err, bsync.ErrNotBundle):
		return exitError{1, notABundle(l, path)}
	case errors.As(err, &feed) && errors.Is(err, bsync.ErrBundleOlder):
		return exitError{1, l.T("bundle.err.older", path, feed.To, feed.Cursor)}
	case errors.As(err, &feed):
		return exitError{1, l.T("bundle.err.gap", path, feed.From, feed.Cursor, feed.Cursor)}
	case errors.As(err, &other) && errors.Is(err, bsync.ErrBundleOtherUnit):
		return exitError{1, l.T("bundle.err.otherunit", path, other.ID)}
	case errors.As(err, &other):
		return exitError{1, l.T("bundle.err.otherdevice", path, other.ID)}
	case errors.Is(err, store.ErrNotEnrolled):
		return exitError{1, l.T("bundle.err.notenrolled")}
	case errors.Is(err, bsync.ErrNoHubKeys):
		return exitError{1, l.T("bundle.err.nohubkeys")}
	case errors.Is(err, regularfile.ErrNotRegular):
		return exitError{1, l.T("cli.file.notregular", path)}
	case errors.Is(err, regularfile.ErrTooLarge):
		return exitError{1, l.T("bundle.err.large", path, err)}
	case errors.Is(err, bsync.ErrNotReceipt), strings.HasSuffix(path, ".bundle") && errors.Is(err, regularfile.ErrTooLarge):
		if head, _ := regularfile.Read(path, bsync.MaxBundleBytes); strings.HasPrefix(string(head), "briefing-bundle 1\n") {
			return exitError{1, l.T("bundle.err.isbundle", path, bsync.ReceiptPath(path))}
		}
		return exitError{1, l.T("bundle.err.notreceipt", path)}
	case errors.Is(err, bsync.ErrBundleSignature):
		return exitError{1, l.T("bundle.err.signature", path)}
	case errors.Is(err, bsync.ErrBundleHash):
		return exitError{1, l.T("bundle.err.hash", path)}
	case errors.Is(err, bsync.ErrBundleFormat):
		return exitError{1, l.T("bundle.err.format", path, detail(err, bsync.ErrBundleFormat))}
	case errors.As(err, &expired):
		return exitError{1, l.T("bundle.err.expired", path, expired.Created.In(hub.VN).Format("02/01/2006"), expired.Expires.In(hub.VN).Format("02/01/2006"))}
	case errors.Is(err, bsync.ErrBundleReplayed):
		return exitError{1, l.T("bundle.err.replayed", path, detail(err, bsync.ErrBundleReplayed))}
	case errors.Is(err, bsync.ErrBundleOtherHub):
		return exitError{1, l.T("bundle.err.otherhub", path, detail(err, bsync.ErrBundleOtherHub))}
	case errors.Is(err, bsync.ErrBundleIsDown):
		return exitError{1, l.T("bundle.err.isdown", path)}
	case errors.Is(err, bsync.ErrBundleIsUp):
		return exitError{1, l.T("bundle.err.isup", path)}
	case errors.Is(err, bsync.ErrBundleOrigin):
		return exitError{1, l.T("bundle.err.origin", path, detail(err, bsync.ErrBundleOrigin))}
	case errors.Is(err, bsync.ErrBundleUnknown):
		return exitError{1, l.T("bundle.err.unknown", path, detail(err, bsync.ErrBundleUnknown))}
	case errors.Is(err, bsync.ErrBundleRevoked):
		return exitError{1, l.T("bundle.err.revoked", path, detail(err, bsync.ErrBundleRevoked))}
	case errors.Is(err, bsync.ErrBundleNotForMe):
		return exitError{1, l.T("bundle.err.notforme", path)}
	case errors.Is(err, bsync.ErrKeysOfAnotherDevice):
		return exitError{1, l.T("sync.keys.other", path, err)}
	case errors.As(err, &ref):
		switch code := ref.Wire.Code; code {
		case bsync.CodeCodeExpired, bsync.CodeCodeUsed, bsync.CodeCodeUnknown, bsync.CodeCodeOtherDevice, bsync.CodeDeviceKnown:
			return exitError{1, l.T("bundle.err.code", path, l.T("bundle.code."+code))}
		case bsync.CodeConflict:
			return exitError{1, l.T("bundle.err.conflict", path, ref.Wire.Seq)}
		}
		return exitError{1, l.T("bundle.err.refused", path, textvi.FieldText(ref.Wire.Error()))}
	case errors.As(err, &pe):
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
			return exitError{1, openProblem(l, path, err)}
		}
		return exitError{1, l.T("bundle.err.write", path, pathErrorReason(err))}
	}
	return exitError{1, l.T("bundle.err.refused", path, textvi.FieldText(err.Error()))}
}

// notABundle says what a file that is no bundle is, when it is something
// this program wrote: a receipt, an enrolment file.
func notABundle(l i18n.Lang, path string) string {
	head, _ := regularfile.Read(path, 64<<10)
	switch {
	case strings.HasPrefix(string(head), "briefing-receipt 1\n"):
		return l.T("bundle.err.isreceipt", path)
	case strings.Contains(string(head), `"code"`) && strings.HasPrefix(strings.TrimSpace(string(head)), "{"):
		return l.T("bundle.err.isenrol", path)
	}
	return l.T("bundle.err.notbundle", path)
}

// detail is err's text after the sentinel's (what the wrapping added).
func detail(err, sentinel error) string {
	s := strings.TrimPrefix(err.Error(), sentinel.Error())
	s = strings.TrimPrefix(s, ": ")
	if s == "" {
		s = sentinel.Error()
	}
	return textvi.FieldText(s)
}

// sizeText is a byte count for a person: KB or MB, with the language's
// decimal mark.
func sizeText(l i18n.Lang, n int64) string {
	s := fmt.Sprintf("%d B", n)
	switch {
	case n >= 1<<20:
		s = fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		s = fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	if l == i18n.VI {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// defaultUpName names an up bundle by its unit, its laptop and the time:
// bundles of several wards on one stick are told apart.
func defaultUpName(ctx context.Context, e *env) string {
	unit := "may"
	if st, err := e.store.SyncState(ctx); err == nil && st.UnitName != "" {
		unit = slugOf(st.UnitName)
	}
	id := e.store.DeviceID()
	return fmt.Sprintf("briefing-%s-%s-%s.bundle", unit, id[len(id)-4:], time.Now().Format("20060102-1504"))
}

// deviceWords names a device for the district: its name and unit, then its id.
func deviceWords(ctx context.Context, st hub.Store, dev hub.Device) string {
	unitName := dev.UnitID
	if cat, err := st.Catalog(ctx); err == nil {
		if u, ok := cat.Unit(dev.UnitID); ok {
			unitName = u.Name
		}
	}
	name := textvi.FieldText(dev.Name)
	if name == "" {
		return fmt.Sprintf("%s, %s", textvi.FieldText(unitName), dev.ID)
	}
	return fmt.Sprintf("%s (%s), %s", name, textvi.FieldText(unitName), dev.ID)
}

// slugOf is a file-name-safe, accent-free form of a unit's name.
func slugOf(name string) string {
	var b strings.Builder
	for _, r := range textvi.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "unit"
	}
	return s[:min(len(s), 40)]
}
