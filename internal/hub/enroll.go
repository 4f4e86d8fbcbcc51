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

// CodeTTL is how long an enrolment code is valid.
const CodeTTL = 72 * time.Hour

// NewCode makes a one-time enrolment code for unitID: 160 random bits in
// base32, then "." and the certificate pin (empty for a plain-HTTP hub),
// and stores the secret's hash.
func NewCode(ctx context.Context, st Store, unitID, name, pin string, now time.Time) (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
	err := st.AddEnrolment(ctx, Enrolment{CodeHash: HashCode(secret), UnitID: unitID, Name: textvi.FieldText(name),
		CreatedAt: now, ExpiresAt: now.Add(CodeTTL)})
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
