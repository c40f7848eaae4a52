// Package web is the HTTP JSON adapter: POST /v1/ask answers one question with the same object as
// `faqbot ask --json`, and POST /v1/feedback records whether an answer helped. It serves a clinic's own
// website or tools, and load tests of the serve process.
package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/faqbot/faqbot/bot"
)

// answerer is what the adapter needs from the engine.
type answerer interface {
	Answer(ctx context.Context, q bot.Question) (bot.Answer, error)
}

// FeedbackFunc records a patient's verdict on an answer.
type FeedbackFunc func(ctx context.Context, answerID, lang string, helpful bool) error

// maxQuestion bounds a question's length in bytes; the engine reads at most a few thousand characters.
const maxQuestion = 16 << 10

// Handler serves the JSON API.
type Handler struct {
	eng      answerer
	feedback FeedbackFunc
	timeout  time.Duration
	mux      *http.ServeMux
}

// New builds the API over an engine; each question gets timeout to be answered.
func New(eng answerer, feedback FeedbackFunc, timeout time.Duration) *Handler {
	h := &Handler{eng: eng, feedback: feedback, timeout: timeout, mux: http.NewServeMux()}
	h.mux.HandleFunc("POST /v1/ask", h.ask)
	h.mux.HandleFunc("POST /v1/feedback", h.giveFeedback)
	return h
}

// Routes lists the patterns to mount on the serve listener.
func (h *Handler) Routes() []string { return []string{"POST /v1/ask", "POST /v1/feedback"} }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

type askRequest struct {
	Question string `json:"question"`
	Lang     string `json:"lang"`
	Top      int    `json:"top"`
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
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	a, err := h.eng.Answer(ctx, bot.Question{Text: req.Question, Lang: req.Lang, Top: req.Top, Platform: "web"})
	switch {
	case errors.Is(err, bot.ErrInvalid):
		fail(w, http.StatusBadRequest, err.Error())
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
}

func (h *Handler) giveFeedback(w http.ResponseWriter, r *http.Request) {
	var req feedbackRequest
	if !decode(w, r, &req) {
		return
	}
	if req.ID == "" || len(req.ID) > 64 || req.Helpful == nil || (req.Lang != "en" && req.Lang != "ar") {
		fail(w, http.StatusBadRequest, `give {"id": "<answer id>", "lang": "en|ar", "helpful": true|false}`)
		return
	}
	if err := h.feedback(r.Context(), req.ID, req.Lang, *req.Helpful); err != nil {
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
