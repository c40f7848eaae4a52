package main

import (
	"runtime/debug"
	"testing"

	"golang.org/x/mod/semver"
)

// TestDependenciesAtCurrentVersions keeps modules that discordgo pins old (and scanners flag) at
// current versions in the binary.
func TestDependenciesAtCurrentVersions(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information in this test binary")
	}
	minimum := map[string]string{"golang.org/x/crypto": "v0.59.0", "github.com/gorilla/websocket": "v1.5.3"}
	seen := map[string]bool{}
	for _, d := range info.Deps {
		if d.Replace != nil {
			d = d.Replace
		}
		if want, ok := minimum[d.Path]; ok {
			seen[d.Path] = true
			if semver.Compare(d.Version, want) < 0 {
				t.Errorf("%s at %s, want %s or later", d.Path, d.Version, want)
			}
		}
	}
	for path := range minimum {
		if !seen[path] {
			t.Errorf("%s is not in the binary", path)
		}
	}
}
