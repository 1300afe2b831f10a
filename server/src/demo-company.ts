import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Repository } from './db/repository.js';
import type { Services } from './domain/services.js';
import { applyCompanyFile } from './config-as-code/apply-company.js';

/**
 * The demo company (`npm start`, the tests): its data is demo/company.yaml, a company file like any
 * other. These constants name what tests and demo pages rely on; test/server/apply.test.ts checks
 * that the file makes exactly them.
 */
export const DEMO_COMPANY_FILE = fileURLToPath(new URL('../../demo/company.yaml', import.meta.url));

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

/**
 * The environment demo/company.yaml reads its secrets from. Public on purpose: docs/embedding.md
 * prints them, so anyone can try identity verification and the WhatsApp webhook against the demo.
 */
export const DEMO_ENV: Readonly<Record<string, string>> = {
  DEMO_AGENT_PASSWORD: DEMO_PASSWORD,
  DEMO_WEBCHAT_SECRET,
  DEMO_VENDAS_WEBCHAT_SECRET,
  DEMO_WHATSAPP_SECRET: DEMO_WHATSAPP.secret,
};

/** Waiting sessions of every demo team are finished after a day. */
export const DEMO_WAITING_TIMEOUT_MS = 24 * 60 * 60 * 1000;
export const DEMO_TEAMS = {
  suporte: { id: 'tm-suporte', name: 'Suporte' },
  vendas: { id: 'tm-vendas', name: 'Vendas' },
  financeiro: { id: 'tm-financeiro', name: 'Financeiro' },
} as const;
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

/** The demo's customer accounts ("Conta"): two offered, one deactivated. */
export const DEMO_ACCOUNTS = {
  varejo: { id: 'acc-varejo', name: 'Varejo', active: true },
  empresas: { id: 'acc-empresas', name: 'Empresas', active: true },
  parceiros: { id: 'acc-parceiros', name: 'Parceiros', active: false },
} as const;
/** What the demo's contacts may be classified as. */
export const DEMO_CLASSIFICATIONS = ['VIP', 'Ouro', 'Prata', 'Inadimplente'] as const;

/**
 * Applies demo/company.yaml with the demo's secrets (DEMO_ENV) to a database without agents: a
 * restart keeps whatever was changed since. Answers whether it applied the file.
 */
export async function applyDemoCompany(server: { services: Services; repo: Repository }): Promise<boolean> {
  if ((await server.repo.countAgents()) > 0) return false;
  const text = await readFile(DEMO_COMPANY_FILE, 'utf8');
  await applyCompanyFile(server, text, { fileName: 'demo/company.yaml', env: DEMO_ENV });
  return true;
}
