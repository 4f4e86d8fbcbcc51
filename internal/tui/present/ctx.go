package present

import "context"

// ctx is the context for database calls made from Cmds: they are short and local, and a
// half-finished write is rolled back by SQLite, so there is nothing to cancel.
func ctx() context.Context { return context.Background() }
