package index

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/faqbot/faqbot/knowledge"
)

// TestCacheReusesAndRebuilds builds the default knowledge into a cache, opens it again without
// building, searches both the same way, and rebuilds when the knowledge changes.
func TestCacheReusesAndRebuilds(t *testing.T) {
	ctx := context.Background()
	bank := defaultBank(t)
	dir := t.TempDir()
	c, err := NewCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Latest(); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("empty cache: Latest gave %v, want fs.ErrNotExist", err)
	}
	first, reused, err := c.Open(ctx, bank)
	if err != nil || reused {
		t.Fatalf("first open: reused %v, err %v", reused, err)
	}
	defer first.Close()
	second, reused, err := c.Open(ctx, bank)
	if err != nil || !reused {
		t.Fatalf("second open: reused %v, err %v; want the saved index", reused, err)
	}
	defer second.Close()
	memory, err := Build(ctx, bank)
	if err != nil {
		t.Fatal(err)
	}
	defer memory.Close()
	for _, q := range []knowledge.Query{{Text: "what should I wear to my session", Top: 3}, {Text: "هل سحب الخلايا مؤلم", Top: 3},
		{Text: "can i eat befor the procedur", Top: 3}} {
		want, _ := memory.Search(ctx, q)
		got, _ := second.Search(ctx, q)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: saved index found %+v, the index built in memory %+v", q.Text, got, want)
		}
	}
	changed := knowledge.NewBank(append(bank.Entries[:len(bank.Entries):len(bank.Entries)], knowledge.Entry{ID: "parking", Lang: "en",
		Kind: knowledge.FAQ, Title: "Parking", Question: "Where can I park?", Answer: "In the clinic's car park."}), bank.Lexicons)
	if _, err := c.Load(changed); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load of knowledge never indexed: %v, want fs.ErrNotExist", err)
	}
	loaded, err := c.Load(bank)
	if err != nil {
		t.Fatalf("Load of saved knowledge: %v", err)
	}
	loaded.Close()
	third, reused, err := c.Open(ctx, changed)
	if err != nil || reused {
		t.Fatalf("changed knowledge: reused %v, err %v; want a new index", reused, err)
	}
	defer third.Close()
	latest, ix, err := c.Latest()
	if err != nil || len(latest.Entries) != len(changed.Entries) {
		t.Fatalf("Latest: %v, %d entries, want the changed knowledge", err, len(latest.Entries))
	}
	ix.Close()
	saved, _ := c.saved()
	if len(saved) != keep {
		t.Errorf("%d saved indexes, want %d", len(saved), keep)
	}
	if err := os.WriteFile(filepath.Join(saved[0], "meta.gob"), []byte("garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Latest(); err != nil {
		t.Errorf("Latest with the newest index broken: %v, want the one before", err)
	}
}

// TestCacheIsPrivate saves an index and finds every folder of the cache 0700 and every file 0600:
// a saved index holds the whole knowledge and what patients' questions are weighed with.
func TestCacheIsPrivate(t *testing.T) {
	bank := defaultBank(t)
	root := filepath.Join(t.TempDir(), "cache")
	c, err := NewCache(root)
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := c.Open(context.Background(), bank)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s is %v, want %v", path, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWriteGobReportsErrors fails to save what gob cannot encode, rather than saving half a file.
func TestWriteGobReportsErrors(t *testing.T) {
	if err := writeGob(filepath.Join(t.TempDir(), "meta.gob"), make(chan int)); err == nil {
		t.Errorf("writeGob of a channel: got no error")
	}
}

// TestCacheServe: a process starting on changed knowledge serves the latest saved index at once (stale),
// and a later call builds and saves the knowledge's own; saved knowledge is reused.
func TestCacheServe(t *testing.T) {
	ctx := context.Background()
	bank := defaultBank(t)
	c, err := NewCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	open := func(b *knowledge.Bank, latest bool) Opened {
		t.Helper()
		o, err := c.Serve(ctx, b, latest)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { o.Index.Close() })
		return o
	}
	if o := open(bank, true); o.Reused || o.Stale || o.Bank != bank {
		t.Errorf("empty cache: %+v, want a new index of the knowledge", o)
	}
	if o := open(bank, true); !o.Reused || o.Stale {
		t.Errorf("saved knowledge: %+v, want it reused", o)
	}
	changed := knowledge.NewBank(append(bank.Entries[:len(bank.Entries):len(bank.Entries)], knowledge.Entry{ID: "parking", Lang: "en",
		Kind: knowledge.FAQ, Title: "Parking", Question: "Where can I park?", Answer: "In the clinic's car park."}), bank.Lexicons)
	if o := open(changed, true); !o.Stale || len(o.Bank.Entries) != len(bank.Entries) {
		t.Errorf("changed knowledge at start: stale %v, %d entries; want the latest saved, %d", o.Stale, len(o.Bank.Entries), len(bank.Entries))
	}
	if o := open(changed, false); o.Stale || o.Reused || o.Bank != changed {
		t.Errorf("changed knowledge on reload: %+v, want its own index built", o)
	}
}
