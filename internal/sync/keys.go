package sync

import (
	"briefing/internal/atomicfile"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// KeysFile is the file, in the data directory beside the database, that
// holds the device's secrets: its ed25519 private key and the citizen-ID
// hash key the hub gave at enrolment. They are kept out of the database so
// that a copy of the database alone holds no secret. Mode 0600.
const KeysFile = "device-keys.json"

// maxKeysFile bounds what LoadKeys reads.
const maxKeysFile = 64 << 10

// Keys are the device's secrets.
type Keys struct {
	DeviceID string `json:"device_id"`
	// PrivateKey is the ed25519 seed (32 bytes), base64url without padding.
	PrivateKey string `json:"private_key"`
	// IDKey is the citizen-ID hash key from the hub, base64url without
	// padding; empty until enrolment succeeds.
	IDKey string `json:"id_key,omitempty"`
	HubID string `json:"hub_id,omitempty"`
	// PendingCode is the enrolment code of a device enrolled from a file,
	// without the hub: its bundles carry it (encrypted) until the hub has
	// enrolled the device (a receipt or a sync says so).
	PendingCode string `json:"pending_code,omitempty"`
}

// NewKeys makes a fresh key pair for deviceID.
func NewKeys(deviceID string) (Keys, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return Keys{}, err
	}
	return Keys{DeviceID: deviceID, PrivateKey: base64.RawURLEncoding.EncodeToString(seed)}, nil
}

// Private is the device's private key.
func (k Keys) Private() (ed25519.PrivateKey, error) {
	seed, err := base64.RawURLEncoding.DecodeString(k.PrivateKey)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, errors.New("private_key is not a base64url ed25519 seed of 32 bytes")
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// PublicKey is the device's public key as enrolment sends it.
func (k Keys) PublicKey() (string, error) {
	priv, err := k.Private()
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(priv.Public().(ed25519.PublicKey)), nil
}

// LoadKeys reads the keys file in dir; ok is false when there is none.
func LoadKeys(dir string) (k Keys, ok bool, err error) {
	path := filepath.Join(dir, KeysFile)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Keys{}, false, nil
	}
	if err != nil {
		return Keys{}, false, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeysFile+1))
	if err != nil {
		return Keys{}, false, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxKeysFile {
		return Keys{}, false, fmt.Errorf("%s: larger than %d bytes", path, maxKeysFile)
	}
	if err := json.Unmarshal(data, &k); err != nil {
		return Keys{}, false, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := k.Private(); err != nil {
		return Keys{}, false, fmt.Errorf("%s: %w", path, err)
	}
	return k, true, nil
}

// SaveKeys writes the keys file in dir atomically: a temporary file of mode
// 0600 in the same directory, written, flushed to disk, renamed over the old
// one, and the directory flushed. A crash leaves the old file or the new one.
func SaveKeys(dir string, k Keys) error {
	data, err := json.MarshalIndent(k, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, KeysFile), append(data, '\n'), 0o600)
}
