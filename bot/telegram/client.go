package telegram

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/faqbot/faqbot/internal/redact"
)

// Client is the Bot API client of the adapter: tgbotapi's, with the bot token taken out of every error
// it returns. The token is part of every request's URL, and Go's HTTP client quotes the URL in its errors
// (connection refused, EOF, timeouts), so any caller logging such an error would log the token. Every
// call to Telegram goes through Client, so none can forget.
type Client struct {
	api   *tgbotapi.BotAPI
	token string
}

// NewClient connects to the Bot API at endpoint (a format of the token and the method, like
// tgbotapi.APIEndpoint) through hc, and asks who the bot is (getMe).
func NewClient(token, endpoint string, hc *http.Client) (*Client, error) {
	api, err := tgbotapi.NewBotAPIWithClient(token, endpoint, hc)
	if err != nil {
		return nil, redactToken(err, token)
	}
	return &Client{api: api, token: token}, nil
}

// Self is the bot, as getMe described it.
func (c *Client) Self() tgbotapi.User { return c.api.Self }

// Request sends one request.
func (c *Client) Request(r tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	resp, err := c.api.Request(r)
	return resp, redactToken(err, c.token)
}

// GetUpdates fetches updates (polling).
func (c *Client) GetUpdates(config tgbotapi.UpdateConfig) ([]tgbotapi.Update, error) {
	updates, err := c.api.GetUpdates(config)
	return updates, redactToken(err, c.token)
}

// MakeRequest calls a Bot API method by name.
func (c *Client) MakeRequest(method string, params tgbotapi.Params) (*tgbotapi.APIResponse, error) {
	resp, err := c.api.MakeRequest(method, params)
	return resp, redactToken(err, c.token)
}

// redactToken returns err without token in its text. An API error (Telegram's answer, which the retry
// policy reads) keeps its type; any other error that shows the token is replaced by its redacted text,
// without what it wraps, which could still hold the URL.
func redactToken(err error, token string) error {
	if err == nil || token == "" {
		return err
	}
	var apiErr *tgbotapi.Error
	if errors.As(err, &apiErr) {
		if !strings.Contains(apiErr.Message, token) {
			return apiErr
		}
		redacted := *apiErr
		redacted.Message = redactText(apiErr.Message, token)
		return &redacted
	}
	text := err.Error()
	var urlErr *url.Error
	if !errors.As(err, &urlErr) && redactText(text, token) == text {
		return err
	}
	return &redactedError{text: redactText(text, token), cause: redact.Cause(err)}
}

// redactText takes the token out of s, as written and as escaped in a URL.
func redactText(s, token string) string {
	return redact.Text(s, token, url.PathEscape(token), url.QueryEscape(token))
}

// redactedError is an error's text with the token taken out. It unwraps to a context error when it was
// one (the request's URL, which holds the token, is not kept).
type redactedError struct {
	text  string
	cause error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.cause }
