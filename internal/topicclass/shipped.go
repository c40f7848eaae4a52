package topicclass

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/faqbot/faqbot/internal/textclass"
	"github.com/faqbot/faqbot/knowledge"
)

// shipped is the classifier of the embedded default knowledge, trained by Train and saved by Write
// (`go test ./internal/topicclass -run TestShippedIsTheDefaultKnowledges -update`): a process on the
// default knowledge starts without training, which takes seconds under the race detector.
//
//go:embed default.model
var shipped []byte

// For is bank's classifier: the shipped one when bank is the knowledge it was trained on (by Key), else
// a new one trained by Train.
func For(ctx context.Context, bank *knowledge.Bank) (*Classifier, error) {
	if key, _, _, err := header(shipped); err == nil && key == Key(bank) {
		if c, err := Read(shipped); err == nil {
			return c, nil
		}
	}
	return Train(ctx, bank)
}

// header reads the first line of a saved classifier: its key and ways of asking per entry, and the rest.
func header(data []byte) (key string, ways float64, rest *bufio.Reader, err error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return "", 0, nil, fmt.Errorf("read classifier: %w", err)
	}
	rest = bufio.NewReader(zr)
	line, err := rest.ReadSlice('\n') // bounded by the reader's buffer
	if err != nil {
		return "", 0, nil, fmt.Errorf("read classifier: header: %w", err)
	}
	head := string(line)
	key, w, ok := strings.Cut(strings.TrimSuffix(head, "\n"), " ")
	ways, err = strconv.ParseFloat(w, 64)
	if !ok || err != nil || len(key) != 64 {
		return "", 0, nil, fmt.Errorf("read classifier: malformed header %.80q", head)
	}
	return key, ways, rest, nil
}

// Write saves c, gzip-compressed: a line with its key and ways of asking per entry, then its model.
func Write(w io.Writer, c *Classifier) error {
	zw := gzip.NewWriter(w)
	if _, err := fmt.Fprintf(zw, "%s %s\n", c.key, strconv.FormatFloat(c.ways, 'g', -1, 64)); err != nil {
		return fmt.Errorf("write classifier: %w", err)
	}
	if err := textclass.Encode(zw, c.model); err != nil {
		return fmt.Errorf("write classifier: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write classifier: %w", err)
	}
	return nil
}

// Read reads a classifier saved by Write, and checks it is whole.
func Read(data []byte) (*Classifier, error) {
	key, ways, rest, err := header(data)
	if err != nil {
		return nil, err
	}
	m, err := textclass.Decode(rest)
	if err != nil {
		return nil, fmt.Errorf("read classifier: %w", err)
	}
	c := &Classifier{key: key, model: m, class: map[string]int{}, ways: ways}
	for k, id := range m.Classes {
		c.class[id] = k
	}
	return c, nil
}
