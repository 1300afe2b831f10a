import type { WebchatEndingTranslation } from './pt-BR.js';

export const webchatEndingEs: WebchatEndingTranslation = {
  endQuestion: '¿Terminar esta conversación?',
  endConfirm: 'Sí, terminar',
  ending: 'Terminando…',
  finished: 'Conversación terminada.',
  rateQuestion: '¿Cómo fue la atención?',
  stars: (count) => (count === 1 ? '1 estrella' : `${count} estrellas`),
  comment: 'Comentario (opcional)',
  rate: 'Enviar valoración',
  rating: 'Enviando…',
  skip: 'Omitir',
  rateRequired: 'Elige de 1 a 5 estrellas.',
  thanks: '¡Gracias por contactarnos!',
  thanksRated: '¡Gracias por tu valoración!',
  download: 'Descargar conversación',
  newConversation: 'Nueva conversación',
  transcriptFile: (protocol) => `Conversación — protocolo ${protocol}`,
};
