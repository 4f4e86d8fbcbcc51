package sync

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"briefing/internal/store"
)

// ErrKeysOfAnotherDevice: the keys file beside the database names another
// device (a database copied or replaced without its keys file).
var ErrKeysOfAnotherDevice = errors.New("the keys file belongs to another device")

// Enroller enrols the device whose database is Store and whose data
// directory (where the keys file goes) is Dir.
type Enroller struct {
	Store *store.Store
	Dir   string
	Retry Retry
	Now   func() time.Time
	// Client, if set, replaces the client NewClient would make (tests).
	Client func(e Endpoint, deviceID string, keys Keys) (*Client, error)
}

// DeviceKeys reads the device's keys, making and saving them first if
// there are none. The key is saved before it is ever sent, so an enrolment
// whose reply was lost is retried with the same key and gets the same answer.
func DeviceKeys(dir, deviceID string) (Keys, error) {
	k, ok, err := LoadKeys(dir)
	if err != nil {
		return k, err
	}
	if ok {
		if k.DeviceID != deviceID {
			return k, fmt.Errorf("%w: %s names device %s, the database is device %s", ErrKeysOfAnotherDevice, KeysFile, k.DeviceID, deviceID)
		}
		return k, nil
	}
	if k, err = NewKeys(deviceID); err != nil {
		return k, err
	}
	return k, SaveKeys(dir, k)
}

// Enroll registers the device at the hub with code (the secret part: the
// pin goes in e), then keeps the answer: the hash key in the keys file, the
// enrolment in the database.
func (en *Enroller) Enroll(ctx context.Context, e Endpoint, code, name string) (EnrollResponse, error) {
	var resp EnrollResponse
	if _, err := CheckEndpoint(e); err != nil {
		return resp, err
	}
	deviceID := en.Store.DeviceID()
	keys, err := DeviceKeys(en.Dir, deviceID)
	if err != nil {
		return resp, err
	}
	pub, err := keys.PublicKey()
	if err != nil {
		return resp, err
	}
	var c *Client
	if en.Client != nil {
		c, err = en.Client(e, deviceID, keys)
	} else {
		c, err = NewClient(e, deviceID, nil)
	}
	if err != nil {
		return resp, err
	}
	if en.Retry.Tries > 0 {
		c.Retry = en.Retry
	}
	resp, err = c.Enroll(ctx, EnrollRequest{Code: code, DeviceID: deviceID, PublicKey: pub, Name: name})
	if err != nil {
		return resp, err
	}
	if resp.DeviceID != "" && resp.DeviceID != deviceID {
		return resp, fmt.Errorf("enrolment answer: device_id %s is not this device (%s)", resp.DeviceID, deviceID)
	}
	if resp.IDKey != "" {
		if k, err := base64.RawURLEncoding.DecodeString(resp.IDKey); err != nil || len(k) < 16 {
			return resp, errors.New("enrolment answer: id_key is not a base64url key of at least 16 bytes")
		}
	}
	keys.IDKey, keys.HubID, keys.PendingCode = resp.IDKey, resp.HubID, ""
	if err := SaveKeys(en.Dir, keys); err != nil {
		return resp, err
	}
	now := time.Now
	if en.Now != nil {
		now = en.Now
	}
	err = en.Store.SaveEnrolment(ctx, store.SyncState{
		HubURL: e.URL, HubID: resp.HubID, Pin: e.Pin, Unit: resp.Unit, UnitName: resp.UnitName,
		Scope: resp.Scope, AgeRecipient: resp.AgeRecipient, HubKey: resp.HubKey, EnrolledAt: now(),
	})
	return resp, err
}
