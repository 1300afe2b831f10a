/**
 * What the end of a conversation says in the webchat (the confirmation, the rating, the thanks, the
 * transcript's download): tables of their own, loaded with the rating stage's chunk once the chat is
 * ready, so the language a visitor downloads to a ready chat does not carry them. pt-BR is the
 * source; en and es fill in the same.
 */
export interface WebchatEndingTranslation {
  endQuestion: string;
  endConfirm: string;
  ending: string;
  finished: string;
  rateQuestion: string;
  stars: (count: number) => string;
  comment: string;
  rate: string;
  rating: string;
  skip: string;
  rateRequired: string;
  thanks: string;
  thanksRated: string;
  download: string;
  newConversation: string;
  transcriptFile: (protocol: string) => string;
}

export const webchatEndingPtBR: WebchatEndingTranslation = {
  endQuestion: 'Encerrar esta conversa?',
  endConfirm: 'Sim, encerrar',
  ending: 'Encerrando…',
  finished: 'Conversa encerrada.',
  rateQuestion: 'Como foi o atendimento?',
  stars: (count) => (count === 1 ? '1 estrela' : `${count} estrelas`),
  comment: 'Comentário (opcional)',
  rate: 'Enviar avaliação',
  rating: 'Enviando…',
  skip: 'Pular',
  rateRequired: 'Escolha de 1 a 5 estrelas.',
  thanks: 'Obrigado pelo contato!',
  thanksRated: 'Obrigado pela avaliação!',
  download: 'Baixar conversa',
  newConversation: 'Nova conversa',
  transcriptFile: (protocol) => `Conversa — protocolo ${protocol}`,
};
