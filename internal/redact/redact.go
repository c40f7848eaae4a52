// Package redact takes secrets out of error texts before they leave a platform client, keeping only the
// part of the cause that callers act on: whether it was a cancellation or a deadline.
package redact

import (
	"context"
	"errors"
	"strings"
)

// Text replaces every non-empty form of a secret in s with "[token]".
func Text(s string, forms ...string) string {
	for _, f := range forms {
		if f != "" {
			s = strings.ReplaceAll(s, f, "[token]")
		}
	}
	return s
}

// Cause is the context error err stands for (context.Canceled or context.DeadlineExceeded), or nil: what
// a redacted error may still unwrap to, since the original may hold a secret in its URL or headers.
func Cause(err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return context.DeadlineExceeded
	}
	return nil
}
