package discord

import (
	"errors"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	scrub "github.com/faqbot/faqbot/internal/redact"
	"github.com/faqbot/faqbot/internal/textnorm"
)

// maxErrorText bounds the text of an error from Discord's API: a 5xx body may be a whole HTML page.
const maxErrorText = 512

// interactionToken finds the token in the URL of an interaction's callback or webhook
// (/interactions/<id>/<token>/callback, /webhooks/<application id>/<token>/...): it lets anyone holding
// it answer the interaction for 15 minutes.
var interactionToken = regexp.MustCompile(`(/(?:interactions|webhooks)/[0-9]+/)[^/\s"?]+`)

// apiError is an error from Discord's API with the secrets taken out of its text: the bot token (which
// a proxy's error page may quote from the request's headers) and interactions' tokens (in the URL of a
// network error). It keeps what callers decide on: Discord's JSON error code, and a context error as
// its cause; the raw error (whose request carries the Authorization header) is not reachable from it.
type apiError struct {
	text  string
	code  int   // Discord's JSON error code, or 0
	cause error // context.Canceled or DeadlineExceeded when the call was cut short, else nil
}

func (e *apiError) Error() string { return e.text }
func (e *apiError) Unwrap() error { return e.cause }

// redact turns an error from discordgo into an apiError free of token (the session's "Bot <token>").
func redact(err error, token string) error {
	if err == nil {
		return nil
	}
	var done *apiError
	if errors.As(err, &done) {
		return err
	}
	text := err.Error()
	if token != "" {
		text = scrub.Text(text, token, strings.TrimPrefix(token, "Bot "))
	}
	text = interactionToken.ReplaceAllString(text, "${1}[token]")
	return &apiError{text: clipText(text, maxErrorText), code: restCode(err), cause: scrub.Cause(err)}
}

// clipText cuts s to at most n bytes at a rune boundary, marking the cut.
func clipText(s string, n int) string {
	if cut, clipped := textnorm.ClipBytes(s, n); clipped {
		return cut + "…"
	}
	return s
}

// restCode is Discord's JSON error code of a raw REST error, or 0.
func restCode(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	return 0
}

// code is Discord's JSON error code of an error from REST, or 0.
func code(err error) int {
	var e *apiError
	if errors.As(err, &e) {
		return e.code
	}
	return restCode(err)
}
