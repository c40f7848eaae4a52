//go:build race

package main

// raceEnabled: the race detector slows the review tests, which build an engine per command and retrain
// the topic classifier per change, forty-fold; scripts/test runs them without it, and the reload they
// drive is raced in internal/reload's tests.
const raceEnabled = true
