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
)

// maxSkew is how far an interaction's timestamp may be from now.
const maxSkew = 5 * time.Minute

// Interactions serves Discord's HTTP interactions endpoint.
type Interactions struct {
	key  ed25519.PublicKey
	h    *Handler
	ed   editor    // writes deferred answers; nil answers everything in the HTTP response
	once onceGuard // button and menu clicks, which record feedback, are acted on once
	now  func() time.Time
}

// NewInteractions builds the endpoint for the application's public key (hex, from the developer portal).
// rest writes answers that take longer than the handler's DeferAfter; nil makes every answer synchronous.
// seen, when not nil, makes a click posted again (Discord posts each interaction once, so a replay of a
// signed request) acknowledged without acting: no feedback counted twice. Commands and autocomplete only
// read, so a replay of one is answered again, as a new question would be.
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

func (s *Interactions) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	if !Verify(s.key, r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body, s.now()) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	click := in.Type == discordgo.InteractionMessageComponent
	if click && !s.once.claim(r.Context(), in.ID) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"type":6}`)) // acknowledged, nothing changed
		return
	}
	defer s.h.opts.Metrics.start(interactionKind(in.Type))()
	err = s.h.deliver(r.Context(), &in, func(resp *discordgo.InteractionResponse) error {
		w.Header().Set("Content-Type", "application/json")
		return json.NewEncoder(w).Encode(resp)
	}, s.ed)
	if click {
		s.once.settle(r.Context(), in.ID, err)
	}
	if err != nil {
		s.h.log.Error("discord interaction", "type", int(in.Type), "err", err)
		s.h.opts.Metrics.reply("failed")
		http.Error(w, "could not answer", http.StatusInternalServerError)
	}
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
