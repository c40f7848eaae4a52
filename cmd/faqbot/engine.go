package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/internal/topicclass"
	"github.com/faqbot/faqbot/knowledge"
)

// config reads the settings every command shares with serve, in serve's order: flags, the environment
// (and a .env file in the working directory), the YAML file of --config or $FAQBOT_CONFIG, defaults.
// extra holds a command's own flags. Staff test what patients get.
func (g *globals) config(cmd *cobra.Command, extra config.Overrides) (config.Config, string, error) {
	if err := config.LoadDotEnv(".env"); err != nil {
		return config.Config{}, "", err
	}
	path := g.configPath
	if path == "" {
		path = os.Getenv("FAQBOT_CONFIG")
	}
	o := extra
	if cmd.Flags().Changed("knowledge") {
		o.Knowledge = &g.knowledge
	}
	if cmd.Flags().Changed("threshold") {
		o.Threshold = &g.threshold
	}
	cfg, err := config.Load(path, os.LookupEnv, o)
	if err != nil {
		return config.Config{}, "", &exitError{code: 1, msg: err.Error()}
	}
	return cfg, path, nil
}

// announce says on w which knowledge and configuration a command loaded.
func announce(w io.Writer, cfg config.Config, cfgPath string, bank *knowledge.Bank) {
	k, c := cfg.Knowledge, cfgPath
	if k == "" {
		k = "embedded default"
	}
	if c == "" {
		c = "none"
	}
	fmt.Fprintf(w, "faqbot: knowledge %s (%d entries), config %s\n", k, len(bank.Entries), c)
}

// engineOptions are the engine settings of cfg that every command shares with serve.
func engineOptions(cfg config.Config) bot.Options {
	msgs := map[string]bot.Messages{}
	for lang, m := range cfg.Messages {
		msgs[lang] = bot.Messages{Disclaimer: m.Disclaimer, NoMatch: m.NoMatch, Urgent: m.Urgent, Clinic: m.Clinic, Contact: m.Contact, Busy: m.Busy}
	}
	clinic := map[string]bot.ClinicDetails{}
	for lang, c := range cfg.Clinic {
		clinic[lang] = bot.ClinicDetails{Name: c.Name, Phone: c.Phone, Hours: c.Hours, Address: c.Address, Booking: c.Booking}
	}
	return bot.Options{Threshold: cfg.Threshold, Messages: msgs, Clinic: clinic}
}

// loadBank reads the knowledge at path, or the embedded default when path is empty.
func loadBank(path string) (*knowledge.Bank, knowledge.Problems, error) {
	if path == "" {
		return knowledge.Default()
	}
	return knowledge.LoadPath(path)
}

// openEngine reads the configuration, loads its knowledge, indexes it and builds the answer engine as
// serve would, saying on stderr what it loaded. close releases the index.
func openEngine(cmd *cobra.Command, g *globals) (eng *bot.Engine, close func() error, err error) {
	if g.threshold <= 0 || g.threshold > 1 {
		return nil, nil, usagef("--threshold %v: want a number in (0,1]", g.threshold)
	}
	cfg, cfgPath, err := g.config(cmd, config.Overrides{})
	if err != nil {
		return nil, nil, err
	}
	bank, _, err := loadBank(cfg.Knowledge)
	if err != nil {
		return nil, nil, fmt.Errorf("%w (run faqbot validate for every problem)", err)
	}
	announce(cmd.ErrOrStderr(), cfg, cfgPath, bank)
	eng, ix, err := buildEngine(cmd.Context(), bank, engineOptions(cfg))
	if err != nil {
		return nil, nil, err
	}
	return eng, ix.Close, nil
}

// buildEngine indexes a bank, trains its topic classifier and builds the answer engine over both; the
// index is the caller's to close.
func buildEngine(ctx context.Context, bank *knowledge.Bank, opts bot.Options) (*bot.Engine, *index.Index, error) {
	ix, err := index.Build(ctx, bank)
	if err != nil {
		return nil, nil, err
	}
	if opts.Topics, err = topicclass.For(ctx, bank); err != nil {
		_ = ix.Close()
		return nil, nil, err
	}
	eng, err := bot.New(bank, ix, opts)
	if err != nil {
		_ = ix.Close()
		return nil, nil, err
	}
	return eng, ix, nil
}
