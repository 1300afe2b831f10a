import type { WebchatChannelAdminRecord, WhatsappChannelRecord } from '../../../db/repository.js';
import {
  WebchatChannelInput,
  WebchatChannelView as WebchatChannelViewSchema,
  WhatsappChannelInput,
  WhatsappChannelView as WhatsappChannelViewSchema,
  type WebchatChannelView,
  type WhatsappChannelView,
} from '../../../admin/schemas.js';
import { CommandError } from '../../errors.js';
import { defineResource, invalidFields, requireAllExisting, requireExisting } from '../resource.js';

/** Webchat channels; the identity-verification secret is written (or rotated), never shown. */
export const webchatChannelResource = defineResource<WebchatChannelAdminRecord, WebchatChannelInput, WebchatChannelView>({
  name: 'webchat-channel',
  input: WebchatChannelInput,
  viewSchema: WebchatChannelViewSchema,
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
    await requireAllExisting(tx.admin.teams, after.teamIds, 'teamIds', 'team');
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
  viewSchema: WhatsappChannelViewSchema,
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
  async check({ tx }, before, after) {
    if (!after) return;
    // Channels of every kind share their keys: a WhatsApp channel must not overwrite another kind's.
    if (!before && (await tx.getChannel(after.id))) throw new CommandError('CONFLICT', `The key ${after.id} is another channel\u2019s.`);
    await requireExisting(tx.admin.teams, after.defaultTeamId, 'defaultTeamId', 'team');
  },
});
