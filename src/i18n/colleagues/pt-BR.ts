/**
 * The texts of `<conecta-agents>` and `<conecta-internal-chat>`, spread into each agent table (one
 * module per language, like the transcript's).
 */
export const colleaguesPtBR = {
  agents: {
    label: 'Colegas',
    search: 'Buscar colega',
    searchPlaceholder: 'Nome ou apelido',
    empty: 'Nenhum colega ainda.',
    noMatch: (query: string) => `Nenhum colega corresponde a “${query}”.`,
    count: (shown: number) => (shown === 1 ? '1 colega' : `${shown} colegas`),
    states: { online: 'Disponível', paused: 'Em pausa', away: 'Ausente', offline: 'Desconectado' },
    unread: (count: number) => (count === 1 ? '1 mensagem não lida' : `${count} mensagens não lidas`),
    openChat: (name: string) => `Conversar com ${name}`,
  },
  internalChat: {
    label: 'Chat interno',
    conversations: 'Conversas',
    noConversations: 'Nenhuma conversa ainda. Escolha um colega para começar.',
    none: 'Escolha uma conversa.',
    forbidden: 'O chat interno não está habilitado para você. Peça a permissão a um administrador.',
    recipientForbidden: (name: string) => `${name} não usa o chat interno.`,
    transcript: (name: string) => `Mensagens com ${name}`,
    composerLabel: (name: string) => `Mensagem para ${name}`,
    composerPlaceholder: 'Escreva uma mensagem',
    composerHint: 'Enter envia, Shift+Enter quebra a linha. Cole uma captura de tela para anexá-la.',
    attach: 'Anexar',
    send: 'Enviar',
    tooLarge: (name: string, limit: string) => `${name} passa do limite de ${limit}.`,
    uploadFailed: (name: string) => `Não foi possível enviar ${name}.`,
    pastedImage: 'captura-de-tela',
    unread: (count: number) => (count === 1 ? '1 não lida' : `${count} não lidas`),
    attachmentOnly: 'Anexo',
    alertTitle: (name: string) => `Mensagem de ${name}`,
    enableNotifications: 'Ativar notificações de mensagens',
    unknownColleague: 'Colega',
  },
};
