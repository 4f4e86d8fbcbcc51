package sync

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/cccd"
)

// OwnIDKeyFile is the file, beside the database and the keys file, that
// holds the installation's own citizen-ID hash key: made on first need,
// used until the device enrols and the hub's key takes over, and kept
// after, so that the cards registered before enrolment are still found.
// Mode 0600. It is a file of its own, not a field of KeysFile, so that
// making it never rewrites the file enrolment writes: two processes that
// need it at once agree on one key (the first to create the file wins).
const OwnIDKeyFile = "citizen-id-key.json"

// ownIDKey is OwnIDKeyFile's content.
type ownIDKey struct {
	// Key is 32 random bytes, base64url without padding.
	Key string `json:"key"`
}

// IDKeys is the citizen-ID hash keys of the installation whose data
// directory is Dir (attendance.KeySource): the hub's, from the keys file,
// once enrolled, then the installation's own. Nothing of them is in the
// database, the change log, an export or a bundle.
type IDKeys struct{ Dir string }

// CitizenIDKeys returns the hasher new hashes are made with first: the
// hub's once the device has enrolled, else the installation's own, made
// now if there is none and create is set. The own key, when there is one,
// follows the hub's.
func (k IDKeys) CitizenIDKeys(_ context.Context, create bool) ([]cccd.Hasher, error) {
	var out []cccd.Hasher
	keys, ok, err := LoadKeys(k.Dir)
	if err != nil {
		return nil, err
	}
	if ok && keys.IDKey != "" {
		key, err := base64.RawURLEncoding.DecodeString(keys.IDKey)
		if err != nil || len(key) < 16 {
			return nil, fmt.Errorf("%s: id_key is not a base64url key of at least 16 bytes", filepath.Join(k.Dir, KeysFile))
		}
		out = append(out, cccd.NewHasher(cccd.KeyID(key), key))
	}
	own, found, err := LoadKeyFile(filepath.Join(k.Dir, OwnIDKeyFile))
	if err != nil {
		return nil, err
	}
	if !found && create && len(out) == 0 {
		if err := os.MkdirAll(k.Dir, 0o700); err != nil {
			return nil, err
		}
		if own, err = CreateKeyFile(filepath.Join(k.Dir, OwnIDKeyFile), cccd.NewKey()); err != nil {
			return nil, err
		}
		found = true
	}
	if found {
		out = append(out, cccd.NewHasher(cccd.KeyID(own), own))
	}
	return out, nil
}

// LoadKeyFile reads a key file (OwnIDKeyFile, or the hub's): found is false
// when there is none. A file another process is still writing (empty or cut
// short) is read again for up to a second.
func LoadKeyFile(path string) (key []byte, found bool, err error) {
	for try := 0; ; try++ {
		key, err = readOwnIDKey(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, false, nil
		case err == nil:
			return key, true, nil
		case errors.Is(err, errPartialKey) && try < 20:
			time.Sleep(partialKeyWait)
			continue
		}
		return nil, false, err
	}
}

var errPartialKey = errors.New("not a whole key file")

// partialKeyWait is how long LoadKeyFile waits before reading a partial
// file again (twenty times at most).
var partialKeyWait = 50 * time.Millisecond

func readOwnIDKey(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeysFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxKeysFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxKeysFile)
	}
	var k ownIDKey
	if err := json.Unmarshal(data, &k); err != nil {
		if len(data) == 0 || errors.Is(err, io.ErrUnexpectedEOF) || isUnexpectedEnd(err) {
			return nil, fmt.Errorf("%s: %w", path, errPartialKey)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	key, err := base64.RawURLEncoding.DecodeString(k.Key)
	if err != nil || len(key) < 16 {
		return nil, fmt.Errorf("%s: key is not a base64url key of at least 16 bytes", path)
	}
	return key, nil
}

func isUnexpectedEnd(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) && se.Error() == "unexpected end of JSON input"
}

// CreateKeyFile creates the key file path (mode 0600) holding key, unless
// another process did first: then that process's key is the one returned.
// atomicfile.CreateNew writes it whole (where the system cannot link, in
// place: a reader waits, LoadKeyFile).
func CreateKeyFile(path string, key []byte) ([]byte, error) {
	data, err := json.MarshalIndent(ownIDKey{Key: base64.RawURLEncoding.EncodeToString(key)}, "", "  ")
	if err != nil {
		return nil, err
	}
	data = append(data, '\n')
	err = atomicfile.CreateNew(path, data, 0o600)
	switch {
	case errors.Is(err, fs.ErrExist):
		key, _, err = LoadKeyFile(path)
		return key, err
	case err != nil:
		return nil, err
	}
	return key, nil
}
