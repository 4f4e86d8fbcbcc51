package hub

import "strings"

// builtInKeyHash reports a citizen-ID hash made under the key "d0" that old
// programs had built in: reversible by anyone with the program, so the hub
// keeps none (migration 0003 forgot those it had), even from a device not
// yet upgraded.
func builtInKeyHash(hash string) bool { return strings.HasPrefix(hash, "d0:") }

// keptIDHash is what the hub keeps of a pushed person's id_hash.
func keptIDHash(hash string) string {
	if builtInKeyHash(hash) {
		return ""
	}
	return hash
}
