package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"
)

// newHealthcheckCmd asks a running faqbot serve whether it is alive: the Docker HEALTHCHECK, which
// has no curl in a distroless image.
func newHealthcheckCmd() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Exit 0 when the local faqbot serve answers /healthz",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if addr == "" {
				addr = os.Getenv("FAQBOT_HTTP_ADDR")
			}
			if addr == "" {
				addr = ":8080"
			}
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return usagef("address %q: want host:port", addr)
			}
			if host == "" || host == "0.0.0.0" || host == "::" {
				host = "127.0.0.1"
			}
			client := &http.Client{Timeout: 3 * time.Second}
			resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
			if err != nil {
				return &exitError{code: 1, msg: fmt.Sprintf("unhealthy: %v", err)}
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return &exitError{code: 1, msg: fmt.Sprintf("unhealthy: /healthz answered %s", resp.Status)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), "ok")
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "", "the service's listen address (default: $FAQBOT_HTTP_ADDR or :8080)")
	return cmd
}
