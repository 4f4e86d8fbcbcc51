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
	return resp, en.keep(ctx, keys, e, resp, "")
}

// EnrollOffline enrols this device from an enrolment file, without the
// hub: the file carries what the hub would answer. The hub enrols the
// device when its first bundle brings the code.
func (en *Enroller) EnrollOffline(ctx context.Context, ef EnrolmentFile) (EnrollResponse, error) {
	resp := EnrollResponse{HubID: ef.HubID, DeviceID: en.Store.DeviceID(), Unit: ef.UnitID, UnitName: ef.Unit,
		Scope: ef.Scope, IDKey: ef.IDKey, AgeRecipient: ef.AgeRecipient, HubKey: ef.HubKey}
	if !ef.Offline() {
		return resp, errors.New("the enrolment file does not carry what a laptop needs to enrol without the hub: ask the district for a new one (briefing hub enroll -o FILE)")
	}
	// Enrolled for one unit, a laptop does not change unit by a file meant
	// for another: the hub would hold every record it then writes.
	if ef.Device != "" && ef.Device != resp.DeviceID {
		return resp, fmt.Errorf("the enrolment file was made for laptop %s, this is %s: ask the district for a file for this laptop", ef.Device, resp.DeviceID)
	}
	if st, err := en.Store.SyncState(ctx); err == nil && st.HubID == ef.HubID && st.Unit != "" && st.Unit != ef.UnitID && ef.Device == "" {
		return resp, &UnitChangeError{Enrolled: st.UnitName, File: ef.Unit}
	}
	keys, err := DeviceKeys(en.Dir, resp.DeviceID)
	if err != nil {
		return resp, err
	}
	return resp, en.keep(ctx, keys, Endpoint{URL: ef.URL, Pin: ef.Pin}, resp, ef.Code)
}

// keep saves what an enrolment gives: the hash key, the hub's id and a code
// still to bring to the hub (an enrolment from a file) in the keys file; the
// rest in the database.
func (en *Enroller) keep(ctx context.Context, keys Keys, e Endpoint, resp EnrollResponse, pendingCode string) error {
	keys.IDKey, keys.HubID, keys.PendingCode = resp.IDKey, resp.HubID, pendingCode
	if err := SaveKeys(en.Dir, keys); err != nil {
		return err
	}
	now := time.Now
	if en.Now != nil {
		now = en.Now
	}
	return en.Store.SaveEnrolment(ctx, store.SyncState{
		HubURL: e.URL, HubID: resp.HubID, Pin: e.Pin, Unit: resp.Unit, UnitName: resp.UnitName,
		Scope: resp.Scope, AgeRecipient: resp.AgeRecipient, HubKey: resp.HubKey, EnrolledAt: now(),
	})
}
