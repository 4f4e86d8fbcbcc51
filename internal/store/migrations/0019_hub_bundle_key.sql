-- The hub's ed25519 key, from enrolment: it signs the receipts and down
-- bundles a USB stick brings (docs: internal/sync/bundle.go).
ALTER TABLE sync_state ADD COLUMN hub_key TEXT NOT NULL DEFAULT '';
