package textclass

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"os"
)

// maxSaved bounds how much a saved model may expand to when read.
const maxSaved = 64 << 20

// Save writes m to path, gzip-compressed.
func Save(path string, m *Model) error {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if err := Encode(zw, m); err != nil {
		return fmt.Errorf("save model %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model %s: %w", path, err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// Read reads a model written by Save, and checks it is whole.
func Read(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	return Decode(zr)
}

// Encode writes m in its saved form, uncompressed, for a caller that frames or compresses it.
func Encode(w io.Writer, m *Model) error {
	if err := gob.NewEncoder(w).Encode(m); err != nil {
		return fmt.Errorf("encode model: %w", err)
	}
	return nil
}

// Decode reads a model written by Encode (the rest of r), and checks it is whole.
func Decode(r io.Reader) (*Model, error) {
	var m Model
	if err := gob.NewDecoder(io.LimitReader(r, maxSaved)).Decode(&m); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	m.prepare()
	return &m, nil
}
