package hub

import (
	"briefing/internal/textvi"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"time"
)

// CodeTTL is how long an enrolment code is valid; FileCodeTTL a code
// written to an enrolment file, which travels on a stick to a laptop that
// may be enrolled from it and send its first bundle weeks later.
const (
	CodeTTL     = 72 * time.Hour
	FileCodeTTL = 30 * 24 * time.Hour
)

// NewCode makes a one-time enrolment code for unitID: 160 random bits in
// base32, then "." and the certificate pin (empty for a plain-HTTP hub),
// and stores the secret's hash.
func NewCode(ctx context.Context, st Store, unitID, name, pin string, now time.Time) (string, error) {
	return NewDeviceCode(ctx, st, "", unitID, name, pin, now)
}

// NewDeviceCode is NewCode for enrolling the known device deviceID again
// (revoked by mistake, moved to another unit, its keys lost); only that
// device can use it. deviceID "" makes a code for a new device.
func NewDeviceCode(ctx context.Context, st Store, deviceID, unitID, name, pin string, now time.Time) (string, error) {
	return NewDeviceCodeTTL(ctx, st, deviceID, unitID, name, pin, now, CodeTTL)
}

// NewDeviceCodeTTL is NewDeviceCode for a code valid for ttl.
func NewDeviceCodeTTL(ctx context.Context, st Store, deviceID, unitID, name, pin string, now time.Time, ttl time.Duration) (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
	err := st.AddEnrolment(ctx, Enrolment{CodeHash: HashCode(secret), UnitID: unitID, Name: textvi.FieldText(name),
		CreatedAt: now, ExpiresAt: now.Add(ttl), ForDevice: deviceID})
	if err != nil {
		return "", err
	}
	return secret + "." + pin, nil
}

// HashCode is how a code is stored and looked up: the SHA-256 of its secret
// (the part before "."), read case-insensitively and without spaces or dashes.
func HashCode(code string) string {
	secret, _, _ := strings.Cut(code, ".")
	secret = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(strings.TrimSpace(secret)))
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
