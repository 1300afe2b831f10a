import type { WebchatEndingTranslation } from './pt-BR.js';

export const webchatEndingEn: WebchatEndingTranslation = {
  endQuestion: 'End this conversation?',
  endConfirm: 'Yes, end it',
  ending: 'Ending…',
  finished: 'Conversation ended.',
  rateQuestion: 'How was our service?',
  stars: (count) => (count === 1 ? '1 star' : `${count} stars`),
  comment: 'Comment (optional)',
  rate: 'Send rating',
  rating: 'Sending…',
  skip: 'Skip',
  rateRequired: 'Choose from 1 to 5 stars.',
  thanks: 'Thank you for reaching out!',
  thanksRated: 'Thank you for your rating!',
  download: 'Download conversation',
  newConversation: 'New conversation',
  transcriptFile: (protocol) => `Conversation — protocol ${protocol}`,
};
