package main

import (
	"context"
	"fmt"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/index"
	"github.com/faqbot/faqbot/knowledge"
)

// loadBank reads the knowledge at path, or the embedded default when path is empty.
func loadBank(path string) (*knowledge.Bank, knowledge.Problems, error) {
	if path == "" {
		return knowledge.Default()
	}
	return knowledge.LoadPath(path)
}

// openEngine loads the knowledge, indexes it and builds the answer engine. close releases the index.
func openEngine(ctx context.Context, g *globals) (eng *bot.Engine, close func() error, err error) {
	if g.threshold <= 0 || g.threshold > 1 {
		return nil, nil, usagef("--threshold %v: want a number in (0,1]", g.threshold)
	}
	bank, _, err := loadBank(g.knowledge)
	if err != nil {
		return nil, nil, fmt.Errorf("%w (run faqbot validate for every problem)", err)
	}
	eng, ix, err := buildEngine(ctx, bank, bot.Options{Threshold: g.threshold})
	if err != nil {
		return nil, nil, err
	}
	return eng, ix.Close, nil
}

// buildEngine indexes a bank and builds the answer engine over it; the index is the caller's to close.
func buildEngine(ctx context.Context, bank *knowledge.Bank, opts bot.Options) (*bot.Engine, *index.Index, error) {
	ix, err := index.Build(ctx, bank)
	if err != nil {
		return nil, nil, err
	}
	eng, err := bot.New(bank, ix, opts)
	if err != nil {
		_ = ix.Close()
		return nil, nil, err
	}
	return eng, ix, nil
}
