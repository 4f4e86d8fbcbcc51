package attendance

import (
	"context"
	"errors"

	"briefing/internal/cccd"
)

// The citizen-ID hash is an HMAC under a secret key that no copy of the
// program carries and the database never holds: the installation's own,
// made on first need, until the device enrols, then the district's, which
// every device of the district shares so that the district can tell that
// two devices registered the same person by comparing hashes. Each hash
// carries its key's id, and hashes under different ids are never compared:
// a hash made before enrolment is still found by the key that made it.
//
// Where the keys are kept is not attendance's business: a KeySource hands
// them over (internal/sync keeps them in files beside the database).

// KeySource hands over the citizen-ID hash keys. CitizenIDKeys returns the
// hasher new hashes are made with first, then any older ones this
// installation still holds, whose hashes it must still recognise. With
// create, an installation that has no key yet makes its own; without, it
// makes none and may return none (a dry run writes nothing).
type KeySource interface {
	CitizenIDKeys(ctx context.Context, create bool) ([]cccd.Hasher, error)
}

// ErrNoIDKey: the KeySource has no key to hash a citizen-ID number with
// (there is no built-in key to fall back to).
var ErrNoIDKey = errors.New("no citizen-ID hash key")

// memoryKeys is the KeySource of a Service made without WithKeys: a random
// key of its own, held in memory and gone when the Service is, so the cards
// it hashes are found only while it lives (tests, tools that keep none).
type memoryKeys struct{ hasher cccd.Hasher }

func newMemoryKeys() memoryKeys {
	key := cccd.NewKey()
	return memoryKeys{hasher: cccd.NewHasher(cccd.KeyID(key), key)}
}

func (m memoryKeys) CitizenIDKeys(context.Context, bool) ([]cccd.Hasher, error) {
	return []cccd.Hasher{m.hasher}, nil
}

// Option sets up a Service.
type Option func(*Service)

// WithKeys gives the Service the installation's citizen-ID hash keys.
// Without it the Service hashes under a random key held in memory, lost
// when the Service is: the program always passes the installation's.
func WithKeys(keys KeySource) Option { return func(s *Service) { s.keys = keys } }

// Hasher returns the hasher new citizen-ID hashes are made with.
func (s *Service) Hasher(ctx context.Context) (cccd.Hasher, error) {
	all, err := s.hashers(ctx)
	if err != nil {
		return cccd.Hasher{}, err
	}
	return all[0], nil
}

// hashers is every hasher whose hashes this installation recognises, the
// current one first.
func (s *Service) hashers(ctx context.Context) ([]cccd.Hasher, error) {
	all, err := s.keysMade(ctx, true)
	if err == nil && len(all) == 0 {
		err = ErrNoIDKey
	}
	return all, err
}

// existingHashers is hashers without making a key: possibly none.
func (s *Service) existingHashers(ctx context.Context) ([]cccd.Hasher, error) {
	return s.keysMade(ctx, false)
}

func (s *Service) keysMade(ctx context.Context, create bool) ([]cccd.Hasher, error) {
	// The source's error names its file and what is wrong: passed on as it is.
	return s.keys.CitizenIDKeys(ctx, create)
}

// hashesOf is number's hash under each of hashers, the current one first.
func hashesOf(hashers []cccd.Hasher, number string) []string {
	out := make([]string, len(hashers))
	for i, h := range hashers {
		out[i] = h.Hash(number)
	}
	return out
}
