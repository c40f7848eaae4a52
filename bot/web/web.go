// Package web is the HTTP JSON adapter: POST /v1/ask answers one question with the same object as
// `faqbot ask --json`, and POST /v1/feedback records whether an answer given to that user helped. It
// serves a clinic's own website or tools, and load tests of the serve process; it takes JSON bodies only
// and may limit each client's rate.
package web

import (
	"context"
	"encoding/json"
	"errors"
	"mime"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/faqbot/faqbot/bot"
	"github.com/faqbot/faqbot/internal/guard"
	"github.com/faqbot/faqbot/internal/store"
	"github.com/faqbot/faqbot/knowledge"
)

// answerer is what the adapter needs from the engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// FeedbackFunc records a user's verdict on an answer given to them; it returns an error wrapping
// store.ErrNotGiven for any other answer.
type FeedbackFunc func(ctx context.Context, user, answerID, lang string, helpful bool) error

// Bounds of a request's fields, in bytes: the engine reads at most a few thousand characters of a
// question; a user is an opaque key of a session.
const (
	maxQuestion = 16 << 10
	maxUser     = 256
)

// MaxRequestBytes bounds a /v1 request's body: a question of at most 16 KiB (longer ones get 400) with
// its envelope and escapes. The server applies it before the handler reads.
const MaxRequestBytes = 32 << 10

// Options configure the API.
type Options struct {
	Timeout time.Duration // each question's deadline
	Rate    float64       // requests per second per client address; 0 is no limit
	Burst   int           // requests a client may make at once; at least 1 with a rate
	Clients int           // client addresses whose rate is remembered; 0 is 10,000
	Panics  *guard.Panics // recovers, logs and counts a panic while handling a request; nil only recovers
}

// Handler serves the JSON API.
type Handler struct {
	eng      answerer
	feedback FeedbackFunc
	opts     Options
	limits   *limiter // nil: no rate limit
	mux      *http.ServeMux
}

// New builds the API over an engine and a way to record feedback.
func New(eng answerer, feedback FeedbackFunc, opts Options) *Handler {
	h := &Handler{eng: eng, feedback: feedback, opts: opts, mux: http.NewServeMux()}
	if opts.Rate > 0 {
		h.limits = newLimiter(opts.Rate, opts.Burst, opts.Clients)
	}
	h.mux.HandleFunc("POST /v1/ask", h.ask)
	h.mux.HandleFunc("POST /v1/feedback", h.giveFeedback)
	return h
}

// Routes lists the patterns to mount on the serve listener.
func (h *Handler) Routes() []string { return []string{"POST /v1/ask", "POST /v1/feedback"} }

// ServeHTTP limits each client's rate, takes only JSON bodies, and recovers a panic while handling one
// request: that request is answered 500, the next is served.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.limits != nil && !h.limits.allow(w, clientAddr(r)) {
		return
	}
	if r.Method == http.MethodPost && !isJSON(r.Header.Get("Content-Type")) {
		fail(w, http.StatusUnsupportedMediaType, "send the request as Content-Type: application/json")
		return
	}
	tw := &trackingWriter{ResponseWriter: w}
	err := h.opts.Panics.Call("web", func() error {
		h.mux.ServeHTTP(tw, r)
		return nil
	})
	if err != nil && !tw.wrote {
		fail(w, http.StatusInternalServerError, "internal error; try again")
	}
}

// isJSON reports whether a Content-Type is JSON, with at most a UTF-8 charset parameter.
func isJSON(contentType string) bool {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "application/json" {
		return false
	}
	for k, v := range params {
		if k != "charset" || (!strings.EqualFold(v, "utf-8") && !strings.EqualFold(v, "utf8")) {
			return false
		}
	}
	return true
}

// clientAddr is the address a request came from, without its port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// userOf is who asks or votes: the user the client names, or else the client's address, each in its own
// namespace so that a named user cannot pass for an address.
func userOf(r *http.Request, named string) string {
	if named != "" {
		return "id:" + named
	}
	return "ip:" + clientAddr(r)
}

// trackingWriter notes whether a response was started, so that a panic after it adds nothing.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (t *trackingWriter) WriteHeader(code int) {
	t.wrote = true
	t.ResponseWriter.WriteHeader(code)
}

func (t *trackingWriter) Write(b []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(b)
}

type askRequest struct {
	Question string `json:"question"`
	Lang     string `json:"lang"`
	Top      int    `json:"top"`
	User     string `json:"user"` // optional: the asker's session or account key
}

func (h *Handler) ask(w http.ResponseWriter, r *http.Request) {
	var req askRequest
	if !decode(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Question) == "" || len(req.Question) > maxQuestion {
		fail(w, http.StatusBadRequest, "question: give a non-empty question of at most 16 KiB")
		return
	}
	if len(req.User) > maxUser {
		fail(w, http.StatusBadRequest, "user: at most 256 bytes")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	a, err := h.eng.Answer(ctx, bot.Question{Text: req.Question, Lang: req.Lang, Top: req.Top, Platform: "web", User: userOf(r, req.User)})
	switch {
	case errors.Is(err, bot.ErrInvalid):
		fail(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, bot.ErrBusy):
		if a.Reply == "" {
			a.Reply = "too many questions at once; try again in a moment"
		}
		w.Header().Set("Retry-After", "1")
		fail(w, http.StatusServiceUnavailable, a.Reply)
	case err != nil:
		fail(w, http.StatusServiceUnavailable, "the answer could not be computed; try again")
	default:
		writeJSON(w, http.StatusOK, a)
	}
}

type feedbackRequest struct {
	ID      string `json:"id"`
	Lang    string `json:"lang"`
	Helpful *bool  `json:"helpful"`
	User    string `json:"user"` // optional: as given when asking
}

func (h *Handler) giveFeedback(w http.ResponseWriter, r *http.Request) {
	var req feedbackRequest
	if !decode(w, r, &req) {
		return
	}
	if req.ID == "" || len(req.ID) > 64 || req.Helpful == nil || !knowledge.Supported(req.Lang) || len(req.User) > maxUser {
		fail(w, http.StatusBadRequest, `give {"id": "<answer id>", "lang": "en|ar", "helpful": true|false, "user": "<as when asking>"}`)
		return
	}
	err := h.feedback(r.Context(), userOf(r, req.User), req.ID, req.Lang, *req.Helpful)
	switch {
	case errors.Is(err, store.ErrNotGiven):
		fail(w, http.StatusNotFound, "feedback not taken: that answer was not given to this user")
		return
	case err != nil:
		fail(w, http.StatusServiceUnavailable, "feedback could not be recorded; try again")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// decode reads a JSON body, answering 400 (or 413) itself when it cannot.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, http.StatusRequestEntityTooLarge, "request body too large")
			return false
		}
		fail(w, http.StatusBadRequest, "malformed JSON: "+err.Error())
		return false
	}
	return true
}

func fail(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
