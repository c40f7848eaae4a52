package index

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/faqbot/faqbot/knowledge"
)

// formatVersion names what a saved index holds and how its entries were analysed; change it with either,
// and saved indexes of the old format are rebuilt.
const formatVersion = "faqbot-index-3" // 2: taa marbuta restored before possessive suffixes; 3: Arabizi alternates read in Arabic script

// keep is how many saved indexes the cache keeps: the newest, and the one before it.
const keep = 2

// Cache keeps built indexes on disk, one folder per knowledge content (see Key), so that a process
// starting on knowledge indexed before opens the index instead of building it. A folder holds the Bleve
// index and meta.gob: the knowledge it was built from and what searches weigh matches with.
type Cache struct{ dir string }

// NewCache uses (and creates, readable by this user only) the folder dir. Saved indexes are folders of
// their own, 0700, of files 0600: they hold the whole knowledge.
func NewCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// Key is the content hash of a bank (entries, lexicons) and of the index format.
func Key(bank *knowledge.Bank) string {
	h := sha256.New()
	w := bufio.NewWriter(h)
	put := func(fields ...string) {
		for _, f := range fields {
			var n [binary.MaxVarintLen64]byte
			_, _ = w.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
			_, _ = w.WriteString(f)
		}
	}
	put(formatVersion)
	for _, e := range bank.Entries {
		put(e.ID, e.Lang, string(e.Kind), e.Title, e.Question, e.Answer, e.Source, e.Pos.File, strconv.Itoa(e.Pos.Line))
		for _, list := range [][]string{e.Alternates, e.Tags, e.Related} {
			put(strconv.Itoa(len(list)))
			put(list...)
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(bank.Lexicons)) {
		lex := bank.Lexicons[lang]
		put(lang, strconv.Itoa(len(lex.Synonyms)))
		for _, canonical := range slices.Sorted(maps.Keys(lex.Synonyms)) {
			put(canonical, strconv.Itoa(len(lex.Synonyms[canonical])))
			put(lex.Synonyms[canonical]...)
		}
		put(strconv.Itoa(len(lex.Stopwords)))
		put(lex.Stopwords...)
	}
	_ = w.Flush()
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Open returns bank's index: the saved one when this knowledge was indexed before (reused), else one
// built, saved and opened from disk. A saved index that cannot be read is rebuilt.
func (c *Cache) Open(ctx context.Context, bank *knowledge.Bank) (ix *Index, reused bool, err error) {
	key := Key(bank)
	dir := filepath.Join(c.dir, key)
	ix, _, err = load(dir, bank)
	if err == nil {
		return ix, true, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		_ = os.RemoveAll(dir) // unreadable: build it again
	}
	if err := c.save(ctx, bank, key); err != nil {
		return nil, false, err
	}
	ix, _, err = load(dir, bank)
	if err != nil {
		return nil, false, fmt.Errorf("index cache: open what was just built: %w", err)
	}
	return ix, false, nil
}

// Load opens bank's saved index, without building one: fs.ErrNotExist when this knowledge has not been
// indexed.
func (c *Cache) Load(bank *knowledge.Bank) (*Index, error) {
	ix, _, err := load(filepath.Join(c.dir, Key(bank)), bank)
	return ix, err
}

// Opened is an index the cache opened for a bank: reused when it was saved before, stale when it is
// the latest saved index of other knowledge (Bank is then that knowledge).
type Opened struct {
	Index  *Index
	Bank   *knowledge.Bank
	Reused bool
	Stale  bool
}

// Serve opens bank's index, the saved one when there is one. Otherwise, when latest is allowed (a process
// starting), it opens the latest saved index of other knowledge, to serve at once while bank's own is
// built by a later call; with none saved, or latest not allowed, it builds bank's index and saves it.
func (c *Cache) Serve(ctx context.Context, bank *knowledge.Bank, latest bool) (Opened, error) {
	if ix, err := c.Load(bank); err == nil {
		return Opened{Index: ix, Bank: bank, Reused: true}, nil
	}
	if latest {
		if old, ix, err := c.Latest(); err == nil {
			return Opened{Index: ix, Bank: old, Stale: true}, nil
		}
	}
	ix, reused, err := c.Open(ctx, bank)
	if err != nil {
		return Opened{}, err
	}
	return Opened{Index: ix, Bank: bank, Reused: reused}, nil
}

// Latest opens the most recently saved index with the knowledge it was built from: what a process can
// serve at once while the index of changed knowledge is built. fs.ErrNotExist when there is none.
func (c *Cache) Latest() (*knowledge.Bank, *Index, error) {
	dirs, err := c.saved()
	if err != nil {
		return nil, nil, err
	}
	for _, d := range dirs {
		if ix, bank, err := load(d, nil); err == nil {
			return bank, ix, nil
		}
	}
	return nil, nil, fmt.Errorf("index cache %s: %w", c.dir, fs.ErrNotExist)
}

// save builds bank's index in a folder of its own and renames it into place, so that a reader never sees
// half an index; then it removes all but the newest saved indexes.
func (c *Cache) save(ctx context.Context, bank *knowledge.Bank, key string) error {
	tmp, err := os.MkdirTemp(c.dir, ".building-"+key+"-")
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	defer os.RemoveAll(tmp) // gone once renamed
	ix, err := build(ctx, bank, filepath.Join(tmp, "bleve"))
	if err != nil {
		return err
	}
	meta := ix.snapshot()
	if err := ix.Close(); err != nil { // writes what scorch still holds in memory
		return fmt.Errorf("index cache: %w", err)
	}
	if err := private(filepath.Join(tmp, "bleve")); err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	if err := writeGob(filepath.Join(tmp, "bank.gob"), savedBank{bank.Entries, bank.Lexicons}); err != nil {
		return err
	}
	if err := writeGob(filepath.Join(tmp, "meta.gob"), meta); err != nil { // last: marks the index complete
		return err
	}
	dst := filepath.Join(c.dir, key)
	if err := os.Rename(tmp, dst); err != nil && !exists(dst) { // another process may have saved it first
		return fmt.Errorf("index cache: %w", err)
	}
	c.prune()
	return nil
}

// saved lists the saved index folders, newest first.
func (c *Cache) saved() ([]string, error) {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return nil, fmt.Errorf("index cache: %w", err)
	}
	type dated struct {
		path string
		mod  int64
	}
	var out []dated
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if info, err := os.Stat(filepath.Join(c.dir, e.Name(), "meta.gob")); err == nil {
			out = append(out, dated{filepath.Join(c.dir, e.Name()), info.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(out, func(a, b dated) int { return int(b.mod - a.mod) })
	paths := make([]string, len(out))
	for i, d := range out {
		paths[i] = d.path
	}
	return paths, nil
}

// prune removes saved indexes beyond the newest few. An index in use stays readable until closed.
func (c *Cache) prune() {
	dirs, err := c.saved()
	if err != nil {
		return
	}
	for _, d := range dirs[min(keep, len(dirs)):] {
		_ = os.RemoveAll(d)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// meta is what a saved index holds beside Bleve's files, in meta.gob; the knowledge it was built from
// is in bank.gob, read only to serve it again (Latest).
type meta struct {
	Version string
	Docs    map[string]savedDoc
	Langs   map[string]savedLang
}

type savedBank struct {
	Entries  []knowledge.Entry
	Lexicons map[string]*knowledge.Lexicon
}

type savedDoc struct {
	ID, Lang string
	Kind     knowledge.Kind
	Variants [][]string
	VWeights []float64
	Terms    []string
	Answer   []string
}

type savedLang struct {
	DF, VDF        map[string]int
	Docs, Variants int
}

// snapshot is what must be saved of the index to search it again without analysing the entries.
func (ix *Index) snapshot() meta {
	m := meta{Version: formatVersion, Docs: make(map[string]savedDoc, len(ix.docs)), Langs: map[string]savedLang{}}
	for id, d := range ix.docs {
		m.Docs[id] = savedDoc{ID: d.id, Lang: d.lang, Kind: d.kind, Variants: d.variants, VWeights: d.vweights,
			Terms: d.terms, Answer: d.answer}
	}
	for code, l := range ix.langs {
		m.Langs[code] = savedLang{DF: l.df, VDF: l.vdf, Docs: l.docs, Variants: l.variants}
	}
	return m
}

// private makes a folder Bleve wrote readable by this user only: Bleve creates some of its files
// (index_meta.json) readable by everyone.
func private(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			return os.Chmod(path, 0o700)
		case d.Type().IsRegular():
			return os.Chmod(path, 0o600)
		}
		return nil
	})
}

func writeGob(path string, v any) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("index cache: %w", err)
	}
	w := bufio.NewWriter(f)
	err = gob.NewEncoder(w).Encode(v)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		f.Close()
		return fmt.Errorf("index cache: write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("index cache: %w", err)
	}
	return f.Close()
}

func readGob(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(v); err != nil {
		return fmt.Errorf("index cache: read %s: %w", path, err)
	}
	return nil
}

// load opens a saved index read-only. With a nil bank it returns the bank the index was built from.
func load(dir string, bank *knowledge.Bank) (*Index, *knowledge.Bank, error) {
	var m meta
	if err := readGob(filepath.Join(dir, "meta.gob"), &m); err != nil {
		return nil, nil, err
	}
	if m.Version != formatVersion {
		return nil, nil, errors.New("index cache: saved by another version")
	}
	if bank == nil {
		var b savedBank
		if err := readGob(filepath.Join(dir, "bank.gob"), &b); err != nil {
			return nil, nil, err
		}
		bank = knowledge.NewBank(b.Entries, b.Lexicons)
	}
	im, err := newMapping(bank.Lexicons)
	if err != nil {
		return nil, nil, err
	}
	idx, err := bleve.OpenUsing(filepath.Join(dir, "bleve"), map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, nil, fmt.Errorf("index cache: open %s: %w", dir, err)
	}
	ix := &Index{bleve: idx, langs: languages(im, bank), docs: make(map[string]docRef, len(m.Docs))}
	for code, s := range m.Langs {
		if l := ix.langs[code]; l != nil {
			l.df, l.vdf, l.docs, l.variants = s.DF, s.VDF, s.Docs, s.Variants
		}
	}
	for id, d := range m.Docs {
		ref := docRef{id: d.ID, lang: d.Lang, kind: d.Kind, variants: d.Variants, vweights: d.VWeights,
			terms: d.Terms, answer: d.Answer}
		if l := ix.langs[d.Lang]; l != nil {
			ref = l.number(ref)
		}
		ix.docs[id] = ref
	}
	ix.indexSpelling()
	return ix, bank, nil
}
