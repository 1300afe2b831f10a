import type { MessageStatus } from '../../protocol/index.js';

/**
 * What every transcript shows, agent's or visitor's: one table per language, spread into the agent
 * tables' `session` and the webchat tables' `words`, so the two never drift apart. (Each language in
 * its own module: a webchat language chunk carries only its own.) System messages are not here:
 * agents and visitors are told them differently.
 */
export interface TranscriptTranslation {
  empty: string;
  today: string;
  yesterday: string;
  retryLabel: string;
  /** Why a message the server found invalid (INVALID_PAYLOAD) was not sent; other codes use the `errors` table. */
  messageRefused: string;
  openImage: (name: string) => string;
  messageStatus: Record<MessageStatus, string>;
}

export const transcriptPtBR: TranscriptTranslation = {
  empty: 'Nenhuma mensagem ainda.',
  today: 'Hoje',
  yesterday: 'Ontem',
  retryLabel: 'Reenviar mensagem',
  messageRefused: 'O servidor recusou esta mensagem.',
  openImage: (name) => `Abrir ${name} em uma nova aba`,
  messageStatus: {
    sending: 'Enviando…',
    sent: 'Enviada',
    delivered: 'Entregue',
    read: 'Lida',
    failed: 'Não enviada',
  },
};
