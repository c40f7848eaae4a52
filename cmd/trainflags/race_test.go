//go:build race

package main

// raceEnabled: the race detector slows training tenfold; the retrain check runs without it (.ci/run).
const raceEnabled = true
