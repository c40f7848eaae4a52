package store

import (
	"strconv"
	"strings"
)

// dialect is what differs between SQLite and PostgreSQL in the SQL this package writes.
type dialect int

const (
	sqliteDialect dialect = iota
	postgresDialect
)

// bind rewrites ? placeholders as $1, $2... for PostgreSQL.
func (d dialect) bind(query string) string {
	if d != postgresDialect {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// autoID is the column type of a generated primary key.
func (d dialect) autoID() string {
	if d == postgresDialect {
		return "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
	}
	return "INTEGER PRIMARY KEY AUTOINCREMENT"
}

// withoutRowID makes a SQLite table one B-tree keyed by its primary key; PostgreSQL has no such option.
func (d dialect) withoutRowID() string {
	if d == postgresDialect {
		return ""
	}
	return " WITHOUT ROWID"
}
