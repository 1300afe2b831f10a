import type { TranscriptTranslation } from './pt-BR.js';

export const transcriptEn: TranscriptTranslation = {
  empty: 'No messages yet.',
  today: 'Today',
  yesterday: 'Yesterday',
  retryLabel: 'Resend message',
  messageRefused: 'The server refused this message.',
  openImage: (name) => `Open ${name} in a new tab`,
  messageStatus: {
    sending: 'Sending…',
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Not sent',
  },
};
