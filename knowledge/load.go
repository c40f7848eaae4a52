package knowledge

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

//go:embed default
var defaultFS embed.FS

// maxFileBytes bounds one knowledge file; larger files are reported, not read.
const maxFileBytes = 32 << 20

// Default loads the knowledge embedded in the binary.
func Default() (*Bank, Problems, error) {
	return Load(defaultFS, "default")
}

// LoadPath loads knowledge from a folder (every knowledge file below it) or a single file on disk. Files
// are read only from inside the folder (of a single file, the folder it is in): a symbolic link that
// leads out of it is refused, so write access to the folder never reads the files of the host.
func LoadPath(p string) (*Bank, Problems, error) {
	return LoadPathEdited(p, nil)
}

// Load reads every knowledge file at root in fsys (a folder, walked recursively, or one file), then
// validates the whole. It never half-loads: if any problem is an error it returns no bank and an
// *InvalidError; warnings come back with the bank.
func Load(fsys fs.FS, root string) (*Bank, Problems, error) {
	c := &collector{}
	var entries []Entry
	lexicons := map[string]*Lexicon{}
	replies := map[string]Replies{}
	acts := map[string]map[string]Act{}
	files, err := knowledgeFiles(fsys, root)
	if err != nil {
		return nil, nil, fmt.Errorf("load knowledge %s: %w", root, err)
	}
	for _, name := range files {
		content := readFile(fsys, name, c)
		entries = append(entries, content.entries...)
		for _, lex := range content.lexicons {
			mergeLexicon(lexicons, lex)
		}
		for _, r := range content.replies {
			mergeReplies(replies, r, c)
		}
		for _, a := range content.acts {
			mergeActs(acts, a, c)
		}
	}
	if len(files) == 0 {
		c.errorf(Position{File: root}, "no knowledge files (.yaml, .yml, .md, .csv)")
	}
	bank := NewBank(entries, lexicons)
	bank.Replies, bank.Acts = replies, acts
	c.problems = append(c.problems, Validate(bank)...)
	c.problems.sort()
	if c.problems.Errors(false) > 0 {
		return nil, c.problems, &InvalidError{Problems: c.problems}
	}
	return bank, c.problems, nil
}

func knowledgeFiles(fsys fs.FS, root string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		hidden := strings.HasPrefix(d.Name(), ".") && p != root
		switch {
		case d.IsDir() && hidden:
			return fs.SkipDir
		case d.IsDir() || hidden:
			return nil
		case p == root || knownExt(p):
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

func knownExt(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".yaml", ".yml", ".md", ".csv":
		return true
	}
	return false
}

func readFile(fsys fs.FS, name string, c *collector) fileContent {
	f, err := fsys.Open(name)
	if err != nil {
		c.errorf(Position{File: name}, "%s", openProblem(fsys, name, err))
		return fileContent{}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	switch {
	case err != nil:
		c.errorf(Position{File: name}, "cannot read: %v", err)
		return fileContent{}
	case len(data) > maxFileBytes:
		c.errorf(Position{File: name}, "file is larger than %d MiB", maxFileBytes>>20)
		return fileContent{}
	}
	return parseFile(name, data, c)
}

// openProblem says why a knowledge file did not open, naming a link that leaves the folder as such; it
// never shows where the link leads.
func openProblem(fsys fs.FS, name string, err error) string {
	info, lerr := fs.Lstat(fsys, name)
	switch {
	case lerr != nil || info.Mode()&fs.ModeSymlink == 0:
		return "cannot open: " + errText(err)
	case errors.Is(err, fs.ErrNotExist):
		return "cannot open: a symbolic link to nothing"
	default:
		return "refused: a symbolic link that leads out of the knowledge folder"
	}
}

// parseFile parses one knowledge file by its extension. Text must be UTF-8 (a byte-order mark is allowed).
func parseFile(name string, data []byte, c *collector) fileContent {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		c.errorf(Position{File: name, Line: invalidUTF8Line(data)}, "not valid UTF-8 text: save the file as UTF-8")
		return fileContent{}
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return parseYAML(name, data, c)
	case ".md":
		if !bytes.HasPrefix(data, []byte("---")) {
			c.warnf(Position{File: name, Line: 1}, "skipped: a guide file starts with front matter (---)")
			return fileContent{}
		}
		return parseMarkdown(name, data, c)
	case ".csv":
		return parseCSV(name, data, c)
	}
	c.errorf(Position{File: name}, "unknown file type %s (use .yaml, .md or .csv)", excerpt(path.Ext(name)))
	return fileContent{}
}

func invalidUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}

func mergeLexicon(into map[string]*Lexicon, lex *Lexicon) {
	cur, ok := into[lex.Lang]
	if !ok {
		into[lex.Lang] = lex
		return
	}
	for canon, vs := range lex.Synonyms {
		cur.Synonyms[canon] = append(cur.Synonyms[canon], vs...)
	}
	cur.Stopwords = append(cur.Stopwords, lex.Stopwords...)
}
