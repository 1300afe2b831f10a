import type { TranscriptTranslation } from './pt-BR.js';

export const transcriptEs: TranscriptTranslation = {
  empty: 'Todavía no hay mensajes.',
  today: 'Hoy',
  yesterday: 'Ayer',
  retryLabel: 'Reenviar mensaje',
  messageRefused: 'El servidor rechazó este mensaje.',
  openImage: (name) => `Abrir ${name} en una pestaña nueva`,
  messageStatus: {
    sending: 'Enviando…',
    sent: 'Enviado',
    delivered: 'Entregado',
    read: 'Leído',
    failed: 'No enviado',
  },
};
