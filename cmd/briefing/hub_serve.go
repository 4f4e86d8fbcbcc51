package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"briefing/internal/hub"
	"briefing/internal/i18n"

	"github.com/spf13/cobra"
)

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
				keys, err := hub.LoadOrCreateBundleKeys(h.path())
				if err != nil {
					return exitError{1, l.T("bundle.hub.keys", err)}
				}
				opts.Keys = keys
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
				if insecure {
					fmt.Fprintln(out, l.T("hub.serve.plain"))
				}
				opts.Listened = func(a string) {
					fmt.Fprintln(out, l.T("hub.serve.listening", strings.Join(hubURLs(a, !insecure), "  ")))
					fmt.Fprintln(out, l.T("hub.serve.stop"))
				}
				ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				if err := hub.Serve(ctx, st, opts); err != nil {
					return err
				}
				fmt.Fprintln(out, l.T("hub.serve.stopped"))
				return nil
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

// hubURLs are the addresses laptops can enrol with: the listening address
// with its scheme, or, when it listens on every interface, one per address
// of this machine (loopback last).
func hubURLs(listen string, tls bool) []string {
	scheme := "https://"
	if !tls {
		scheme = "http://"
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return []string{scheme + listen}
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsUnspecified() {
		return []string{scheme + listen}
	}
	var urls, loopback []string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLinkLocalUnicast() {
			continue
		}
		u := scheme + net.JoinHostPort(n.IP.String(), port)
		if n.IP.IsLoopback() {
			loopback = append(loopback, u)
		} else {
			urls = append(urls, u)
		}
	}
	if urls = append(urls, loopback...); len(urls) == 0 {
		return []string{scheme + listen}
	}
	return urls
}
