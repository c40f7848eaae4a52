//go:build race

package bot_test

// raceEnabled: the race detector slows the evaluation floors' fifteen thousand answers, one at a time,
// fourfold and finds nothing in them; scripts/test runs them without it.
const raceEnabled = true
