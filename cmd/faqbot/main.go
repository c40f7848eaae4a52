// Command faqbot answers patients' questions about stem cell therapy from the clinic's knowledge, and
// gives clinic staff the tools to test every answer: ask, chat, topics, validate and eval.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/faqbot/faqbot/bot"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// exitError carries a process exit code for a failure that has already been reported.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// run executes one command line and returns the process exit code: 0 success, 1 a check failed
// (validation, evaluation floors) or the work failed, 2 the command line itself is wrong.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(stderr, "faqbot: %s\n", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "faqbot: %v\n", err)
	if isUsage(err) {
		return 2
	}
	return 1
}

// globals are the flags every command shares.
type globals struct {
	configPath string
	knowledge  string
	threshold  float64
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "faqbot",
		Short:         "Answer patients' questions about stem cell therapy from the clinic's knowledge",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown command %q (see faqbot --help)", args[0])
			}
			return cmd.Help()
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.configPath, "config", "", "YAML configuration file (default: $FAQBOT_CONFIG); every command reads it, and .env")
	pf.StringVar(&g.knowledge, "knowledge", "", "knowledge folder or file (default: $FAQBOT_KNOWLEDGE, else the embedded knowledge)")
	pf.Float64Var(&g.threshold, "threshold", bot.DefaultThreshold, "minimum confidence to answer, in (0,1]")
	root.AddCommand(newAskCmd(g), newChatCmd(g), newTopicsCmd(g), newValidateCmd(g), newEvalCmd(g),
		newServeCmd(g), newHealthcheckCmd(), newReportCmd(g), newLoadtestCmd(g), newReviewCmd(g), newExportCmd(g))
	return root
}

// usageError marks a mistake in the command line itself.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// usageArgs marks the errors of a command's argument check as usage errors (exit code 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
