package redact

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

func TestText(t *testing.T) {
	if got := Text("GET /bot123:abc/x?t=123%3Aabc", "123:abc", "123%3Aabc", ""); got != "GET /bot[token]/x?t=[token]" {
		t.Errorf("got %q", got)
	}
}

func TestCause(t *testing.T) {
	for _, c := range []error{context.Canceled, context.DeadlineExceeded} {
		if got := Cause(fmt.Errorf("post: %w", c)); got != c {
			t.Errorf("got %v, want %v", got, c)
		}
	}
	if got := Cause(errors.New("refused")); got != nil {
		t.Errorf("got %v, want nil", got)
	}
}
