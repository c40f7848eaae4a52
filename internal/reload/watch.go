package reload

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch calls reload after files under path (a folder, watched with every folder below it, or one file)
// change and then stay quiet for debounce. It returns when ctx ends, or at once with an error when the
// path cannot be watched.
func Watch(ctx context.Context, path string, debounce time.Duration, reload func(), log *slog.Logger) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", path, err)
	}
	match, err := watchPaths(w, path)
	if err != nil {
		_ = w.Close()
		return fmt.Errorf("watch %s: %w", path, err)
	}
	go func() {
		defer w.Close()
		var timer <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev := <-w.Events:
				if !match(ev.Name) {
					continue
				}
				if ev.Has(fsnotify.Create) { // a new folder, not a link to one: knowledge is read only inside path
					if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
						_ = w.Add(ev.Name)
					}
				}
				timer = time.After(debounce)
			case err := <-w.Errors:
				log.Warn("knowledge watch", "err", err)
			case <-timer:
				timer = nil
				reload()
			}
		}
	}()
	return nil
}

// watchPaths adds what to watch for path and returns which event names concern it. A single file is
// watched through its folder, since editors replace files rather than write them in place.
func watchPaths(w *fsnotify.Watcher, path string) (func(string) bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		clean := filepath.Clean(path)
		return func(name string) bool { return filepath.Clean(name) == clean }, w.Add(filepath.Dir(path))
	}
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.Add(p)
	})
	return func(string) bool { return true }, err
}
