// Package decks carries the approved decks on Resolution 57 inside the binary, so that a new
// user can present at once, with no files to copy.
package decks

import "embed"

// FS holds every deck file of this folder.
//
//go:embed *.md
var FS embed.FS
