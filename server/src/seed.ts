import type { NewWebchatChannel, Repository } from './db/repository.js';
import { hashPassword } from './domain/secrets.js';
import { ANY_ORIGIN } from './domain/webchat.js';
import type { WorkingHours } from './db/repository.js';

export const DEMO_PASSWORD = 'conecta-demo';
export const DEMO_CHANNEL_KEY = 'demo';
/**
 * The demo channel's identity-verification secret: a site computes a user's `hash` with it, on its
 * server. Demo only: a real channel's secret is random and never committed.
 */
export const DEMO_WEBCHAT_SECRET = 'webchat-demo-secret';
/** The sales-only channel, for the page with two widgets. */
export const DEMO_VENDAS_CHANNEL_KEY = 'demo-vendas';
export const DEMO_VENDAS_WEBCHAT_SECRET = 'webchat-demo-vendas-secret';
/** The simulated WhatsApp channel: `POST /api/channels/whatsapp-demo/inbound`, signed with its secret. */
export const DEMO_WHATSAPP = {
  key: 'whatsapp-demo',
  name: 'WhatsApp Conecta Demo',
  /** Demo only: a real channel's secret is random and never committed. */
  secret: 'whatsapp-demo-secret',
} as const;
/** Waiting sessions of every demo team are finished after a day. */
export const DEMO_WAITING_TIMEOUT_MS = 24 * 60 * 60 * 1000;
export const DEMO_TEAMS = {
  suporte: { id: 'tm-suporte', name: 'Suporte' },
  vendas: { id: 'tm-vendas', name: 'Vendas' },
  financeiro: { id: 'tm-financeiro', name: 'Financeiro' },
} as const;
/** Monday to Friday, `from` to `to`. */
const weekdays = (from: string, to: string): WorkingHours['days'] => ({
  1: [[from, to]],
  2: [[from, to]],
  3: [[from, to]],
  4: [[from, to]],
  5: [[from, to]],
});
/** Suporte is always open (absent: no hours); Vendas and Financeiro on weekdays, São Paulo time. */
const DEMO_WORKING_HOURS: Record<string, WorkingHours> = {
  [DEMO_TEAMS.vendas.id]: { timeZone: 'America/Sao_Paulo', days: weekdays('08:00', '18:00') },
  [DEMO_TEAMS.financeiro.id]: { timeZone: 'America/Sao_Paulo', days: weekdays('09:00', '17:00') },
};
export const DEMO_AGENTS = {
  ana: {
    id: 'ag-ana',
    name: 'Ana Souza',
    email: 'ana@demo.conecta.dev',
    nickname: 'Ana',
    extension: '2001',
    teamIds: [DEMO_TEAMS.suporte.id, DEMO_TEAMS.vendas.id],
    role: 'owner',
    permissions: { history: true, internalChat: true, statistics: true, bulkActions: true, startConversations: true },
  },
  bruno: {
    id: 'ag-bruno',
    name: 'Bruno Lima',
    email: 'bruno@demo.conecta.dev',
    nickname: null,
    extension: '2002',
    teamIds: [DEMO_TEAMS.suporte.id, DEMO_TEAMS.financeiro.id],
    role: 'agent',
    permissions: { history: false, internalChat: true, statistics: false, bulkActions: true, startConversations: false },
  },
} as const;
export const DEMO_TAGS = {
  aguardandoCliente: { id: 'tg-aguardando-cliente', teamId: DEMO_TEAMS.suporte.id, name: 'Aguardando cliente', color: '#b26a00' },
  agendamento: { id: 'tg-agendamento', teamId: DEMO_TEAMS.suporte.id, name: 'Agendamento', color: '#1565c0' },
  negociacao: { id: 'tg-negociacao', teamId: DEMO_TEAMS.vendas.id, name: 'Negociação', color: '#6a1b9a' },
  propostaEnviada: { id: 'tg-proposta-enviada', teamId: DEMO_TEAMS.vendas.id, name: 'Proposta enviada', color: '#2e7d32' },
  boleto: { id: 'tg-boleto', teamId: DEMO_TEAMS.financeiro.id, name: 'Boleto', color: '#00838f' },
  reembolso: { id: 'tg-reembolso', teamId: DEMO_TEAMS.financeiro.id, name: 'Reembolso', color: '#c62828' },
} as const;
export const DEMO_TEMPLATES = {
  retomarAtendimento: {
    id: 'tp-retomar-atendimento',
    teamId: DEMO_TEAMS.suporte.id,
    name: 'retomar_atendimento',
    language: 'pt_BR',
    body: 'Olá {{nome}}, aqui é {{agente}} da Conecta. Podemos continuar seu atendimento?',
    variables: ['nome', 'agente'],
  },
  propostaComercial: {
    id: 'tp-proposta-comercial',
    teamId: DEMO_TEAMS.vendas.id,
    name: 'proposta_comercial',
    language: 'pt_BR',
    body: 'Olá {{nome}}, sua proposta {{numero}} está pronta. Podemos conversar?',
    variables: ['nome', 'numero'],
  },
  lembreteBoleto: {
    id: 'tp-lembrete-boleto',
    teamId: DEMO_TEAMS.financeiro.id,
    name: 'lembrete_boleto',
    language: 'pt_BR',
    body: 'Olá {{nome}}, seu boleto vence em {{vencimento}}. Precisa de ajuda?',
    variables: ['nome', 'vencimento'],
  },
} as const;
const DEMO_CANNED_RESPONSES = {
  ola: { id: 'cr-ola', teamId: null, shortcut: 'ola', title: 'Saudação', text: 'Olá! Como posso ajudar?' },
  horario: {
    id: 'cr-horario',
    teamId: null,
    shortcut: 'horario',
    title: 'Horário de atendimento',
    text: 'Nosso horário de atendimento é de segunda a sexta, das 8h às 18h, e aos sábados, das 8h às 12h.',
  },
  segundaVia: {
    id: 'cr-segunda-via',
    teamId: DEMO_TEAMS.financeiro.id,
    shortcut: 'segundavia',
    title: 'Segunda via de boleto',
    text: 'Você pode emitir a segunda via do boleto na área do cliente, em Financeiro › Boletos.',
  },
} as const;

/** The two demo webchat channels, with their pre-chat form, menu and look. */
const DEMO_WEBCHAT_CHANNELS: readonly NewWebchatChannel[] = [
  {
    key: DEMO_CHANNEL_KEY,
    name: 'Conecta Demo',
    teamIds: Object.values(DEMO_TEAMS).map((t) => t.id),
    allowedOrigins: [ANY_ORIGIN],
    prechat: { name: 'required', email: 'optional', phone: 'hidden' },
    menu: {
      prompt: { 'pt-BR': 'Como podemos ajudar?', en: 'How can we help?', es: '¿Cómo podemos ayudarte?' },
      options: [
        { label: { 'pt-BR': 'Suporte', en: 'Support', es: 'Soporte' }, teamId: DEMO_TEAMS.suporte.id },
        { label: { 'pt-BR': 'Vendas', en: 'Sales', es: 'Ventas' }, teamId: DEMO_TEAMS.vendas.id },
        { label: { 'pt-BR': 'Financeiro', en: 'Billing', es: 'Finanzas' }, teamId: DEMO_TEAMS.financeiro.id },
      ],
    },
    appearance: {
      color: '#0b6bcb',
      position: 'right',
      launcherIcon: 'chat',
      greeting: { 'pt-BR': 'Olá! 👋 Como podemos ajudar?', en: 'Hi! 👋 How can we help?', es: '¡Hola! 👋 ¿Cómo podemos ayudarte?' },
    },
    defaultLanguage: 'pt-BR',
    secret: DEMO_WEBCHAT_SECRET,
  },
  {
    key: DEMO_VENDAS_CHANNEL_KEY,
    name: 'Conecta Vendas',
    teamIds: [DEMO_TEAMS.vendas.id],
    allowedOrigins: [ANY_ORIGIN],
    prechat: { name: 'optional', email: 'required', phone: 'optional' },
    menu: { prompt: null, options: [] },
    appearance: {
      color: '#13795b',
      position: 'left',
      launcherIcon: 'headset',
      greeting: {
        'pt-BR': 'Quer conhecer nossos planos? Fale com o time de vendas.',
        en: 'Want to know our plans? Talk to our sales team.',
        es: '¿Quieres conocer nuestros planes? Habla con el equipo de ventas.',
      },
    },
    defaultLanguage: 'pt-BR',
    secret: DEMO_VENDAS_WEBCHAT_SECRET,
  },
];

/**
 * The demo's teams, agents, channels, tags, templates and canned responses (see demo/index.html).
 * Idempotent: does nothing when the database already has agents, so a restart never duplicates or
 * resets anything — except bringing a demo database seeded before the webchat configuration
 * existed up to date (see `upgradeDemoWebchat`).
 */
export async function seedDemo(repo: Repository, now: number = Date.now()): Promise<boolean> {
  if ((await repo.countAgents()) > 0) {
    await upgradeDemoWebchat(repo, now);
    return false;
  }
  const passwords = await Promise.all(Object.values(DEMO_AGENTS).map(() => hashPassword(DEMO_PASSWORD)));
  await repo.transaction(async (tx) => {
    if ((await tx.countAgents()) > 0) return;
    for (const team of Object.values(DEMO_TEAMS)) await tx.insertTeam(team, now, DEMO_WAITING_TIMEOUT_MS);
    for (const [index, agent] of Object.values(DEMO_AGENTS).entries()) {
      const { hash, salt } = passwords[index]!;
      await tx.insertAgent(
        { ...agent, teamIds: [...agent.teamIds], permissions: { ...agent.permissions }, passwordHash: hash, passwordSalt: salt },
        now,
      );
    }
    for (const channel of DEMO_WEBCHAT_CHANNELS) await tx.insertWebchatChannel(structuredClone(channel), now);
    for (const [teamId, hours] of Object.entries(DEMO_WORKING_HOURS)) await tx.setTeamWorkingHours(teamId, hours);
    await tx.insertChannel(
      {
        key: DEMO_WHATSAPP.key,
        kind: 'whatsapp',
        name: DEMO_WHATSAPP.name,
        defaultTeamId: DEMO_TEAMS.suporte.id,
        secret: DEMO_WHATSAPP.secret,
      },
      now,
    );
    for (const tag of Object.values(DEMO_TAGS)) await tx.insertTag(tag);
    for (const template of Object.values(DEMO_TEMPLATES)) await tx.insertTemplate({ ...template, variables: [...template.variables] });
    for (const canned of Object.values(DEMO_CANNED_RESPONSES)) await tx.insertCannedResponse({ ...canned, attachmentIds: [] });
  });
  return true;
}

/**
 * A demo database seeded before migration 003 has the `demo` channel with no secret: give it the
 * demo's webchat configuration, the sales channel and the teams' working hours, once.
 */
async function upgradeDemoWebchat(repo: Repository, now: number): Promise<void> {
  await repo.transaction(async (tx) => {
    const demo = await tx.getWebchatChannel(DEMO_CHANNEL_KEY);
    if (!demo || demo.secret !== null) return;
    const [configured, ...others] = DEMO_WEBCHAT_CHANNELS;
    const { key: _key, name: _name, teamIds: _teamIds, allowedOrigins: _origins, ...config } = structuredClone(configured!);
    await tx.updateWebchatChannel(DEMO_CHANNEL_KEY, config);
    for (const channel of others)
      if (!(await tx.getWebchatChannel(channel.key))) await tx.insertWebchatChannel(structuredClone(channel), now);
    for (const [teamId, hours] of Object.entries(DEMO_WORKING_HOURS)) {
      if (await tx.getTeam(teamId)) await tx.setTeamWorkingHours(teamId, hours);
    }
  });
  await translateDemoWebchat(repo);
}

/**
 * Migration 005 keeps a demo channel's texts in pt-BR only: give them the demo's other languages,
 * once, unless the greeting was changed since (then the admin's texts stay as they are).
 */
async function translateDemoWebchat(repo: Repository): Promise<void> {
  await repo.transaction(async (tx) => {
    for (const seeded of DEMO_WEBCHAT_CHANNELS) {
      const stored = await tx.getWebchatChannel(seeded.key);
      const greeting = stored?.appearance.greeting;
      const untranslated =
        greeting && Object.keys(greeting).join() === 'pt-BR' && greeting['pt-BR'] === seeded.appearance?.greeting?.['pt-BR'];
      if (untranslated) await tx.updateWebchatChannel(seeded.key, structuredClone({ menu: seeded.menu, appearance: seeded.appearance }));
    }
  });
}
