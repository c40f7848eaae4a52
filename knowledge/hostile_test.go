package knowledge

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fakeToken stands for a secret that a file outside the knowledge folder holds.
const fakeToken = "tok_7f3a9c1e5b2d8f4a6c0e9b7d5f3a1c8e"

const goodYAML = "lang: en\nentries:\n  - id: a\n    question: Where?\n    answer: Here.\n"

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links not available: %v", err)
	}
}

// reported is everything a failed load shows: the error (the 422 of /admin/reload) and every problem
// (the log lines).
func reported(err error, ps Problems) string {
	s := joinProblems(ps)
	if err != nil {
		s += err.Error()
	}
	return s
}

func TestLoadRefusesLinksOutOfTheFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.env")
	writeFile(t, secret, "admin_token="+fakeToken+"\nother="+fakeToken+"\n")
	tests := []struct{ name, link, target string }{
		{"relative link up and out", "leak.csv", "../" + filepath.Base(outside) + "/secret.env"},
		{"absolute link", "leak.yaml", secret},
		{"link to the process environment", "environ.csv", "/proc/self/environ"},
		{"link to the password file", "passwd.md", "/etc/passwd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kb := filepath.Join(filepath.Dir(outside), "kb-"+strings.ReplaceAll(tt.name, " ", "-"))
			t.Cleanup(func() { _ = os.RemoveAll(kb) })
			writeFile(t, filepath.Join(kb, "faq.yaml"), goodYAML)
			symlink(t, tt.target, filepath.Join(kb, tt.link))
			bank, problems, err := LoadPath(kb)
			if err == nil || bank != nil {
				t.Fatalf("got a bank (err %v), want the link refused", err)
			}
			got := reported(err, problems)
			if !strings.Contains(got, tt.link) || !strings.Contains(got, "leads out of the knowledge folder") {
				t.Errorf("got %q, want an error naming %s as a link out of the folder", got, tt.link)
			}
			if strings.Contains(got, fakeToken) || strings.Contains(got, "root:") {
				t.Errorf("the error shows the target's content: %q", got)
			}
		})
	}
}

func TestLoadFollowsLinksInsideTheFolder(t *testing.T) {
	kb := t.TempDir()
	writeFile(t, filepath.Join(kb, ".data", "faq.yaml"), goodYAML)
	symlink(t, ".data/faq.yaml", filepath.Join(kb, "faq.yaml"))
	bank, _, err := LoadPath(kb)
	if err != nil {
		t.Fatalf("LoadPath: %v", err)
	}
	if _, ok := bank.Entry("a", "en"); !ok {
		t.Error("the entry behind a link inside the folder was not loaded")
	}
}

// quotedRE finds the double-quoted parts of a message.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func TestProblemsQuoteOnlyAShortExcerpt(t *testing.T) {
	long := strings.Repeat("lorem ipsum ", 20) + fakeToken
	tests := []struct{ name, file, content string }{
		{"csv header", "a.csv", "id,question,answer,lang," + long + "\n"},
		{"csv header with control characters", "a.csv", "id,question,answer,lang,\x1b[2J\x07" + long + "\n"},
		{"yaml unknown field", "a.yaml", "lang: en\nentries:\n  - {id: a, question: q, answer: a, " + strings.ReplaceAll(long, " ", "_") + ": x}\n"},
		{"yaml lang", "a.yaml", "lang: " + long + "\nentries:\n  - {id: a, question: q, answer: a}\n"},
		{"yaml id", "a.yaml", "lang: en\nentries:\n  - {id: '" + long + "', question: q, answer: a}\n"},
		{"yaml related", "a.yaml", "lang: en\nentries:\n  - {id: a, question: q, answer: a, related: ['" + long + "']}\n"},
		{"yaml kind", "a.yaml", "lang: en\nentries:\n  - {id: a, kind: '" + long + "', question: q, answer: a}\n"},
		{"front matter field", "a.md", "---\nlang: en\n" + strings.ReplaceAll(long, " ", "_") + ": x\n---\n## A\ntext\n"},
		{"front matter lang", "a.md", "---\nlang: " + long + "\n---\n## A\ntext\n"},
		{"empty section", "a.md", "---\nlang: en\n---\n## " + long + "\n## B\ntext\n"},
		{"unknown section", "a.md", "---\nlang: en\nsections:\n  " + strings.ReplaceAll(long, " ", "_") + ": {alternates: [x]}\n---\n## A\ntext\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := t.TempDir()
			writeFile(t, filepath.Join(d, tt.file), tt.content)
			_, problems, err := LoadPath(d)
			if err == nil {
				t.Fatal("got no error")
			}
			got := reported(err, problems)
			if strings.Contains(got, fakeToken) || strings.Contains(got, long[:100]) {
				t.Errorf("the error echoes the file: %q", got)
			}
			for _, p := range problems {
				checkMessage(t, p.Msg)
			}
		})
	}
}

// checkMessage fails when a problem message carries a control character or quotes more than
// excerptRunes runes of a file.
func checkMessage(t *testing.T, msg string) {
	t.Helper()
	if strings.ContainsFunc(msg, unicode.IsControl) {
		t.Errorf("message has a control character: %q", msg)
	}
	for _, q := range quotedRE.FindAllString(msg, -1) {
		s, err := strconv.Unquote(q)
		if err != nil {
			s = q
		}
		if n := utf8.RuneCountInString(s); n > excerptRunes {
			t.Errorf("message quotes %d runes, want at most %d: %s", n, excerptRunes, q)
		}
	}
	if n := utf8.RuneCountInString(msg); n > maxMessageRunes {
		t.Errorf("message of %d runes, want at most %d: %q", n, maxMessageRunes, msg)
	}
}
