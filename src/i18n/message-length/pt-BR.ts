/**
 * What both composers (agent's and visitor's) say about a message's length: one table per language,
 * put under `messageLength` in the agent tables and in the webchat tables, so the two never drift
 * apart.
 */
export interface MessageLengthTranslation {
  /** Said once, politely, when the text comes near the limit. */
  near: (max: number) => string;
  /** Said when the text passes the limit, and when sending is refused for it. */
  tooLong: (max: number) => string;
}

export const messageLengthPtBR: MessageLengthTranslation = {
  near: (max) => `Perto do limite de ${max} caracteres.`,
  tooLong: (max) => `Mensagem acima do limite de ${max} caracteres.`,
};
