/**
 * Issue 12, WhatsApp Business Cloud API: what the channel refused after a message was stored, and
 * one delivery row per outbound message (so a message is handed to the channel once, and a status
 * webhook finds its message by the channel's id).
 */
export const whatsappCloudSchema = `
ALTER TABLE messages ADD COLUMN failed_at INTEGER;
ALTER TABLE messages ADD COLUMN failure_reason TEXT;

CREATE TABLE channel_outbound (
  message_id TEXT PRIMARY KEY,
  channel_key TEXT NOT NULL REFERENCES channels(key) ON DELETE CASCADE,
  session_id TEXT NOT NULL,
  -- queued: stored, not yet handed over; sending: handed to the Graph API (never again);
  -- sent: accepted, external_id known; failed: refused or retries exhausted.
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  -- What to send, decided when the message was stored (text, template with its values, files).
  request TEXT NOT NULL,
  external_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX channel_outbound_by_external_id ON channel_outbound(channel_key, external_id);
CREATE INDEX channel_outbound_queued ON channel_outbound(state) WHERE state = 'queued';
`;
