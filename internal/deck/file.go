package deck

import "briefing/internal/regularfile"

// MaxFileBytes is the largest deck file read: a 2,000-slide deck is about
// 1 MB; /dev/zero or a video renamed .md is not a deck.
const MaxFileBytes = 8 << 20

// ErrNotAFile: the path is a folder, a pipe or a device.
var ErrNotAFile = regularfile.ErrNotRegular

// ErrTooLarge: the file is larger than MaxFileBytes.
var ErrTooLarge = regularfile.ErrTooLarge

// ReadFile reads a deck file: only a regular file, at most MaxFileBytes.
func ReadFile(path string) ([]byte, error) {
	return regularfile.Read(path, MaxFileBytes)
}
