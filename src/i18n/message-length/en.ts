import type { MessageLengthTranslation } from './pt-BR.js';

export const messageLengthEn: MessageLengthTranslation = {
  near: (max) => `Close to the limit of ${max} characters.`,
  tooLong: (max) => `Message over the limit of ${max} characters.`,
};
