package bot

import "errors"

// ErrBusy is returned by Engine.Answer when the answers in flight have reached the engine's Gate. The
// Answer returned with it carries a short "busy, please try again" Reply in the question's language,
// for adapters to send; an urgent message is still answered urgently (triage is cheap), never ErrBusy.
var ErrBusy = errors.New("too many questions in flight")

// DefaultMaxInFlight is the Gate size when a caller asks for one without a size.
const DefaultMaxInFlight = 64

// Gate bounds the questions searched at once across every engine it is given to (one per process,
// shared by the engines that hot reload builds), so that a flood costs a fast "busy" reply, never
// unbounded memory. A nil *Gate admits everything.
type Gate struct {
	slots chan struct{}
}

// NewGate admits at most n questions at once; n <= 0 means DefaultMaxInFlight.
func NewGate(n int) *Gate {
	if n <= 0 {
		n = DefaultMaxInFlight
	}
	return &Gate{slots: make(chan struct{}, n)}
}

// enter takes a slot without waiting; it reports false when none is free.
func (g *Gate) enter() bool {
	if g == nil {
		return true
	}
	select {
	case g.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (g *Gate) leave() {
	if g != nil {
		<-g.slots
	}
}
