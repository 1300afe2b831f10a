import type { ChannelKind, ErrorCode, MessageStatus, SessionStatus } from '../protocol/index.js';

/**
 * The source table: every user-visible text of every element. `en.ts` and `es.ts` must satisfy the
 * same `Translation` type, so a missing key is a type error. Texts that depend on a number or a
 * name are functions; numbers, dates and durations are formatted by `LocalizeController` with Intl.
 */
export const ptBR = {
  connection: {
    connecting: 'Conectando…',
    disconnected: 'Sem conexão com o servidor',
    noClient: 'Aguardando conexão',
  },
  common: {
    loading: 'Carregando…',
    retry: 'Tentar novamente',
    cancel: 'Cancelar',
    close: 'Fechar',
    you: 'Você',
    error: 'Algo deu errado. Tente novamente.',
  },
  channels: {
    webchat: 'WebChat',
    whatsapp: 'WhatsApp',
    email: 'E-mail',
    telegram: 'Telegram',
    instagram: 'Instagram',
    messenger: 'Messenger',
  } satisfies Record<ChannelKind, string>,
  statuses: {
    waiting: 'Em espera',
    active: 'Em atendimento',
    pending: 'Pendente',
    finished: 'Finalizado',
  } satisfies Record<SessionStatus, string>,
  errors: {
    ALREADY_ACCEPTED: 'Este atendimento já foi aceito por outro agente.',
    SESSION_FINISHED: 'Este atendimento já foi finalizado.',
    FORBIDDEN: 'Você não tem permissão para isso.',
    NOT_FOUND: 'Não encontrado.',
    CONFLICT: 'Os dados mudaram enquanto você editava. Tente de novo.',
    RATE_LIMITED: 'Muitas tentativas. Aguarde um pouco.',
    TIMEOUT: 'O servidor demorou a responder. Tente de novo.',
    DISCONNECTED: 'Sem conexão com o servidor.',
    UNAUTHENTICATED: 'Sua sessão expirou. Entre novamente.',
  } satisfies Partial<Record<ErrorCode, string>>,
  queue: {
    label: 'Fila de atendimento',
    waitingHeading: 'Em espera',
    activeHeading: 'Em atendimento',
    waitingCount: (count: number) => (count === 1 ? '1 atendimento em espera' : `${count} atendimentos em espera`),
    activeCount: (count: number) => (count === 1 ? '1 atendimento seu' : `${count} atendimentos seus`),
    emptyWaiting: 'Ninguém em espera.',
    emptyActive: 'Você não tem atendimentos em andamento.',
    accept: 'Aceitar',
    acceptLabel: (name: string) => `Aceitar atendimento de ${name}`,
    accepting: 'Aceitando…',
    waitingFor: (duration: string) => `Aguardando há ${duration}`,
    openLabel: (name: string) => `Abrir atendimento de ${name}`,
    noMessage: 'Sem mensagens ainda',
    unknownContact: 'Contato',
  },
  session: {
    none: 'Nenhum atendimento selecionado.',
    protocol: (protocol: string) => `Protocolo ${protocol}`,
    transcript: 'Mensagens do atendimento',
    empty: 'Nenhuma mensagem ainda.',
    messageStatus: {
      sending: 'Enviando…',
      sent: 'Enviada',
      delivered: 'Entregue',
      read: 'Lida',
      failed: 'Não enviada',
    } satisfies Record<MessageStatus, string>,
    retryLabel: 'Reenviar mensagem',
    composerLabel: 'Mensagem',
    composerPlaceholder: 'Escreva uma mensagem',
    composerHint: 'Enter envia, Shift+Enter quebra a linha.',
    send: 'Enviar',
    disabledWaiting: 'Aceite o atendimento para responder.',
    disabledFinished: 'Este atendimento foi finalizado.',
    disabledPending: 'Este atendimento está pendente.',
    finish: 'Finalizar',
    finishQuestion: 'Finalizar este atendimento?',
    finishConfirm: 'Sim, finalizar',
    finishing: 'Finalizando…',
    newMessages: 'Novas mensagens',
  },
  contactForm: {
    titleNew: 'Novo contato',
    titleEdit: 'Editar contato',
    name: 'Nome',
    email: 'E-mail',
    phone: 'Telefone',
    countryCode: 'Código do país (DDI)',
    nationalNumber: 'Número com DDD',
    save: 'Salvar',
    saving: 'Salvando…',
    saved: 'Contato salvo.',
    nameRequired: 'Informe o nome.',
    nameTooLong: 'O nome é longo demais.',
    emailInvalid: 'Informe um e-mail válido.',
    emailTaken: 'Este e-mail já pertence a outro contato.',
    phoneInvalid: 'Informe um telefone válido para o país escolhido.',
    fixErrors: (count: number) => (count === 1 ? 'Corrija 1 campo.' : `Corrija ${count} campos.`),
  },
  webchat: {
    launcher: 'Fale conosco',
    title: 'Fale conosco',
    close: 'Fechar conversa',
    intro: 'Conte quem você é e escolha com quem quer falar.',
    name: 'Seu nome',
    email: 'Seu e-mail (opcional)',
    team: 'Com quem você quer falar?',
    start: 'Iniciar conversa',
    starting: 'Iniciando…',
    nameRequired: 'Informe seu nome.',
    emailInvalid: 'Informe um e-mail válido ou deixe em branco.',
    teamRequired: 'Escolha com quem quer falar.',
    waiting: 'Você está na fila. Um atendente vai responder em breve.',
    finished: 'Esta conversa foi encerrada.',
    newConversation: 'Nova conversa',
    agent: 'Atendente',
    transcript: 'Conversa',
  },
};

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => R
    : { [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill in completely. */
export type Translation = Widen<typeof ptBR>;
