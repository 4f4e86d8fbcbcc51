package attendance

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"

	"briefing/internal/cccd"
)

// The citizen-ID hash is an HMAC whose key is shared by every device of a
// district, so the district can tell that two devices registered the same
// person by comparing hashes, without anyone storing the number. Each hash
// carries its key's id ("d0:…"), so hashes made under a later key are never
// compared with these by mistake.
//
// Until the district hands a device its own key (setting idKeySetting,
// "<key id>:<base64 key>", written at enrolment), devices use the built-in
// key d0. It is the same in every copy of the program, so it keeps hashes
// comparable across devices but is no secret: against someone who has the
// database and the program, a 12-digit number can be recovered by trying
// them all. The district key is what closes that.
const (
	idKeySetting = "citizen_id_key"
	defaultKeyID = "d0"
	defaultKey   = "briefing/tan-binh/citizen-id/d0"
)

// Hasher returns the citizen-ID hasher of this device's district.
func (s *Service) Hasher(ctx context.Context) (cccd.Hasher, error) {
	value, ok, err := s.st.Setting(ctx, idKeySetting)
	if err != nil {
		return cccd.Hasher{}, err
	}
	if !ok {
		return cccd.NewHasher(defaultKeyID, []byte(defaultKey)), nil
	}
	id, encoded, found := strings.Cut(value, ":")
	key, err := base64.StdEncoding.DecodeString(encoded)
	if !found || id == "" || err != nil || len(key) < 16 {
		return cccd.Hasher{}, fmt.Errorf("setting %s is damaged: want <key id>:<base64 key of 16+ bytes>", idKeySetting)
	}
	return cccd.NewHasher(id, key), nil
}
