// Package pgtest starts a throwaway PostgreSQL server for tests and makes fresh databases on it.
package pgtest

import (
	"database/sql"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Server is a PostgreSQL server for tests.
type Server struct {
	admin   string // DSN of the server's postgres database
	stop    func()
	counter atomic.Int64
}

// Start starts a server: $FAQBOT_TEST_POSTGRES when set, else a throwaway cluster from the installed
// PostgreSQL binaries (Debian's postgresql package) on a Unix socket, fsync off. Stop it when done.
func Start() (*Server, error) {
	admin, stop, err := start()
	if err != nil {
		return nil, err
	}
	return &Server{admin: admin, stop: stop}, nil
}

// Stop stops a server that Start started; a server from $FAQBOT_TEST_POSTGRES is left running.
func (s *Server) Stop() {
	if s.stop != nil {
		s.stop()
	}
}

// Database creates a fresh, empty database and returns its DSN.
func (s *Server) Database(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("faqbot_test_%d_%d", os.Getpid(), s.counter.Add(1))
	db, err := sql.Open("pgx", s.admin)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	return s.admin + " dbname=" + name
}

// Skip skips t when FAQBOT_SKIP_POSTGRES=1; nothing else skips the PostgreSQL tests.
func Skip(t testing.TB) {
	t.Helper()
	if os.Getenv("FAQBOT_SKIP_POSTGRES") == "1" {
		t.Skip("PostgreSQL tests skipped: FAQBOT_SKIP_POSTGRES=1")
	}
}

// Hint is what to do when no server can be started.
const Hint = "install it (apt-get install postgresql), set FAQBOT_TEST_POSTGRES to a server's DSN, or set FAQBOT_SKIP_POSTGRES=1 to skip"

func start() (string, func(), error) {
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
