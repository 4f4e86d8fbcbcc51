package hub

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	gosync "sync"

	"briefing/internal/sqlitedb"
	"briefing/internal/sync"
	"briefing/internal/textvi"

	"github.com/google/uuid"
)

// Server answers the protocol's endpoints over a Store.
type Server struct {
	Store Store
	Log   *slog.Logger
	Now   func() time.Time // nil: time.Now
	// Keys are the hub's bundle keys: an enrolment answer gives their
	// public halves (nil: none, bundles cannot be used).
	Keys *BundleKeys
	// MaxActive bounds the signed requests read and served at once (0:
	// DefaultMaxActive), so that memory stays under MaxActive request
	// bodies whatever the number of connections.
	MaxActive int

	initOnce gosync.Once
	active   chan struct{} // turns to do a request's work
	reading  chan struct{} // turns to read a request's body
	mu       gosync.Mutex
	byDevice map[string]*deviceTurns
}

// DefaultMaxActive: pushes write one at a time in SQLite anyway; a few more
// keep the pipe full while one commits.
const DefaultMaxActive = 8

// queueWait is how long a signed request waits for its turn before it is
// told the hub is busy (503, Retry-After), which the device retries.
const queueWait = 20 * time.Second

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Handler routes the endpoints of internal/sync's doc comment.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") })
	mux.HandleFunc("POST /v1/enroll", s.enroll)
	mux.HandleFunc("POST /v1/push", s.signed(s.push))
	mux.HandleFunc("GET /v1/pull", s.signed(s.pull))
	mux.HandleFunc("GET /v1/status", s.signed(s.status))
	return s.logged(mux)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// logged writes one structured line per request (never the Authorization).
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: 200}
		if v := r.Header.Get("Briefing-Protocol"); v != "" && v != sync.ProtocolVersion {
			writeError(sw, refuse(http.StatusUpgradeRequired, sync.CodeProtocol, "this hub speaks protocol version "+sync.ProtocolVersion))
		} else {
			h.ServeHTTP(sw, r)
		}
		if s.Log != nil {
			s.Log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeError answers a Refusal with its status and wire error; anything
// else is the hub's fault (500, "busy" when the database is locked).
func writeError(w http.ResponseWriter, err error) {
	var r *Refusal
	if errors.As(err, &r) {
		writeJSON(w, r.Status, r.Wire)
		return
	}
	if sqlitedb.IsBusy(err) || errors.Is(err, errBusy) {
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, sync.Error{Code: sync.CodeBusy, Message: "the hub is busy: try again"})
		return
	}
	writeJSON(w, http.StatusInternalServerError, sync.Error{Code: "internal", Message: "the hub failed: try again later"})
}

// readBody reads a request body of at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, refuse(http.StatusRequestEntityTooLarge, sync.CodeTooLarge, fmt.Sprintf("a request body is at most %d bytes", limit))
	}
	if err != nil {
		return nil, refuse(http.StatusBadRequest, sync.CodeInvalid, "the request body could not be read")
	}
	return body, nil
}

type signedHandler func(w http.ResponseWriter, r *http.Request, dev Device, body []byte)

// signed checks the Authorization header against the device's registered
// key and refuses a revoked device. The header's signature (over the body's
// declared hash) is checked before the body is read, and bodies are read a
// few at a time, at most perDevice of one device at once: only a device's
// key takes a turn, and one device cannot take them all.
func (s *Server) signed(h signedHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth, err := sync.ParseAuthorization(r.Header.Get("Authorization"))
		if err != nil {
			s.fail(w, r, refuse(http.StatusUnauthorized, sync.CodeSignature, err.Error()))
			return
		}
		dev, err := s.Store.Device(r.Context(), auth.DeviceID)
		if errors.Is(err, ErrNotFound) {
			s.fail(w, r, refuse(http.StatusUnauthorized, sync.CodeUnknown, "this device is not enrolled at this hub"))
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		pub, _ := base64.RawURLEncoding.DecodeString(dev.PublicKey)
		if !auth.VerifyHeader(ed25519.PublicKey(pub), r.Method, r.URL.RequestURI()) {
			s.fail(w, r, refuse(http.StatusUnauthorized, sync.CodeSignature, "the request's signature does not verify with this device's key"))
			return
		}
		if dev.RevokedAt != nil {
			s.fail(w, r, refuse(http.StatusForbidden, sync.CodeRevoked, "this device was revoked at the hub: its records stay on it; ask the district"))
			return
		}
		release, err := s.acquire(r, dev.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		defer release()
		body, err := readBody(w, r, sync.MaxPushBytes)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !auth.BodyMatches(body) {
			s.fail(w, r, refuse(http.StatusUnauthorized, sync.CodeSignature, "the body is not the one the request's signature covers"))
			return
		}
		// The work itself takes one of MaxActive turns, once the body is
		// in: a device sending its body slowly holds only a reading turn.
		work, err := s.turn(r, s.active)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		defer work()
		h(w, r, dev, body)
	}
}

// perDevice is how many requests of one device are served at once (a
// device syncs one request at a time; a second covers a retry racing the
// one it replaces); its others wait their turn without taking one of
// another device's.
const perDevice = 2

// deviceTurns is one device's turns and how many of its requests use them.
type deviceTurns struct {
	turns chan struct{}
	users int
}

// acquire waits for the device's turn, then for one of the turns to read a
// body (3×MaxActive: bodies are read only for a device whose signature
// verified, at most perDevice of one device); after queueWait the device is
// told to come back (503 with Retry-After).
func (s *Server) acquire(r *http.Request, deviceID string) (release func(), err error) {
	s.initOnce.Do(func() {
		n := s.MaxActive
		if n <= 0 {
			n = DefaultMaxActive
		}
		s.active = make(chan struct{}, n)
		s.reading = make(chan struct{}, 3*n)
		s.byDevice = map[string]*deviceTurns{}
	})
	s.mu.Lock()
	dt := s.byDevice[deviceID]
	if dt == nil {
		dt = &deviceTurns{turns: make(chan struct{}, perDevice)}
		s.byDevice[deviceID] = dt
	}
	dt.users++
	s.mu.Unlock()
	leave := func() {
		s.mu.Lock()
		if dt.users--; dt.users == 0 {
			delete(s.byDevice, deviceID)
		}
		s.mu.Unlock()
	}
	own, err := s.turn(r, dt.turns)
	if err != nil {
		leave()
		return nil, err
	}
	reading, err := s.turn(r, s.reading)
	if err != nil {
		own()
		leave()
		return nil, err
	}
	return func() { reading(); own(); leave() }, nil
}

// turn waits up to queueWait for a place in turns.
func (s *Server) turn(r *http.Request, turns chan struct{}) (release func(), err error) {
	t := time.NewTimer(queueWait)
	defer t.Stop()
	select {
	case turns <- struct{}{}:
		return func() { <-turns }, nil
	case <-t.C:
		return nil, errBusy
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
}

// errBusy: too many requests at once; writeError answers it like a locked database.
var errBusy = errors.New("the hub is serving too many requests at once")

func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ref *Refusal
	if !errors.As(err, &ref) && s.Log != nil {
		s.Log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	writeError(w, err)
}

// maxEnrollBytes bounds an enrolment request.
const maxEnrollBytes = 16 << 10

func (s *Server) enroll(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(w, r, maxEnrollBytes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req sync.EnrollRequest
	if err := json.Unmarshal(body, &req); err != nil {
		s.fail(w, r, refuse(http.StatusBadRequest, sync.CodeInvalid, "the body is not an enrolment request: "+err.Error()))
		return
	}
	if u, err := uuid.Parse(req.DeviceID); err != nil || u.String() != req.DeviceID {
		s.fail(w, r, fieldRefusal("device_id", "not a UUID in lowercase form"))
		return
	}
	if pub, err := base64.RawURLEncoding.DecodeString(req.PublicKey); err != nil || len(pub) != ed25519.PublicKeySize {
		s.fail(w, r, fieldRefusal("public_key", "not an ed25519 public key in base64url without padding"))
		return
	}
	if len(req.Name) > 200 {
		s.fail(w, r, fieldRefusal("name", "longer than 200 bytes"))
		return
	}
	req.Name = textvi.FieldText(req.Name) // shown in hub devices: one clean line
	dev, err := s.Store.Enroll(r.Context(), HashCode(req.Code), req, s.now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	cat, err := s.Store.Catalog(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, _ := cat.Unit(dev.UnitID)
	if s.Log != nil {
		s.Log.Info("device enrolled", "device", dev.ID, "unit", u.Name)
	}
	resp := sync.EnrollResponse{
		HubID: s.Store.HubID(), DeviceID: dev.ID, Unit: dev.UnitID, UnitName: u.Name, Scope: cat.Scope(dev.UnitID),
		IDKey: s.Store.IDKey(), HubTime: s.now().UTC(),
	}
	if s.Keys != nil {
		resp.AgeRecipient, resp.HubKey = s.Keys.Recipient(), s.Keys.PublicKey()
	}
	writeJSON(w, http.StatusOK, resp)
}

func fieldRefusal(field, msg string) *Refusal {
	r := refuse(http.StatusUnprocessableEntity, sync.CodeInvalid, field+": "+msg)
	r.Wire.Field = field
	return r
}

func (s *Server) push(w http.ResponseWriter, r *http.Request, dev Device, body []byte) {
	req, err := DecodePush(body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	resp, err := s.Store.Push(r.Context(), dev, req, now)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if resp.ClockAhead > 0 && s.Log != nil {
		s.Log.Warn("clock ahead", "device", dev.ID, "changes", resp.ClockAhead)
	}
	writeJSON(w, http.StatusOK, resp)
}

// DecodePush reads a push body: JSON, at most MaxPushBytes and
// MaxPushChanges changes (413 beyond), every payload a JSON value.
func DecodePush(body []byte) (sync.PushRequest, error) {
	var req sync.PushRequest
	if len(body) > sync.MaxPushBytes {
		return req, refuse(http.StatusRequestEntityTooLarge, sync.CodeTooLarge, fmt.Sprintf("a push is at most %d bytes", sync.MaxPushBytes))
	}
	// One value, then only white space (json.Unmarshal would say which);
	// encoding/json's Decoder regrows its buffer over an 8 MB body.
	if end, ok := skipValue(body, skipSpace(body, 0)); ok && trailing(body, end) != nil {
		return sync.PushRequest{}, refuse(http.StatusBadRequest, sync.CodeInvalid, "the body holds more than one push request")
	}
	if fast, ok := decodePushFast(body); ok {
		req = fast
	} else if err := json.Unmarshal(body, &req); err != nil {
		return sync.PushRequest{}, refuse(http.StatusBadRequest, sync.CodeInvalid, "the body is not a push request: "+err.Error())
	}
	if len(req.Changes) > sync.MaxPushChanges {
		return sync.PushRequest{}, refuse(http.StatusRequestEntityTooLarge, sync.CodeTooLarge,
			fmt.Sprintf("a push holds at most %d changes, this one %d", sync.MaxPushChanges, len(req.Changes)))
	}
	// The body is valid JSON, so is every payload in it: only a missing one
	// is left to refuse.
	for _, c := range req.Changes {
		if len(c.Payload) == 0 {
			r := refuse(http.StatusUnprocessableEntity, sync.CodeInvalid, "the payload is missing")
			r.Wire.Seq, r.Wire.Field = c.Seq, "payload"
			return sync.PushRequest{}, r
		}
	}
	return req, nil
}

func (s *Server) pull(w http.ResponseWriter, r *http.Request, dev Device, _ []byte) {
	q := r.URL.Query()
	after, err1 := strconv.ParseInt(q.Get("after"), 10, 64)
	limit, err2 := strconv.Atoi(strings.TrimSpace(q.Get("limit")))
	if q.Get("after") == "" {
		after, err1 = 0, nil
	}
	if q.Get("limit") == "" {
		limit, err2 = sync.MaxPullLimit, nil
	}
	if err1 != nil || err2 != nil || after < 0 || limit < 1 {
		s.fail(w, r, fieldRefusal("after", "after and limit are whole numbers, after 0 or more, limit 1 or more"))
		return
	}
	items, next, more, err := s.Store.Pull(r.Context(), dev, after, min(limit, sync.MaxPullLimit))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := sync.PullResponse{Items: items, Next: next, More: more, HubTime: s.now().UTC(), Held: -1}
	if !more {
		if resp.Held, err = s.Store.HeldCount(r.Context(), dev.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) status(w http.ResponseWriter, r *http.Request, dev Device, _ []byte) {
	epoch, acked, head, err := s.Store.Status(r.Context(), dev)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sync.StatusResponse{DeviceID: dev.ID, Epoch: epoch, Acked: acked, FeedHead: head, HubTime: s.now().UTC()})
}
