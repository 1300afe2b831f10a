import type { AgentState } from '../../protocol/entities.js';

/** `<conecta-agent-bar>`'s texts: one table per language, put under `agentBar` in the agent tables. */
export interface AgentBarTranslation {
  label: string;
  photoOf: (name: string) => string;
  connection: {
    connected: string;
    reconnecting: string;
    offline: string;
    /** What to check, in the indicator's tooltip. */
    connectedHint: string;
    reconnectingHint: string;
    offlineHint: string;
  };
  states: Record<AgentState, string>;
  loggedInToday: (time: string) => string;
  pause: {
    choose: string;
    start: string;
    end: string;
    paused: (type: string) => string;
    remaining: (time: string) => string;
    noLimit: (elapsed: string) => string;
    overLimit: (time: string) => string;
    unknownType: string;
  };
  alerts: {
    label: string;
    denied: string;
    unsupported: string;
  };
  stats: {
    label: string;
    waiting: string;
    inService: string;
    finishedToday: string;
    averageRating: string;
    ratingValue: (average: string, count: number) => string;
    noRating: string;
  };
  profile: {
    open: string;
    title: string;
    photo: string;
    photoUploading: string;
    removePhoto: string;
    nickname: string;
    extension: string;
    language: string;
    pageLanguage: string;
    save: string;
    saved: string;
    passwordTitle: string;
    currentPassword: string;
    newPassword: string;
    confirmPassword: string;
    passwordMismatch: string;
    changePassword: string;
    passwordChanged: string;
    close: string;
  };
  logout: string;
}

export const agentBarPtBR: AgentBarTranslation = {
  label: 'Barra do agente',
  photoOf: (name) => `Foto de ${name}`,
  connection: {
    connected: 'Conectado',
    reconnecting: 'Reconectando…',
    offline: 'Sem conexão',
    connectedHint: 'Conectado ao servidor do Conecta: os atendimentos chegam normalmente.',
    reconnectingHint: 'A conexão caiu e está sendo refeita. Se demorar, verifique sua internet (Wi-Fi ou cabo).',
    offlineHint:
      'Não foi possível falar com o servidor. Verifique sua internet; se ela estiver funcionando, o servidor do Conecta pode estar fora do ar: avise o suporte.',
  },
  states: { online: 'Disponível', paused: 'Em pausa', away: 'Ausente', offline: 'Desconectado' },
  loggedInToday: (time) => `Conectado hoje: ${time}`,
  pause: {
    choose: 'Tipo de pausa',
    start: 'Pausar',
    end: 'Encerrar pausa',
    paused: (type) => `Em pausa: ${type}`,
    remaining: (time) => `Restam ${time}`,
    noLimit: (elapsed) => `Há ${elapsed}, sem limite`,
    overLimit: (time) => `Pausa acima do limite há ${time}. Encerre a pausa assim que puder.`,
    unknownType: 'Pausa',
  },
  alerts: {
    label: 'Som e notificações',
    denied:
      'O navegador bloqueou as notificações deste site. Para recebê-las, libere-as nas configurações do site (ícone do cadeado, ao lado do endereço). O som continua funcionando.',
    unsupported: 'Este navegador não mostra notificações. O som continua funcionando.',
  },
  stats: {
    label: 'Seus números',
    waiting: 'Em espera',
    inService: 'Em atendimento',
    finishedToday: 'Finalizados hoje',
    averageRating: 'Avaliação média',
    ratingValue: (average, count) => `${average} (${count === 1 ? '1 avaliação' : `${count} avaliações`})`,
    noRating: 'Sem avaliações',
  },
  profile: {
    open: 'Meu perfil',
    title: 'Meu perfil',
    photo: 'Foto',
    photoUploading: 'Enviando a foto…',
    removePhoto: 'Remover foto',
    nickname: 'Apelido (o cliente vê)',
    extension: 'Ramal',
    language: 'Idioma',
    pageLanguage: 'O da página',
    save: 'Salvar perfil',
    saved: 'Perfil salvo.',
    passwordTitle: 'Trocar senha',
    currentPassword: 'Senha atual',
    newPassword: 'Nova senha',
    confirmPassword: 'Repita a nova senha',
    passwordMismatch: 'As duas senhas novas não são iguais.',
    changePassword: 'Trocar senha',
    passwordChanged: 'Senha trocada. Seus outros acessos foram encerrados.',
    close: 'Fechar',
  },
  logout: 'Sair',
};
