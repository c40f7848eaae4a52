package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/internal/config"
	"github.com/faqbot/faqbot/knowledge"
)

// exporter is the writer of an export format, or nil.
func exporter(format string) func(io.Writer, *knowledge.Bank) error {
	switch format {
	case "csv":
		return knowledge.WriteCSV
	case "yaml":
		return knowledge.WriteYAML
	}
	return nil
}

func newExportCmd(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format csv|yaml [--out FILE]",
		Short: "Write the whole knowledge as one CSV sheet or one YAML file, to edit it and load it back",
		Long: "Write every entry of the knowledge (--knowledge, $FAQBOT_KNOWLEDGE or the configuration's, else the\n" +
			"embedded knowledge) in every language, in the order loaded, as one file that loads back as the same\n" +
			"entries: guide sections and out-of-scope entries keep their kind. An entry the format cannot carry\n" +
			"exactly (a \"|\" in a CSV list item) is an error naming it, and nothing is written. CSV cells are\n" +
			"exact, also those a spreadsheet would run as formulas: import the sheet with text columns.\n" +
			"Lexicons, replies and acts are not exported; keep their files beside the export (see\n" +
			"knowledge/FORMAT.md). --out is written whole or not at all: keep it out of the knowledge folder.",
		Example: "  faqbot export --format csv --out knowledge.csv\n  faqbot export --format yaml --knowledge ./kb > kb.yaml",
		Args:    usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			write := exporter(format)
			if write == nil {
				return usagef("--format %q: want csv or yaml", format)
			}
			cfg, cfgPath, err := g.config(cmd, config.Overrides{})
			if err != nil {
				return err
			}
			bank, _, err := loadBank(cfg.Knowledge)
			if err != nil {
				return fmt.Errorf("%w (run faqbot validate for every problem)", err)
			}
			announce(cmd.ErrOrStderr(), cfg, cfgPath, bank)
			export := func(w io.Writer) error { return write(w, bank) }
			if out == "" || out == "-" {
				return export(cmd.OutOrStdout())
			}
			return writeFileAtomic(out, export)
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "csv or yaml (required)")
	f.StringVar(&out, "out", "", "file to write (default: stdout)")
	return cmd
}

// writeFileAtomic writes a file through a hidden temporary file beside it, renamed over it once write
// has succeeded, so that a failure never leaves half a file (nor a file the knowledge loader would read:
// it skips hidden files). An existing file keeps its permissions; a new one is readable by all.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	err = write(tmp)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
