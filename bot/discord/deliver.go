package discord

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/faqbot/faqbot/internal/guard"
)

// editor writes the answer of a deferred interaction into its original response.
type editor interface {
	EditResponse(ctx context.Context, in *discordgo.Interaction, data *discordgo.InteractionResponseData) error
}

type outcome struct {
	resp *discordgo.InteractionResponse
	err  error
}

// lateWrite bounds writing a deferred answer; Discord keeps an interaction's token for 15 minutes.
const lateWrite = 30 * time.Second

// deliver answers an interaction within Discord's 3-second deadline: with the answer itself when it is
// ready within DeferAfter, otherwise with a deferred acknowledgement ("thinking…") and, once the answer
// is ready, an edit of that response through ed. ack sends the first response, whichever it is. A panic
// while answering is recovered: before the acknowledgement, deliver returns an error wrapping
// guard.ErrPanic (the caller apologises); after it, the apology is written into the deferred response.
func (h *Handler) deliver(ctx context.Context, in *discordgo.Interaction, ack func(*discordgo.InteractionResponse) error, ed editor) error {
	if !deferrable(in.Type) || ed == nil {
		resp, err := h.respondSafely(ctx, in)
		if err != nil {
			return err
		}
		return h.acked(ack(resp))
	}
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), h.opts.Timeout)
	done := make(chan outcome, 1)
	go func() {
		resp, err := h.respondSafely(work, in)
		done <- outcome{resp, err}
	}()
	timer := time.NewTimer(h.opts.DeferAfter)
	defer timer.Stop()
	select {
	case o := <-done:
		cancel()
		if o.err != nil {
			return o.err
		}
		return h.acked(ack(o.resp))
	case <-timer.C:
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: h.flags()}}
	if err := ack(deferred); err != nil {
		cancel()
		return fmt.Errorf("defer: %w", err)
	}
	h.opts.Metrics.Reply("deferred")
	h.late.Add(1)
	go func() {
		defer h.late.Done()
		defer cancel()
		h.finish(context.WithoutCancel(ctx), in, <-done, ed)
	}()
	return nil
}

func (h *Handler) acked(err error) error {
	if err == nil {
		h.opts.Metrics.Reply("sent")
	}
	return err
}

// finish writes a deferred answer, or an apology when there is none.
func (h *Handler) finish(ctx context.Context, in *discordgo.Interaction, o outcome, ed editor) {
	ctx, cancel := context.WithTimeout(ctx, lateWrite)
	defer cancel()
	data := &discordgo.InteractionResponseData{Content: labels(locale(in)).failed}
	switch {
	case o.err == nil && o.resp.Data != nil:
		data = o.resp.Data
	case errors.Is(o.err, guard.ErrPanic): // logged where it was recovered
	case o.err != nil:
		h.log.Error("discord deferred answer", "err", o.err)
	}
	if err := ed.EditResponse(ctx, in, data); err != nil {
		h.log.Error("discord deferred answer not delivered", "err", err)
		h.opts.Metrics.Reply("failed")
		return
	}
	h.opts.Metrics.Reply("sent")
}

// deferrable reports whether Discord accepts a deferred response to an interaction of this type.
func deferrable(t discordgo.InteractionType) bool {
	return t == discordgo.InteractionApplicationCommand || t == discordgo.InteractionMessageComponent
}
