package sqlitedb

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// StmtCache keeps statements prepared for a database's life. Parsing SQL
// costs modernc's SQLite 10-60 µs a statement, which is most of a small
// write's CPU time; database/sql then keeps each statement prepared on every
// pooled connection it has run on.
type StmtCache struct {
	DB    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// Get returns query prepared, preparing it on first use.
func (c *StmtCache) Get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// Close closes every statement; the cache can be used again after.
func (c *StmtCache) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// ValuesList is "(?, ?), (?, ?)": rows rows of cols parameters, for a
// multi-row INSERT.
func ValuesList(rows, cols int) string {
	row := "(" + strings.Repeat("?, ", cols-1) + "?)"
	var b strings.Builder
	b.Grow(rows * (len(row) + 2))
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
}
