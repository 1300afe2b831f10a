import type { WebchatChannelAdminRecord, WhatsappChannelRecord } from '../../../db/repository.js';
import { WebchatChannelInput, WhatsappChannelInput, type WebchatChannelView, type WhatsappChannelView } from '../../../admin/schemas.js';
import { defineResource, invalidFields, requireExisting } from '../resource.js';

/** Webchat channels; the identity-verification secret is written (or rotated), never shown. */
export const webchatChannelResource = defineResource<WebchatChannelAdminRecord, WebchatChannelInput, WebchatChannelView>({
  name: 'webchat-channel',
  input: WebchatChannelInput,
  store: (tx) => tx.admin.webchatChannels,
  toRecord: (id, { identitySecret, ...input }, before) => ({
    id,
    ...input,
    secret: identitySecret === undefined ? (before?.secret ?? null) : identitySecret,
  }),
  toInput: ({ id: _id, secret: _secret, ...input }) => input,
  view: ({ secret, ...record }) => ({ ...record, identityVerification: secret !== null }),
  readRole: 'admin',
  writeRole: 'admin',
  async check({ tx }, _before, after) {
    if (!after) return;
    await requireExisting(tx.admin.teams, after.teamIds, 'teamIds', 'team');
    for (const [index, option] of after.menu.options.entries()) {
      if (!after.teamIds.includes(option.teamId))
        throw invalidFields({ [`menu.options.${index}.teamId`]: 'is not one of the channel\u2019s teams' });
    }
  },
});

/** WhatsApp channels and their adapter's credentials; secrets are written, never shown ("is it set?"). */
export const whatsappChannelResource = defineResource<WhatsappChannelRecord, WhatsappChannelInput, WhatsappChannelView>({
  name: 'whatsapp-channel',
  input: WhatsappChannelInput,
  store: (tx) => tx.admin.whatsappChannels,
  toRecord(id, { accessToken, appSecret, verifyToken, ...input }, before) {
    const secret = appSecret ?? before?.appSecret;
    if (secret === undefined) throw invalidFields({ appSecret: 'is required (it signs the webhooks)' });
    return {
      id,
      ...input,
      accessToken: accessToken === undefined ? (before?.accessToken ?? null) : accessToken,
      appSecret: secret,
      verifyToken: verifyToken === undefined ? (before?.verifyToken ?? null) : verifyToken,
    };
  },
  toInput: ({ id: _id, ...input }) => input,
  view: ({ accessToken, appSecret, verifyToken, ...record }) => ({
    ...record,
    accessTokenSet: accessToken !== null,
    appSecretSet: appSecret !== '',
    verifyTokenSet: verifyToken !== null,
  }),
  readRole: 'admin',
  writeRole: 'admin',
  async check({ tx }, _before, after) {
    if (after) await requireExisting(tx.admin.teams, [after.defaultTeamId], 'defaultTeamId', 'team');
  },
});
