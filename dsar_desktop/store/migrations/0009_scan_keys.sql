-- Crypto-shredding (security/scan_keys.py): each scan, and each e-mail's original file and
-- attachment, is sealed under its own key kept outside the database and outside backups.
-- key_id names that key; NULL only for rows written before this version, which the next
-- writable unlock seals (services/shredding.py).
ALTER TABLE attachments ADD COLUMN key_id TEXT;
ALTER TABLE message_attachments ADD COLUMN key_id TEXT;
ALTER TABLE case_messages ADD COLUMN raw_key_id TEXT;
-- The secret the scan-key file is encrypted under. SQLite's randomblob() is a ChaCha20 stream
-- seeded from the operating system's entropy; made here so that it exists before any
-- transaction can need it.
INSERT OR IGNORE INTO meta(key, value) VALUES ('scan_master_key', lower(hex(randomblob(32))));
