package store

import (
	"context"
	"database/sql"
)

// exec runs a statement of the transaction through the cache.
func (t *Tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmts.Get(ctx, query)
	if err != nil {
		return nil, err
	}
	return t.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
}

// QueryRowContext runs a one-row query of the transaction through the cache.
func (t *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmts.Get(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...) // reports the same error
	}
	return t.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}

// QueryContext runs a query of the transaction through the cache.
func (t *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmts.Get(ctx, query)
	if err != nil {
		return nil, err
	}
	return t.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}
