package store

import (
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A PostgreSQL server for the tests: $FAQBOT_TEST_POSTGRES when set, else a throwaway cluster started
// from the installed PostgreSQL binaries (Debian's postgresql package) and stopped by TestMain.
// FAQBOT_SKIP_POSTGRES=1 skips the PostgreSQL tests; nothing else does.
var (
	pgOnce    sync.Once
	pgAdmin   string // DSN of the server's postgres database
	pgErr     error
	pgStop    func()
	pgCounter atomic.Int64
)

func TestMain(m *testing.M) {
	code := m.Run()
	if pgStop != nil {
		pgStop()
	}
	os.Exit(code)
}

// postgresDSN returns a DSN of a fresh, empty database.
func postgresDSN(t testing.TB) string {
	t.Helper()
	if os.Getenv("FAQBOT_SKIP_POSTGRES") == "1" {
		t.Skip("PostgreSQL tests skipped: FAQBOT_SKIP_POSTGRES=1")
	}
	pgOnce.Do(func() { pgAdmin, pgStop, pgErr = startPostgres() })
	if pgErr != nil {
		t.Fatalf("no PostgreSQL for the tests: %v\ninstall it (apt-get install postgresql), set FAQBOT_TEST_POSTGRES to a server's DSN, or set FAQBOT_SKIP_POSTGRES=1 to skip", pgErr)
	}
	name := fmt.Sprintf("faqbot_test_%d_%d", os.Getpid(), pgCounter.Add(1))
	db, err := sql.Open("pgx", pgAdmin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	return replaceDB(pgAdmin, name)
}

func replaceDB(dsn, name string) string { return dsn + " dbname=" + name }

func startPostgres() (string, func(), error) {
	if dsn := os.Getenv("FAQBOT_TEST_POSTGRES"); dsn != "" {
		return dsn, nil, nil
	}
	bin, err := postgresBin()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "faqbot-pg-")
	if err != nil {
		return "", nil, err
	}
	port, err := freePort()
	if err != nil {
		return "", nil, err
	}
	run, err := asPostgresUser(dir)
	if err != nil {
		return "", nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8").CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	opts := fmt.Sprintf("-k %s -p %d -c listen_addresses='' -c fsync=off -c full_page_writes=off", dir, port)
	if out, err := run(filepath.Join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start").CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	stop := func() {
		_ = run(filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop").Run()
		_ = os.RemoveAll(dir)
	}
	return fmt.Sprintf("host=%s port=%d user=postgres sslmode=disable", dir, port), stop, nil
}

// postgresBin finds the folder of initdb and pg_ctl: on PATH, or where Debian installs them.
func postgresBin() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) == 0 {
		return "", fmt.Errorf("initdb not found")
	}
	return filepath.Dir(matches[len(matches)-1]), nil
}

// asPostgresUser returns how to run PostgreSQL's programs: as ourselves, or, since PostgreSQL refuses to
// run as root, as the postgres system user, who is given dir.
func asPostgresUser(dir string) (func(name string, args ...string) *exec.Cmd, error) {
	if os.Geteuid() != 0 {
		return exec.Command, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root and no postgres user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return func(name string, args ...string) *exec.Cmd {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}, nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitReady gives a fresh server a moment.
func waitReady(ctx context.Context, s *Store) error {
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if err := s.Ping(ctx); err == nil || time.Now().After(deadline) {
			return err
		}
	}
}
