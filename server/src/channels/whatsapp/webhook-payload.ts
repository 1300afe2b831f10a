import * as v from 'valibot';
import { phoneOfWaId } from './wa-id.js';

/**
 * The parts of Meta's WhatsApp Cloud API webhook we use (`object: 'whatsapp_business_account'`,
 * `entry[].changes[].value` with `metadata`, `contacts`, `messages`, `statuses`). Loose objects:
 * Meta adds fields over time, and those must not make a delivery fail.
 */
const Media = v.looseObject({
  id: v.string(),
  mime_type: v.optional(v.string()),
  caption: v.optional(v.string()),
  filename: v.optional(v.string()),
});
const WaMessage = v.looseObject({
  id: v.string(),
  from: v.string(),
  timestamp: v.optional(v.string()),
  type: v.string(),
  text: v.optional(v.looseObject({ body: v.string() })),
  image: v.optional(Media),
  audio: v.optional(Media),
  video: v.optional(Media),
  document: v.optional(Media),
  sticker: v.optional(Media),
  button: v.optional(v.looseObject({ text: v.string() })),
  interactive: v.optional(
    v.looseObject({
      button_reply: v.optional(v.looseObject({ title: v.string() })),
      list_reply: v.optional(v.looseObject({ title: v.string() })),
    }),
  ),
  location: v.optional(v.looseObject({ latitude: v.number(), longitude: v.number(), name: v.optional(v.string()) })),
});
const WaError = v.looseObject({
  code: v.optional(v.number()),
  title: v.optional(v.string()),
  message: v.optional(v.string()),
  error_data: v.optional(v.looseObject({ details: v.optional(v.string()) })),
});
const WaStatus = v.looseObject({
  id: v.string(),
  status: v.string(),
  recipient_id: v.optional(v.string()),
  errors: v.optional(v.array(WaError)),
});
const ChangeValue = v.looseObject({
  messaging_product: v.optional(v.string()),
  metadata: v.looseObject({ phone_number_id: v.string(), display_phone_number: v.optional(v.string()) }),
  contacts: v.optional(v.array(v.looseObject({ wa_id: v.string(), profile: v.optional(v.looseObject({ name: v.optional(v.string()) })) }))),
  messages: v.optional(v.array(WaMessage)),
  statuses: v.optional(v.array(WaStatus)),
});
export const WebhookPayload = v.looseObject({
  object: v.string(),
  entry: v.array(
    v.looseObject({
      id: v.string(),
      changes: v.array(v.looseObject({ field: v.string(), value: v.unknown() })),
    }),
  ),
});

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** A contact's message, as the inbox stores it. `media` is still at Meta's: download it by id. */
export interface WhatsappInbound {
  externalId: string;
  /** E.164. */
  from: string;
  name: string | null;
  text: string;
  media: { id: string; kind: MediaKind; mime: string | null; filename: string | null } | null;
}

/** A status of a message we sent. */
export interface WhatsappStatus {
  externalId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** With `failed`: Meta's reason, e.g. `(131047) Re-engagement message: …`. */
  reason: string | null;
}

/** What one `entry[].changes[]` of field `messages` says, for the phone number `phoneNumberId`. */
export interface WhatsappChange {
  phoneNumberId: string;
  messages: WhatsappInbound[];
  statuses: WhatsappStatus[];
}

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'audio', 'video', 'document', 'sticker'];
const STATUSES: readonly WhatsappStatus['status'][] = ['sent', 'delivered', 'read', 'failed'];

/** The changes of a webhook body; null when it is not a WhatsApp Business Account webhook. */
export function readWebhook(json: unknown): WhatsappChange[] | null {
  const parsed = v.safeParse(WebhookPayload, json);
  if (!parsed.success || parsed.output.object !== 'whatsapp_business_account') return null;
  const changes: WhatsappChange[] = [];
  for (const entry of parsed.output.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = v.safeParse(ChangeValue, change.value);
      if (!value.success) continue;
      const names = new Map((value.output.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
      changes.push({
        phoneNumberId: value.output.metadata.phone_number_id,
        messages: (value.output.messages ?? []).flatMap((m) => {
          const inbound = toInbound(m, names.get(m.from) ?? null);
          return inbound ? [inbound] : [];
        }),
        statuses: (value.output.statuses ?? []).flatMap((s) =>
          STATUSES.includes(s.status as WhatsappStatus['status'])
            ? [
                {
                  externalId: s.id,
                  status: s.status as WhatsappStatus['status'],
                  reason: s.status === 'failed' ? failureReason(s.errors ?? []) : null,
                },
              ]
            : [],
        ),
      });
    }
  }
  return changes;
}

function toInbound(m: v.InferOutput<typeof WaMessage>, name: string | null): WhatsappInbound | null {
  const base = { externalId: m.id, from: phoneOfWaId(m.from), name };
  const kind = MEDIA_KINDS.find((k) => k === m.type);
  const media = kind ? m[kind] : undefined;
  if (kind && media) {
    return {
      ...base,
      text: media.caption ?? '',
      media: { id: media.id, kind, mime: media.mime_type ?? null, filename: media.filename ?? null },
    };
  }
  const text =
    m.text?.body ??
    m.button?.text ??
    m.interactive?.button_reply?.title ??
    m.interactive?.list_reply?.title ??
    (m.location ? [m.location.name, `${m.location.latitude},${m.location.longitude}`].filter(Boolean).join(' ') : undefined);
  // Reactions, ephemeral and unknown kinds carry nothing an agent can answer: left out.
  return text ? { ...base, text, media: null } : null;
}

function failureReason(errors: readonly v.InferOutput<typeof WaError>[]): string {
  const first = errors[0];
  if (!first) return 'WhatsApp did not say why.';
  const detail = first.error_data?.details ?? first.message ?? first.title ?? 'unknown error';
  return first.code === undefined ? detail : `(${first.code}) ${detail}`;
}
