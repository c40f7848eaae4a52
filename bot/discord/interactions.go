// Package discord is the Discord adapter: slash commands (/ask, /faq, /topics), buttons and autocomplete,
// received on the HTTP interactions endpoint (Ed25519-signed) or the gateway, and direct messages and
// mentions on the gateway; answered with embeds, privately unless the server wants answers public.
package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/guard"
)

// MaxInteractionBytes bounds the body of one request to the interactions endpoint; a longer body is
// refused with 413 before it is read further or its signature checked. Discord documents what it posts:
// one interaction with the invoking user or member, and for a button or menu click the message the
// component is on. faqbot's commands take one string option (at most 1,000 characters) and resolve no
// users, roles, channels or attachments, and its messages are one embed (at most 6,000 characters) and
// at most two rows of buttons (custom ids of at most 100 bytes). The largest real interaction is a
// click on an answer: at most 6,000 characters of UTF-8 (24 KiB at 4 bytes each) plus a few KiB of
// member, components and ids. 64 KiB is more than twice that, and bounds what one slow or hostile
// sender makes the server hold.
const MaxInteractionBytes = 64 << 10

// maxSkew is how far an interaction's timestamp may be from now.
const maxSkew = 5 * time.Minute

// Interactions serves Discord's HTTP interactions endpoint.
type Interactions struct {
	key    ed25519.PublicKey
	h      *Handler
	ed     editor    // writes deferred answers; nil answers everything in the HTTP response
	once   onceGuard // button and menu clicks, which record feedback, are acted on once
	poison poisoned  // interactions whose handling panicked: a replay is not handled again
	now    func() time.Time
}

// NewInteractions builds the endpoint for the application's public key (hex, from the developer portal).
// rest writes answers that take longer than the handler's DeferAfter; nil makes every answer synchronous.
// seen, when not nil, makes a click posted again (Discord posts each interaction once, so a replay of a
// signed request) acknowledged without acting: no feedback counted twice. Commands and autocomplete only
// read, so a replay of one is answered again, as a new question would be, unless its handling panicked.
func NewInteractions(publicKeyHex string, h *Handler, rest *REST, seen Claims) (*Interactions, error) {
	key, err := hex.DecodeString(publicKeyHex)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, errors.New("discord public key: want 64 hexadecimal characters")
	}
	in := &Interactions{key: key, h: h, once: onceGuard{seen: seen, h: h}, now: time.Now}
	if rest != nil {
		in.ed = rest
	}
	return in, nil
}

// ServeHTTP reads at most MaxInteractionBytes, checks the signature, and answers the interaction. A
// panic while answering costs that interaction an apology, never the process.
func (s *Interactions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	err := s.h.opts.Panics.Call(platform, func() error {
		s.serve(w, r)
		return nil
	})
	if err != nil {
		http.Error(w, "could not answer", http.StatusInternalServerError)
	}
}

func (s *Interactions) serve(w http.ResponseWriter, r *http.Request) {
	in, status := s.read(w, r)
	if status != http.StatusOK {
		http.Error(w, http.StatusText(status), status)
		return
	}
	click := in.Type == discordgo.InteractionMessageComponent
	if s.poison.has(in.ID, s.now()) || click && !s.once.claim(r.Context(), in.ID) {
		_ = writeJSON(w, quiet()) // acknowledged, nothing changed
		return
	}
	defer s.h.opts.Metrics.Start(interactionKind(in.Type))()
	sent := false
	err := s.h.deliver(r.Context(), in, func(resp *discordgo.InteractionResponse) error {
		sent = true
		return writeJSON(w, resp)
	}, s.ed)
	switch {
	case errors.Is(err, guard.ErrPanic): // logged and counted where it was recovered
		s.poison.add(in.ID, s.now())
		s.h.opts.Metrics.Reply("failed")
		if !sent {
			_ = writeJSON(w, s.h.apology(in))
		}
	case err != nil:
		s.h.log.Error("discord interaction", "type", int(in.Type), "err", err)
		s.h.opts.Metrics.Reply("failed")
		if !sent {
			http.Error(w, "could not answer", http.StatusInternalServerError)
		}
	}
	if click {
		s.once.settle(r.Context(), in.ID, err)
	}
}

// read takes a signed interaction from the request: 413 beyond MaxInteractionBytes (checked before
// anything else, and without reading further), 401 for a bad signature, 400 for malformed JSON.
func (s *Interactions) read(w http.ResponseWriter, r *http.Request) (*discordgo.Interaction, int) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, http.StatusRequestEntityTooLarge
	case err != nil:
		return nil, http.StatusBadRequest
	}
	if !Verify(s.key, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body, s.now()) {
		return nil, http.StatusUnauthorized
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, http.StatusBadRequest
	}
	return &in, http.StatusOK
}

func writeJSON(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	w.Header().Set("Content-Type", "application/json")
	return json.NewEncoder(w).Encode(resp)
}

// Verify checks the Ed25519 signature of timestamp+body and that the timestamp is within five minutes
// of now.
func Verify(key ed25519.PublicKey, sigHex, timestamp string, body []byte, now time.Time) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if skew := now.Sub(time.Unix(secs, 0)); skew > maxSkew || skew < -maxSkew {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	return ed25519.Verify(key, append(append(msg, timestamp...), body...), sig)
}
