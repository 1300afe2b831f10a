import type { ChannelDeliveryRepository, OutboundDelivery } from '../repository.js';
import { str } from './rows.js';
import type { Row, SqlRunner } from './statements.js';

function toDelivery(row: Row): OutboundDelivery {
  return {
    messageId: String(row.message_id),
    channelKey: String(row.channel_key),
    sessionId: String(row.session_id),
    state: String(row.state) as OutboundDelivery['state'],
    request: String(row.request),
    externalId: str(row.external_id),
    attempts: Number(row.attempts),
  };
}

/** Agents' messages on their way out through a channel's API. */
export function sqliteChannelDeliveryStore(sql: SqlRunner): ChannelDeliveryRepository {
  return {
    async queueOutbound(d, at) {
      await sql.exec(
        `INSERT INTO channel_outbound (message_id, channel_key, session_id, state, request, updated_at) VALUES (?, ?, ?, 'queued', ?, ?)
         ON CONFLICT (message_id) DO NOTHING`,
        d.messageId,
        d.channelKey,
        d.sessionId,
        d.request,
        at,
      );
    },
    async claimOutbound(messageId, at) {
      return (
        (await sql.exec(
          `UPDATE channel_outbound SET state = 'sending', updated_at = ? WHERE message_id = ? AND state = 'queued'`,
          at,
          messageId,
        )) > 0
      );
    },
    async outboundSent(messageId, externalId, attempts, at) {
      await sql.exec(
        `UPDATE channel_outbound SET state = 'sent', external_id = ?, attempts = ?, updated_at = ? WHERE message_id = ?`,
        externalId,
        attempts,
        at,
        messageId,
      );
    },
    async outboundFailed(messageId, attempts, at) {
      await sql.exec(
        `UPDATE channel_outbound SET state = 'failed', attempts = ?, updated_at = ? WHERE message_id = ?`,
        attempts,
        at,
        messageId,
      );
    },
    async getOutbound(messageId) {
      const row = await sql.get('SELECT * FROM channel_outbound WHERE message_id = ?', messageId);
      return row ? toDelivery(row) : null;
    },
    async findOutboundByExternalId(channelKey, externalId) {
      const row = await sql.get('SELECT * FROM channel_outbound WHERE channel_key = ? AND external_id = ?', channelKey, externalId);
      return row ? toDelivery(row) : null;
    },
    async listQueuedOutbound() {
      return (await sql.all(`SELECT * FROM channel_outbound WHERE state = 'queued' ORDER BY updated_at`)).map(toDelivery);
    },
    async listUnansweredOutbound(claimedBy) {
      return (
        await sql.all(`SELECT * FROM channel_outbound WHERE state = 'sending' AND updated_at <= ? ORDER BY updated_at`, claimedBy)
      ).map(toDelivery);
    },
    async markMessageFailed(messageId, failure) {
      return (
        (await sql.exec(
          'UPDATE messages SET failed_at = ?, failure_code = ?, failure_reason = ? WHERE id = ? AND failed_at IS NULL',
          failure.at,
          failure.code,
          failure.message,
          messageId,
        )) > 0
      );
    },
    async countTemplatesSince(contactId, channelKey, since) {
      const row = await sql.get(
        `SELECT COUNT(*) AS n FROM messages m JOIN sessions s ON s.id = m.session_id
         WHERE s.contact_id = ? AND s.channel_key = ? AND m.kind = 'template' AND m.author_kind = 'agent' AND m.created_at > ?`,
        contactId,
        channelKey,
        since,
      );
      return Number(row?.n ?? 0);
    },
  };
}
