import type { MessageLengthTranslation } from './pt-BR.js';

export const messageLengthEs: MessageLengthTranslation = {
  near: (max) => `Cerca del límite de ${max} caracteres.`,
  tooLong: (max) => `Mensaje sobre el límite de ${max} caracteres.`,
};
