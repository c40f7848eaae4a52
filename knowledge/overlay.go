package knowledge

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// LoadPathEdited loads the knowledge at p (see LoadPath) as it would be with some of its files edited:
// edits maps a file's name, as Entry.Pos.File gives it, to its new content. Nothing is written; with no
// edits it is LoadPath.
func LoadPathEdited(p string, edits map[string][]byte) (*Bank, Problems, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, nil, fmt.Errorf("load knowledge %s: %w", p, err)
	}
	dir, name := p, "."
	if !info.IsDir() {
		dir, name = filepath.Dir(p), filepath.Base(p)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("load knowledge %s: %w", p, err)
	}
	defer root.Close()
	if len(edits) == 0 {
		return Load(root.FS(), name)
	}
	return Load(overlayFS{FS: root.FS(), edits: edits}, name)
}

// overlayFS is a file system with some files' content replaced.
type overlayFS struct {
	fs.FS
	edits map[string][]byte
}

func (o overlayFS) Open(name string) (fs.File, error) {
	data, ok := o.edits[name]
	if !ok {
		return o.FS.Open(name)
	}
	f, err := o.FS.Open(name)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	_ = f.Close()
	if err != nil {
		return nil, err
	}
	return &editedFile{Reader: bytes.NewReader(data), info: editedInfo{FileInfo: info, size: int64(len(data))}}, nil
}

// editedFile is an edited file's new content.
type editedFile struct {
	*bytes.Reader
	info editedInfo
}

func (f *editedFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *editedFile) Close() error               { return nil }

type editedInfo struct {
	fs.FileInfo
	size int64
}

func (i editedInfo) Size() int64        { return i.size }
func (i editedInfo) ModTime() time.Time { return time.Now() }
