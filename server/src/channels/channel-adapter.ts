import type { ChannelKind, Message, Session, Template } from '../../../src/protocol/index.js';
import type { Repository } from '../db/repository.js';

/** What an agent's message asks the channel to send, as decided by its command. */
export type OutboundIntent =
  { kind: 'text'; text: string; fileIds: string[] } | { kind: 'template'; template: Template; variables: Readonly<Record<string, string>> };

/**
 * A channel as the services see it: messages and statuses come in (each adapter maps its own
 * webhook or socket onto the ChannelInbox), agents' messages go out.
 */
export interface ChannelAdapter {
  readonly kind: ChannelKind;
  /**
   * Inside the command's transaction, before the message is stored: refuses (throws a
   * CommandError) what the channel's rules forbid now, e.g. free text outside WhatsApp's window.
   */
  checkOutbound(tx: Repository, session: Session, intent: OutboundIntent): Promise<void>;
  /** Inside the same transaction, once the message is stored: remembers what to hand to the channel. */
  queueOutbound(tx: Repository, message: Message, session: Session, intent: OutboundIntent): Promise<void>;
  /** After the commit: hands the stored message to the channel (never twice). */
  deliver(message: Message, session: Session): void;
}

/** The adapters by channel kind; a kind without one (none today) falls back to the webchat's behaviour. */
export class ChannelAdapters {
  readonly #byKind = new Map<ChannelKind, ChannelAdapter>();
  constructor(adapters: readonly ChannelAdapter[]) {
    for (const adapter of adapters) this.#byKind.set(adapter.kind, adapter);
  }
  of(session: Pick<Session, 'channel'>): ChannelAdapter | undefined {
    return this.#byKind.get(session.channel);
  }
}
