package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/faqbot/faqbot/bot"
)

type fakeEngine struct{}

func (fakeEngine) Answer(_ context.Context, q bot.Question) (bot.Answer, error) {
	if q.Lang == "fr" {
		return bot.Answer{}, bot.ErrInvalid
	}
	if q.Text == "boom" {
		return bot.Answer{}, errors.New("index closed")
	}
	return bot.Answer{Question: q.Text, Lang: "en", Status: bot.Answered, ID: "pain", Matches: []bot.Candidate{}}, nil
}

func TestAPI(t *testing.T) {
	var got []string
	h := New(fakeEngine{}, func(_ context.Context, id, lang string, helpful bool) error {
		got = append(got, id+"/"+lang)
		if id == "down" {
			return errors.New("store down")
		}
		return nil
	}, time.Second)
	tests := []struct {
		path, body string
		want       int
		contains   string
	}{
		{"/v1/ask", `{"question":"does it hurt?"}`, 200, `"id":"pain"`},
		{"/v1/ask", `{"question":"  "}`, 400, "non-empty"},
		{"/v1/ask", `{"question":"x","lang":"fr"}`, 400, "invalid"},
		{"/v1/ask", `{"question":"boom"}`, 503, "try again"},
		{"/v1/ask", `{"question":`, 400, "malformed JSON"},
		{"/v1/ask", `{"question":"x","extra":1}`, 400, "unknown field"},
		{"/v1/ask", `{"question":"` + strings.Repeat("x", 20000) + `"}`, 400, "16 KiB"},
		{"/v1/feedback", `{"id":"pain","lang":"en","helpful":false}`, 204, ""},
		{"/v1/feedback", `{"id":"pain","lang":"en"}`, 400, "helpful"},
		{"/v1/feedback", `{"id":"down","lang":"ar","helpful":true}`, 503, "try again"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", tt.path, strings.NewReader(tt.body)))
		if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("POST %s %.40s: got %d %s, want %d with %q", tt.path, tt.body, rec.Code, rec.Body.String(), tt.want, tt.contains)
		}
		if rec.Code == 200 {
			var a bot.Answer
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
				t.Errorf("answer is not JSON: %v", err)
			}
		}
	}
	if strings.Join(got, ",") != "pain/en,down/ar" {
		t.Errorf("feedback recorded: %v", got)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/ask", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("GET: got %d", rec.Code)
	}
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/v1/ask", strings.NewReader(`{"question":"`+strings.Repeat("x", 100)+`"}`))
	req.Body = http.MaxBytesReader(rec, req.Body, 10)
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversize body: got %d", rec.Code)
	}
}
