package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/reload"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

func newServeCmd(g *globals) *cobra.Command {
	var addr, store, logLevel, logFormat string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the bot as a service: HTTP health, readiness and metrics, knowledge hot reload, adapters",
		Long: "Run faqbot as a long-running service. Settings come from flags, then the environment (and a .env\n" +
			"file), then the YAML file given by --config or FAQBOT_CONFIG, then defaults; see configs/.",
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			var o config.Overrides
			o.HTTPAddr, o.Store = ifSet(changed("http-addr"), &addr), ifSet(changed("store"), &store)
			o.LogLevel, o.LogFormat = ifSet(changed("log-level"), &logLevel), ifSet(changed("log-format"), &logFormat)
			cfg, _, err := g.config(cmd, o)
			if err != nil {
				return err
			}
			return serve(cmd.Context(), cfg, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "http-addr", "", "HTTP listen address, such as :8080 (FAQBOT_HTTP_ADDR)")
	f.StringVar(&store, "store", "", "store DSN: a SQLite file or a postgres:// URL (FAQBOT_STORE)")
	f.StringVar(&logLevel, "log-level", "", "debug, info, warn or error (FAQBOT_LOG_LEVEL)")
	f.StringVar(&logFormat, "log-format", "", "text or json (FAQBOT_LOG_FORMAT)")
	return cmd
}

func ifSet(set bool, v *string) *string {
	if set {
		return v
	}
	return nil
}

// serve runs the service until ctx ends (SIGINT or SIGTERM), reloading the knowledge on SIGHUP.
func serve(ctx context.Context, cfg config.Config, stderr io.Writer) error {
	m := NewMain(cfg, stderr)
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	return m.Run(ctx)
}

// engineBuilder loads the knowledge and builds an engine over it; a load that fails logs every problem.
// With index.path, indexes are kept on disk: unchanged knowledge reuses its saved index, and at start
// changed knowledge is served from the index saved before while its own is built (a stale first build).
func engineBuilder(cfg config.Config, metrics *bot.Metrics, log *slog.Logger) (reload.Builder, error) {
	opts := engineOptions(cfg)
	opts.Metrics, opts.Gate = metrics, bot.NewGate(cfg.MaxInFlight)
	opts.Log, opts.LogText = log, cfg.Log.Text
	var cache *index.Cache
	if cfg.Index.Path != "" {
		var err error
		if cache, err = index.NewCache(cfg.Index.Path); err != nil {
			return nil, err
		}
	}
	var started atomic.Bool
	return func(ctx context.Context) (reload.Built, error) {
		first := !started.Swap(true)
		bank, problems, err := loadBank(cfg.Knowledge)
		if err != nil {
			for _, p := range problems {
				level := slog.LevelError
				if p.Severity != knowledge.Error {
					level = slog.LevelWarn
				}
				log.Log(ctx, level, "knowledge problem", "at", p.Pos.String(), "severity", string(p.Severity), "problem", p.Msg)
			}
			return reload.Built{}, err
		}
		if cache == nil {
			eng, ix, err := buildEngine(ctx, bank, opts)
			if err != nil {
				return reload.Built{}, err
			}
			return reload.Built{Engine: eng, Closer: ix, Entries: len(bank.Entries)}, nil
		}
		start := time.Now()
		opened, err := cache.Serve(ctx, bank, first)
		if err != nil {
			return reload.Built{}, err
		}
		if !opened.Stale {
			log.Info("index ready", "reused", opened.Reused, "entries", len(bank.Entries), "took", time.Since(start).Round(time.Millisecond))
		}
		bank, ix := opened.Bank, opened.Index
		o := opts
		if o.Topics, err = topicclass.For(ctx, bank); err != nil {
			_ = ix.Close()
			return reload.Built{}, err
		}
		eng, err := bot.New(bank, ix, o)
		if err != nil {
			_ = ix.Close()
			return reload.Built{}, err
		}
		return reload.Built{Engine: eng, Closer: ix, Entries: len(bank.Entries), Stale: opened.Stale}, nil
	}, nil
}

// watchKnowledge reloads on SIGHUP, and on file changes when the knowledge is on disk.
func watchKnowledge(ctx context.Context, cfg config.Config, live *reload.Engine, log *slog.Logger) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				_ = live.Reload(ctx)
			}
		}
	}()
	if !cfg.Reload.Watch || cfg.Knowledge == "" {
		return nil
	}
	return reload.Watch(ctx, cfg.Knowledge, cfg.Reload.Debounce, func() { _ = live.Reload(ctx) }, log)
}

// storeKind names the store without its DSN, which may hold a password.
func storeKind(dsn string) string {
	if store.IsPostgres(dsn) {
		return "postgresql"
	}
	return "sqlite " + dsn
}

func knowledgeName(path string) string {
	if path == "" {
		return "embedded"
	}
	return path
}

func newLogger(c config.Log, w io.Writer) (*slog.Logger, error) {
	level, err := c.SlogLevel()
	if err != nil {
		return nil, err
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}
