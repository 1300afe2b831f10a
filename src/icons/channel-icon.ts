import type { TemplateResult } from 'lit';
import camera from 'lucide/dist/esm/icons/camera.mjs';
import globe from 'lucide/dist/esm/icons/globe.mjs';
import mail from 'lucide/dist/esm/icons/mail.mjs';
import messageCircleMore from 'lucide/dist/esm/icons/message-circle-more.mjs';
import messageCircle from 'lucide/dist/esm/icons/message-circle.mjs';
import send from 'lucide/dist/esm/icons/send.mjs';
import type { ChannelKind } from '../protocol/index.js';
import { icon, type IconNode } from './icon.js';

/**
 * Lucide has no brand logos, so each channel gets the plain icon closest to its own: the website's
 * chat a globe, WhatsApp its round speech bubble, Telegram its paper plane, Instagram a camera,
 * Messenger a bubble with dots, e-mail an envelope.
 */
const channelIcons: Record<ChannelKind, IconNode> = {
  webchat: globe,
  whatsapp: messageCircle,
  telegram: send,
  instagram: camera,
  messenger: messageCircleMore,
  email: mail,
};

/**
 * A channel's icon (an `icon()`): give it the channel's name (`localize.t.channels`) as
 * `label` where it stands alone, leave it out where the name is written beside it.
 */
export function channelIcon(channel: ChannelKind, label?: string): TemplateResult {
  return icon(channelIcons[channel] ?? messageCircle, label);
}
