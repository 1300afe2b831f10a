import { isWindowClosed, type ErrorCode } from '../../../../src/protocol/index.js';

/** Templates a contact may receive without answering, counted since its last message (Meta restricts numbers that insist). */
export const MAX_UNANSWERED_TEMPLATES = 2;

export interface OutboundFacts {
  kind: 'text' | 'template';
  /** The contact's last message on this channel, in any of its sessions; null: it never wrote. */
  lastInboundAt: number | null;
  /** Templates agents sent it on this channel since then (since ever, when it never wrote). */
  templatesSinceInbound: number;
  now: number;
  maxUnansweredTemplates?: number;
}

/**
 * WhatsApp's rules for what an agent sends: free text only within 24 hours of the contact's last
 * message; a template at any time, but after one the conversation goes on only once the contact
 * replies, and only a few templates go to a contact who does not. Null when the message may go.
 */
export function outboundRefusal(facts: OutboundFacts): { code: ErrorCode; message: string } | null {
  const windowOpen = !isWindowClosed({ channel: 'whatsapp', lastInboundAt: facts.lastInboundAt }, facts.now);
  if (facts.kind === 'text') {
    if (windowOpen) return null;
    return {
      code: 'WINDOW_CLOSED',
      message:
        facts.templatesSinceInbound > 0
          ? 'A template was sent: the conversation continues once the contact replies.'
          : 'The conversation window is closed: on WhatsApp, free text is allowed only within 24 hours of the contact\u2019s last message. Send a template instead.',
    };
  }
  const limit = facts.maxUnansweredTemplates ?? MAX_UNANSWERED_TEMPLATES;
  if (!windowOpen && facts.templatesSinceInbound >= limit) {
    return {
      code: 'TEMPLATE_LIMIT',
      message: `The contact has not answered the last ${limit} templates: wait for a reply before sending another (WhatsApp restricts numbers whose messages go unanswered).`,
    };
  }
  return null;
}
