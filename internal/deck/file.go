package deck

import "briefing/internal/regularfile"

// ErrNotAFile: the path is a folder, a pipe or a device.
var ErrNotAFile = regularfile.ErrNotRegular

// ErrTooLarge: the file is larger than MaxFileBytes.
var ErrTooLarge = regularfile.ErrTooLarge

// ReadFile reads a deck file: only a regular file, at most MaxFileBytes.
func ReadFile(path string) ([]byte, error) {
	return regularfile.Read(path, MaxFileBytes)
}
