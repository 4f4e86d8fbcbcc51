package sync

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Bounds of the answers a client reads.
const (
	maxSmallAnswer = 1 << 20  // enrolment, push, status, errors
	maxPullAnswer  = 64 << 20 // one pull page (decks carry their source)
)

// HubError is a final answer from the hub that is not 2xx: its status and
// its Error body (Code "" when the body was not one).
type HubError struct {
	Status int
	Err    Error
}

func (e *HubError) Error() string {
	if e.Err.Code == "" {
		return fmt.Sprintf("hub answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return fmt.Sprintf("hub answered %d: %s", e.Status, e.Err.Error())
}

// Code is the hub's error code of err, "" when err is not a HubError.
func Code(err error) string {
	var he *HubError
	if errors.As(err, &he) {
		return he.Err.Code
	}
	return ""
}

// Retry is the client's retry policy: up to Tries attempts, waiting between
// them a random time up to Base doubled at each try (at most Max), or what
// the hub's Retry-After asks (at most MaxRetryAfter).
type Retry struct {
	Tries         int
	Base, Max     time.Duration
	MaxRetryAfter time.Duration
	// Sleep waits d or until ctx ends; nil: a timer.
	Sleep func(ctx context.Context, d time.Duration) error
}

// DefaultRetry: six tries over about a minute.
var DefaultRetry = Retry{Tries: 6, Base: 500 * time.Millisecond, Max: 30 * time.Second, MaxRetryAfter: 2 * time.Minute}

// Client talks to one hub as one device.
type Client struct {
	BaseURL  *url.URL
	HTTP     *http.Client
	DeviceID string
	Key      ed25519.PrivateKey // nil for enrolment
	Retry    Retry
	Now      func() time.Time // nil: time.Now
	// OnRetry, if set, hears each retry: the attempt that failed and the wait.
	OnRetry func(attempt int, wait time.Duration, err error)
}

// NewClient is a client for the hub at e, trusting only its pin.
func NewClient(e Endpoint, deviceID string, key ed25519.PrivateKey) (*Client, error) {
	u, err := CheckEndpoint(e)
	if err != nil {
		return nil, err
	}
	hc, err := HTTPClient(e)
	if err != nil {
		return nil, err
	}
	return &Client{BaseURL: u, HTTP: hc, DeviceID: deviceID, Key: key, Retry: DefaultRetry}, nil
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Enroll registers the device with a one-time code (unsigned: the code is
// the credential).
func (c *Client) Enroll(ctx context.Context, req EnrollRequest) (EnrollResponse, error) {
	var resp EnrollResponse
	body, err := json.Marshal(req)
	if err != nil {
		return resp, err
	}
	data, err := c.do(ctx, http.MethodPost, "/v1/enroll", body, false, maxSmallAnswer)
	if err != nil {
		return resp, err
	}
	if err := json.Unmarshal(data, &resp); err != nil {
		return resp, fmt.Errorf("enrolment answer: %w", err)
	}
	if resp.HubID == "" {
		return resp, errors.New("enrolment answer: hub_id is missing")
	}
	return resp, nil
}

// Push sends one batch.
func (c *Client) Push(ctx context.Context, req PushRequest) (PushResponse, error) {
	body, err := EncodePush(req)
	if err != nil {
		return PushResponse{}, err
	}
	return c.PushEncoded(ctx, body)
}

// PushEncoded sends one batch EncodePush encoded.
func (c *Client) PushEncoded(ctx context.Context, body []byte) (PushResponse, error) {
	var resp PushResponse
	data, err := c.do(ctx, http.MethodPost, "/v1/push", body, true, maxSmallAnswer)
	if err != nil {
		return resp, err
	}
	if err := json.Unmarshal(data, &resp); err != nil {
		return resp, fmt.Errorf("push answer: %w", err)
	}
	return resp, nil
}

// Pull asks for the page after a cursor; the page is returned undecoded
// (DecodePullPage reads it).
func (c *Client) Pull(ctx context.Context, after int64, limit int) ([]byte, error) {
	path := "/v1/pull?after=" + strconv.FormatInt(after, 10) + "&limit=" + strconv.Itoa(limit)
	return c.do(ctx, http.MethodGet, path, nil, true, maxPullAnswer)
}

// Status asks the hub's view of this device.
func (c *Client) Status(ctx context.Context) (StatusResponse, error) {
	var resp StatusResponse
	data, err := c.do(ctx, http.MethodGet, "/v1/status", nil, true, maxSmallAnswer)
	if err != nil {
		return resp, err
	}
	if err := json.Unmarshal(data, &resp); err != nil {
		return resp, fmt.Errorf("status answer: %w", err)
	}
	return resp, nil
}

// do sends a request, signed when sign is set, retrying what the protocol
// says to retry, and returns the 2xx body.
func (c *Client) do(ctx context.Context, method, pathQuery string, body []byte, sign bool, limit int64) ([]byte, error) {
	r := c.Retry
	if r.Tries < 1 {
		r.Tries = 1
	}
	var lastErr error
	for attempt := 1; ; attempt++ {
		data, retryAfter, err := c.once(ctx, method, pathQuery, body, sign, limit)
		if err == nil {
			return data, nil
		}
		lastErr = err
		if !retryable(err) || attempt >= r.Tries || ctx.Err() != nil {
			return nil, lastErr
		}
		wait := r.backoff(attempt, retryAfter)
		if c.OnRetry != nil {
			c.OnRetry(attempt, wait, err)
		}
		if err := r.sleep(ctx, wait); err != nil {
			return nil, lastErr
		}
	}
}

// once is one attempt; retryAfter is the hub's Retry-After (0: none).
func (c *Client) once(ctx context.Context, method, pathQuery string, body []byte, sign bool, limit int64) (data []byte, retryAfter time.Duration, err error) {
	target := c.BaseURL.String() + pathQuery
	req, err := http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
	if err != nil {
		return nil, 0, err
	}
	req.Header.Set("Briefing-Protocol", ProtocolVersion)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if sign {
		if c.Key == nil {
			return nil, 0, errors.New("the device has no key: enrol first")
		}
		req.Header.Set("Authorization", Authorization(c.Key, c.DeviceID, method, c.BaseURL.Path+pathQuery, c.now(), body))
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, 0, &netError{err}
	}
	defer resp.Body.Close()
	data, err = readBounded(resp.Body, limit)
	if err != nil {
		if resp.StatusCode/100 == 2 {
			return nil, 0, &netError{err}
		}
		data = nil
	}
	if resp.StatusCode/100 == 2 {
		return data, 0, nil
	}
	he := &HubError{Status: resp.StatusCode}
	if json.Unmarshal(data, &he.Err) != nil {
		he.Err = Error{}
	}
	return nil, parseRetryAfter(resp.Header.Get("Retry-After"), c.now()), he
}

// netError is a failure to reach the hub or to read its answer: retried.
type netError struct{ err error }

func (e *netError) Error() string { return "network: " + e.err.Error() }
func (e *netError) Unwrap() error { return e.err }

// retryable: network errors (but not a pin mismatch: retrying will not
// change the certificate), 5xx, 409 busy, 429, 503.
func retryable(err error) bool {
	if errors.Is(err, ErrPinMismatch) {
		return false
	}
	var ne *netError
	if errors.As(err, &ne) {
		// A hub that speaks plain HTTP to an https:// address will not
		// change its mind in ten seconds.
		var dns *net.DNSError
		notFound := errors.As(err, &dns) && dns.IsNotFound
		return !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) &&
			NetProblem(err) != NetPlainHTTP && !notFound
	}
	var he *HubError
	if !errors.As(err, &he) {
		return false
	}
	switch {
	case he.Status >= 500, he.Status == http.StatusTooManyRequests:
		return true
	case he.Status == http.StatusConflict:
		return he.Err.Code == CodeBusy
	}
	return false
}

// backoff is the wait before attempt+1: Retry-After when the hub gave one,
// else full jitter over an exponential ceiling.
func (r Retry) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		if r.MaxRetryAfter > 0 && retryAfter > r.MaxRetryAfter {
			return r.MaxRetryAfter
		}
		return retryAfter
	}
	ceiling := r.Base << min(attempt-1, 20)
	if r.Max > 0 && (ceiling > r.Max || ceiling <= 0) {
		ceiling = r.Max
	}
	if ceiling <= 0 {
		return 0
	}
	// Half fixed, half random: never a burst of immediate retries.
	return ceiling/2 + rand.N(ceiling/2+1)
}

func (r Retry) sleep(ctx context.Context, d time.Duration) error {
	if r.Sleep != nil {
		return r.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// parseRetryAfter reads Retry-After as seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s <= 0 {
			return 0
		}
		return time.Duration(min(s, 86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
