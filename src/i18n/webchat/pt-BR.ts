import type { ErrorCode } from '../../protocol/index.js';
import { transcriptPtBR } from '../transcript/pt-BR.js';
import { messageLengthPtBR } from '../message-length/pt-BR.js';

/**
 * The webchat's own table (the source; en and es satisfy the same type): only what a website
 * visitor reads, so the widget's bundle does not carry the agent elements' texts.
 */
export const webchatPtBR = {
  connection: {
    connecting: 'Conectando…',
    disconnected: 'Sem conexão com o servidor',
    noClient: 'Aguardando conexão',
  },
  common: {
    retry: 'Tentar novamente',
    loading: 'Carregando…',
    error: 'Algo deu errado. Tente novamente.',
    cancel: 'Cancelar',
    you: 'Você',
  },
  errors: {
    RATE_LIMITED: 'Muitas tentativas. Aguarde um pouco.',
    TIMEOUT: 'O servidor demorou a responder. Tente de novo.',
    DISCONNECTED: 'Sem conexão com o servidor.',
    SESSION_FINISHED: 'Esta conversa já foi encerrada.',
    PAYLOAD_TOO_LARGE: 'O arquivo é grande demais.',
    UNSUPPORTED_TYPE: 'Este tipo de arquivo não é aceito.',
    INVALID_PAYLOAD: 'Verifique os campos destacados.',
  } satisfies Partial<Record<ErrorCode, string>>,
  openChat: 'Abrir chat',
  closeChat: 'Fechar chat',
  unread: (count: number) => (count === 1 ? '1 mensagem não lida' : `${count} mensagens não lidas`),
  title: 'Fale conosco',
  minimize: 'Minimizar',
  mute: 'Silenciar notificações',
  greeting: 'Olá! Como podemos ajudar?',
  prechatIntro: 'Para começar, conte quem você é.',
  name: 'Nome',
  email: 'E-mail',
  phone: 'Telefone',
  phoneHint: 'Com código do país e DDD, ex.: +5511987654321',
  optional: (label: string) => `${label} (opcional)`,
  required: 'Preencha este campo.',
  emailInvalid: 'Informe um e-mail válido.',
  phoneInvalid: 'Informe o telefone com + e código do país.',
  invalid: 'Verifique este campo.',
  start: 'Começar',
  starting: 'Iniciando…',
  menuPrompt: 'Escolha uma opção:',
  menuNumber: 'Ou digite o número da opção',
  menuChoose: 'Escolher',
  menuOutOfRange: (max: number) => `Digite um número de 1 a ${max}.`,
  offlineTitle: 'Estamos fora do horário de atendimento',
  offlineIntro: 'Deixe sua mensagem: responderemos assim que voltarmos.',
  message: 'Mensagem',
  sendOffline: 'Enviar mensagem',
  offlineWaiting: 'Recebemos sua mensagem. Responderemos assim que voltarmos.',
  waiting: 'Aguardando um atendente…',
  queue: (place: number) => `Você é o ${place}º da fila`,
  eta: (duration: string) => `cerca de ${duration}`,
  agent: 'Atendente',
  typing: (name: string) => `${name} está digitando`,
  composer: 'Mensagem',
  placeholder: 'Escreva uma mensagem',
  send: 'Enviar',
  attach: 'Anexar arquivo',
  attachments: 'Arquivos a enviar',
  removeFile: (name: string) => `Remover ${name}`,
  uploading: (name: string) => `Enviando ${name}`,
  messageLength: messageLengthPtBR,
  tooLarge: (name: string, max: string) => `${name} passa do limite de ${max}.`,
  uploadFailed: (name: string, reason: string) => `${name} não foi enviado: ${reason}`,
  waitUploads: 'Aguarde os arquivos terminarem de enviar.',
  end: 'Encerrar conversa',
  transcript: 'Conversa',
  newMessage: (count: number) => (count === 1 ? 'Nova mensagem' : `${count} novas mensagens`),
  sentFile: (name: string) => `arquivo ${name}`,
  /** What the transcript shows: the words every transcript shares, and system messages as a visitor is told them. */
  words: {
    ...transcriptPtBR,
    system: {
      accepted: (agent: string) => `${agent} entrou na conversa`,
      transferred: (_by: string, team: string, agent: string | null) => `Transferido para ${agent ?? team}`,
      invited: (_by: string, agent: string) => `${agent} entrou na conversa`,
      left: (agent: string) => `${agent} saiu da conversa`,
      parked: () => 'Sua conversa continua em breve',
      rescued: (agent: string) => `${agent} voltou à conversa`,
      finished: () => 'Conversa encerrada',
      expired: 'Conversa encerrada por inatividade',
    },
  },
};

type Widen<T> = T extends string ? string : T extends (...args: infer A) => infer R ? (...args: A) => R : { [K in keyof T]: Widen<T[K]> };

/** The shape every language of the webchat must fill in completely. */
export type WebchatTranslation = Widen<typeof webchatPtBR>;
