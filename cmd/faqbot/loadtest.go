package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/loadtest"
)

// newLoadtestCmd starts a faqbot serve of this binary on loopback, drives its Telegram webhook and
// Discord interactions endpoint at a fixed rate for a bounded time, and reports; it exits 1 when a
// request failed or the p99 latency is over --max-p99.
func newLoadtestCmd(g *globals) *cobra.Command {
	var (
		load        = loadtest.Load{Rate: 2000, Duration: 60 * time.Second, Workers: 256, TelegramShare: 0.5}
		store       string
		asJSON      bool
		maxP99      time.Duration
		maxErrors   int
		warmup      time.Duration
		profile     string
		driverProcs int
		reply       string
	)
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: "Drive a local faqbot serve with Telegram and Discord traffic and report throughput, latency and memory",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if load.Rate <= 0 || load.Duration <= 0 || load.Duration > time.Hour || load.Workers < 1 || load.TelegramShare < 0 || load.TelegramShare > 1 || driverProcs < 1 {
				return usagef("want --rate > 0, 0 < --duration <= 1h, --workers >= 1, --driver-procs >= 1 and --telegram-share in [0,1]")
			}
			if reply != "response" && reply != "api" {
				return usagef("--telegram-reply %q: want response or api", reply)
			}
			self, err := os.Executable()
			if err != nil {
				return fmt.Errorf("loadtest: find this binary: %w", err)
			}
			dir, err := os.MkdirTemp("", "faqbot-loadtest-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			runtime.GOMAXPROCS(driverProcs) // the server under test gets the rest of the machine
			load.FirstID = time.Now().UnixMilli() % 1e9 * 1000
			o := loadtest.Options{Load: load, Warmup: warmup,
				Serve: loadtest.ServeOptions{Command: []string{self, "serve"}, Knowledge: g.knowledge, Threshold: g.threshold, Reply: reply, Store: store, Dir: dir}}
			if profile != "" {
				f, err := os.Create(profile)
				if err != nil {
					return fmt.Errorf("loadtest: %w", err)
				}
				defer f.Close()
				o.Profile = f
			}
			r, err := loadtest.Run(cmd.Context(), o)
			if err != nil {
				return err
			}
			if asJSON {
				if err := r.WriteJSON(cmd.OutOrStdout()); err != nil {
					return err
				}
			} else {
				r.WriteText(cmd.OutOrStdout())
			}
			switch {
			case r.Failed+r.NotSent > maxErrors:
				return &exitError{code: 1, msg: fmt.Sprintf("%d requests failed or were not sent (allowed: %d)", r.Failed+r.NotSent, maxErrors)}
			case maxP99 > 0 && r.Latency.P99 > maxP99:
				return &exitError{code: 1, msg: fmt.Sprintf("p99 latency %v is over %v", r.Latency.P99, maxP99)}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.Float64Var(&load.Rate, "rate", load.Rate, "requests per second")
	f.DurationVar(&load.Duration, "duration", load.Duration, "how long to drive (at most 1h)")
	f.IntVar(&load.Workers, "workers", load.Workers, "requests in flight at most")
	f.Float64Var(&load.TelegramShare, "telegram-share", load.TelegramShare, "share of Telegram webhook updates; the rest are Discord interactions")
	f.StringVar(&store, "store", "", "the server's store (default: a fresh SQLite file; a postgres:// URL to measure PostgreSQL)")
	f.StringVar(&reply, "telegram-reply", "response", "how the server sends Telegram replies: response (in the webhook response) or api (through the fake Bot API)")
	f.DurationVar(&warmup, "warmup", 5*time.Second, "unmeasured warm-up at the same rate")
	f.DurationVar(&maxP99, "max-p99", 0, "exit 1 when the p99 latency is over this (0: report only)")
	f.IntVar(&maxErrors, "max-errors", 0, "exit 1 when more requests than this fail or cannot be sent")
	f.BoolVar(&asJSON, "json", false, "print the report as JSON")
	f.IntVar(&driverProcs, "driver-procs", 1, "processors the load generator and fake API may use at once (GOMAXPROCS); the server is not limited")
	f.StringVar(&profile, "profile", "", "write a CPU profile of the server under load to this file (go tool pprof)")
	return cmd
}
