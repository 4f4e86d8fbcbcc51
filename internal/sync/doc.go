// Package sync is the protocol between a device and the district hub, and
// the device's side of it: enrolment, push of the change log, pull of what
// the hub publishes. The hub's side is internal/hub; both use the types in
// this package, so this comment is the protocol's reference. Another client
// can be written from it and docs/changelog.md (the payloads).
//
// # Transport
//
// HTTPS with JSON bodies (Content-Type: application/json, UTF-8), version 1
// under the path prefix /v1/. The hub's certificate is usually self-signed:
// a device pins the SHA-256 of its public key (SubjectPublicKeyInfo, hex),
// received in the enrolment code, and trusts nothing else. Plain HTTP is for
// loopback tests only (the hub refuses it elsewhere).
//
// Every answer that is not 2xx carries an [Error] body: a stable code, and a
// message for a person. A device retries, with exponential backoff and jitter,
// on network errors, 5xx, 409 with code "busy", 429 and 503 (honouring
// Retry-After); any other 4xx is final and shown to the user.
//
// # Versioning
//
// The path carries the major version (/v1/). Within a version fields are only
// added: a reader ignores fields it does not know, and a writer never removes
// or renames one. [ProtocolVersion] is sent as the Briefing-Protocol header;
// a hub that cannot speak it answers 426 with code "protocol".
//
// # Identity and authentication
//
// A device is its database: its id is the change log's device_id (a UUIDv7,
// store.DeviceID), the origin of every record it writes. At enrolment it
// creates an ed25519 key pair and registers the public half. Every later
// request is signed, in headers (never in the URL):
//
//	Authorization: Briefing-Ed25519 device=<device id>, time=<unix ms>, body=<hex SHA-256 of the body>, sig=<base64url, no padding>
//
// where sig is ed25519 over [SigningString]: the method, the path with its
// query, the time and the hex SHA-256 of the body, each on its own line. The
// hub checks the signature against the key registered for that device and
// that the device is not revoked (403 "revoked") before it reads the body,
// then that the body hashes to the declared one (401 "signature"). It reads
// a bounded number of bodies at once, at most two of one device, and does
// the work of a few requests at once once their bodies are in (the others
// wait, then get 503 "busy"): a stranger cannot take a turn, and a device
// sending slowly holds only its own. The time is not checked
// against the hub's clock (a laptop's clock may be a year off and must still
// sync); TLS gives freshness, and a replayed request changes nothing: push is
// idempotent and pull only reads.
//
// # Endpoints
//
//	GET  /healthz                 200 "ok"; no auth
//	POST /v1/enroll               EnrollRequest  -> EnrollResponse   (no signature: the code is the credential)
//	POST /v1/push                 PushRequest    -> PushResponse
//	GET  /v1/pull?after=N&limit=M                -> PullResponse
//	GET  /v1/status                              -> StatusResponse
//
// # Enrolment
//
// The hub's `hub enroll` makes a one-time code (at least 128 random bits,
// stored hashed, valid 72 hours) for one unit. The device sends the code, its
// id, its public key and its name. The hub answers with the device's unit
// scope, the citizen-ID hash key, the hub's id and its age recipient (for
// bundles). A retry with the same code and the same public key is answered
// with the same response (a lost reply must not brick a laptop); the same
// code with another key is refused (409 "code_used"); an expired code 410
// "code_expired"; an unknown code 404 "code_unknown".
//
// The code a person types is "<secret>.<pin>": the secret (the credential)
// and, after the last dot, the pin of the hub's certificate (not secret). A
// device sends the secret alone in EnrollRequest.Code and keeps the pin; a
// hub that receives a whole code takes the part before its last dot. A pin
// is written either as hex or as base64url (with or without padding);
// readers accept both. On plain-HTTP loopback the code may have no pin.
//
// # Push
//
// The device sends its change log after the hub's acknowledged number, in
// batches of at most [MaxPushChanges] changes and [MaxPushBytes] bytes of
// body. A change is keyed by (device, epoch, seq) with the SHA-256 of its
// content ([Change.Hash]); epoch is the device's numbering epoch. It is 1
// until the device's log and the hub's disagree (its database restored from
// an older copy: a 409 "conflict", or an Acked past the log's end); the
// device then starts epoch+1 with nothing acknowledged and sends its whole
// log again, which the hub applies as ever (each record keeps its newest
// state, so what the restore lost stays at the hub).
//
//   - A change already stored with the same hash is acknowledged again; the
//     hub does not "check, then insert": the key is unique in its database and
//     the change and the acknowledgement commit in one transaction.
//   - The same key with a different hash is quarantined (kept aside for a
//     person) and answered 409 "conflict" with the seq; nothing is overwritten.
//     A hub keeps the first [MaxQuarantined] of a device's conflicts, each
//     once however often it is pushed.
//   - A batch that starts after the next expected number is stored and waits;
//     the answer's Acked stays below the gap and Expected names the number the
//     hub needs. The waiting changes apply, in order, when the gap fills. A
//     batch starting more than [MaxAheadOfAck] past the acknowledged number,
//     or after a gap when [MaxWaitingBytes] of the device's changes wait
//     already, is not stored: the answer gives Acked and Expected only.
//   - A batch whose seqs do not rise by one from 1 or more, or whose epoch is
//     below 1, is refused whole: 422 "invalid" naming the seq and the field.
//   - Each change is checked: its entity and op are in the contract, the
//     payload's origin is the pushing device (a device writes only records it
//     originated), a record id is not another device's, and a record under a
//     unit (a session, and what is under a session) is within the device's
//     scope. A record that fails is acknowledged and held, not applied: the
//     answer lists it in Held ([HeldRecord]: seq, entity, record id, field,
//     reason "scope", "origin", "contract" or "session") and HeldTotal counts
//     all the device's records held. A record under a session the hub has not
//     received (another laptop's, not synced yet) is held with reason
//     "session" and checked and applied when that session arrives. Refusing the push instead would stop every later
//     change of the device behind one record for ever (a session recorded
//     for another ward before the laptop was enrolled). The district lists
//     held records, applies again those that pass after the catalog changed,
//     or accepts those held for their unit; the device keeps its own copy.
//     A device with [MaxHeld] records or [MaxHeldBytes] bytes held is
//     refused (422 "held_full") until the district has looked at them.
//   - insert_many is unpacked into its records.
//   - Check-ins are facts: the same person checked in from two devices in
//     one session is kept twice and counted once in reports. Edits (question
//     versions) are last writer wins by (hlc, device); losers are kept.
//   - A stamp more than [MaxClockAhead] ahead of the hub's clock is flagged in
//     the answer (ClockAhead) and never advances the hub's clock.
//
// # Pull
//
// The hub numbers what it publishes (decks, the unit catalog, answers to
// forwarded questions) with a gap-free sequence assigned in commit order,
// per hub: a cursor, never a timestamp. The device asks for what comes after
// its cursor, applies a page and saves the page's Next cursor in the same
// transaction. A device receives only what its scope covers: every published
// deck, the whole unit catalog, and the district's answers to questions asked
// on any device of its unit (a ward's second laptop shows the answer too).
// An answer is stamped after the question state it answers, even when that
// state's stamp is far ahead of the hub's clock (which does not move). The
// last page (More false) also says how many of the device's records the hub
// holds (Held), so a device with nothing to push still learns it.
//
// # Durability
//
// An acknowledgement is given only after the hub's transaction is durable on
// its disk (synchronous=FULL): a device moves its acknowledged number on and
// never sends those changes again unless the hub asks (Expected).
//
// # Bundles: the same exchange as files
//
// Where no network reaches the hub, a file on a USB stick carries what a push
// or a pull would. The envelope (bundle.go) is three lines and a payload:
//
//	briefing-bundle 1
//	<manifest: compact JSON, [Manifest]>
//	<ed25519 signature of the manifest line's exact bytes, base64url, no padding>
//	<payload: age-encrypted (age-encryption.org/v1, binary), to the end of the file>
//
// The manifest names the encrypted payload's SHA-256 and size, so the one
// signature covers the whole file. Its fields: format (1), id (a UUID, applied
// once), kind ("up" or "down"), device (up: the signer), unit (down: the
// catalog id it is for), hub (the hub's id), epoch, from, to (up: the seq range
// of the device's log in epoch, or 0 and 0 for an enrolment alone; down: the
// feed cursors after which and up to which it carries the feed), count,
// created, expires ([BundleTTL] after created), payload_sha256, payload_bytes,
// and for up bundles public_key (the signer's ed25519 key).
//
// An up bundle is signed by the device and encrypted to the hub's age X25519
// recipient (EnrollResponse.AgeRecipient). Its plaintext is lines: a header
// ({"enrol": {"code", "name"}} for a device enrolled from a file whose
// enrolment the hub has not confirmed, else {}), then each push body exactly
// as POST /v1/push takes it, in order. The hub reads it in this order, and any
// failure refuses the whole file: the envelope; the signature, with the key
// registered for the device (for a device it has not met, the manifest's
// public_key); the size and hash; the hub id; the id not imported before; not
// expired; the device not revoked; then it decrypts, decodes each push body as
// the push endpoint does, requires the manifest's epoch and seq range, enrols
// an unknown device with the code (as POST /v1/enroll would, the code bound to
// that key), and applies every batch through the push path in one
// transaction with the bundle's id, refusing the file if any record is not
// the signer's. It writes a receipt beside the file (FILE.receipt):
//
//	briefing-receipt 1
//	<JSON: [Receipt]: bundle, hub, device, epoch, acked, held_total, imported>
//	<ed25519 signature by the hub's key (EnrollResponse.HubKey), base64url>
//
// and a device given the receipt moves its acknowledged number to acked (if
// that is further, in its current epoch, and not past its log), as a push's
// answer would.
//
// A down bundle is signed by the hub and encrypted to the ed25519 keys (as
// age ssh-ed25519 recipients) of every unrevoked device of the unit. Its
// plaintext is lines, each a [PullResponse] page exactly as GET /v1/pull
// answers, the feed as a device of that unit sees it. A device checks kind,
// the hub's signature, the hub id and expiry; refuses a bundle whose "to" is
// before its cursor (no rollback) or whose "from" is after it (a gap); then
// decodes every page as a pull page and applies the items after its cursor,
// and the new cursor, in one transaction.
package sync
