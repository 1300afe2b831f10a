import type { RecordStore, WebchatChannelAdminRecord, WebchatRepository, WhatsappChannelRecord } from '../../repository.js';
import { str } from '../rows.js';
import type { Row, SqlRunner } from '../statements.js';

/** Webchat channels as administered, written through the webchat store (which knows their columns). */
export function sqliteWebchatChannelRecords(sql: SqlRunner, webchat: WebchatRepository): RecordStore<WebchatChannelAdminRecord> {
  const get = async (id: string): Promise<WebchatChannelAdminRecord | null> => {
    const channel = await webchat.getWebchatChannel(id);
    if (!channel) return null;
    const { key, ...rest } = channel;
    return { id: key, ...rest };
  };
  return {
    async list() {
      const keys = await sql.all('SELECT key FROM webchat_channels ORDER BY key');
      return (await Promise.all(keys.map((row) => get(String(row.key))))).filter((c) => c !== null);
    },
    get,
    async put({ id, ...channel }) {
      if (await sql.get('SELECT 1 FROM webchat_channels WHERE key = ?', id)) await webchat.updateWebchatChannel(id, channel);
      else await webchat.insertWebchatChannel({ key: id, ...channel }, Date.now());
    },
    async remove(id) {
      return (await sql.exec('DELETE FROM webchat_channels WHERE key = ?', id)) > 0;
    },
  };
}

function toWhatsappChannel(row: Row): WhatsappChannelRecord {
  return {
    id: String(row.key),
    name: String(row.name),
    defaultTeamId: String(row.default_team_id),
    phoneNumberId: str(row.phone_number_id),
    businessAccountId: str(row.business_account_id),
    accessToken: str(row.access_token),
    appSecret: String(row.secret),
    verifyToken: str(row.verify_token),
  };
}

/** WhatsApp channels (rows of `channels` of kind `whatsapp`) with their credentials. */
export function sqliteWhatsappChannelRecords(sql: SqlRunner): RecordStore<WhatsappChannelRecord> {
  return {
    async list() {
      return (await sql.all(`SELECT * FROM channels WHERE kind = 'whatsapp' ORDER BY key`)).map(toWhatsappChannel);
    },
    async get(id) {
      const row = await sql.get(`SELECT * FROM channels WHERE kind = 'whatsapp' AND key = ?`, id);
      return row ? toWhatsappChannel(row) : null;
    },
    async put(c) {
      await sql.exec(
        `INSERT INTO channels (key, kind, name, default_team_id, secret, phone_number_id, business_account_id, access_token, verify_token, created_at)
         VALUES (?, 'whatsapp', ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET name = excluded.name, default_team_id = excluded.default_team_id, secret = excluded.secret,
           phone_number_id = excluded.phone_number_id, business_account_id = excluded.business_account_id,
           access_token = excluded.access_token, verify_token = excluded.verify_token`,
        c.id,
        c.name,
        c.defaultTeamId,
        c.appSecret,
        c.phoneNumberId,
        c.businessAccountId,
        c.accessToken,
        c.verifyToken,
        Date.now(),
      );
    },
    async remove(id) {
      return (await sql.exec(`DELETE FROM channels WHERE kind = 'whatsapp' AND key = ?`, id)) > 0;
    },
  };
}
