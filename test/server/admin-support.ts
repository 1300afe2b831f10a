// Shared by the admin tests: actors, audit reads, and a server with an admin and a supervisor besides the demo.
import { CLI_ACTOR, type AdminActor } from '../../server/src/domain/admin/actor.js';
import type { AuditEntry } from '../../server/src/db/repository.js';
import { addAgent, DEMO_AGENTS, DEMO_TEAMS, loginAgent, type TestServer } from './harness.js';

export { CLI_ACTOR };
export const SUPORTE = DEMO_TEAMS.suporte.id;
export const VENDAS = DEMO_TEAMS.vendas.id;
export const FINANCEIRO = DEMO_TEAMS.financeiro.id;

/** Ana, the demo's owner. */
export const OWNER: AdminActor = { audit: { kind: 'agent', id: DEMO_AGENTS.ana.id }, role: 'owner', teamIds: [SUPORTE, VENDAS] };
export const ADMIN: AdminActor = { audit: { kind: 'agent', id: 'ag-admin' }, role: 'admin', teamIds: [] };
export const SUPERVISOR: AdminActor = { audit: { kind: 'agent', id: 'ag-supervisor' }, role: 'supervisor', teamIds: [SUPORTE] };
export const AGENT: AdminActor = { audit: { kind: 'agent', id: DEMO_AGENTS.bruno.id }, role: 'agent', teamIds: [SUPORTE, FINANCEIRO] };

/** The newest audit entries of a resource (and id), newest first. */
export function auditOf(t: TestServer, resource: string, resourceId?: string): Promise<AuditEntry[]> {
  return t.server.repo.listAudit({ resource, resourceId, limit: 100 });
}

/**
 * A valid body per resource, for tests that walk them all. `seeded`: the demo company already has
 * this record (a company setting its file writes), so a put replaces it (200, `update`).
 */
export const VALID_BODIES: Record<
  string,
  { id: string; body: Record<string, unknown>; invalid: [body: Record<string, unknown>, field: string]; seeded?: boolean }
> = {
  agents: {
    id: 'ag-carla',
    body: { name: 'Carla Dias', email: 'carla@example.com', teamIds: [SUPORTE], extension: '2003', permissions: { history: true } },
    invalid: [{ name: 'Carla', email: 'not-an-email' }, 'email'],
  },
  teams: {
    id: 'tm-ouvidoria',
    body: {
      name: 'Ouvidoria',
      memberIds: [DEMO_AGENTS.bruno.id],
      waitingTimeoutMs: 3_600_000,
      workingHours: { timeZone: 'America/Sao_Paulo', days: { 1: [['09:00', '17:00']] } },
      holidays: [{ date: '2026-12-25', name: 'Natal' }],
    },
    invalid: [{ name: 'Ouvidoria', workingHours: { timeZone: 'Mars/Olympus', days: {} } }, 'workingHours.timeZone'],
  },
  'webchat-channels': {
    id: 'loja',
    body: {
      name: 'Loja',
      teamIds: [SUPORTE, VENDAS],
      allowedOrigins: ['https://loja.example'],
      menu: { prompt: { 'pt-BR': 'Como podemos ajudar?' }, options: [{ label: { 'pt-BR': 'Vendas' }, teamId: VENDAS }] },
      identitySecret: 'a-long-identity-secret',
    },
    invalid: [{ name: 'Loja', teamIds: [SUPORTE], allowedOrigins: ['loja.example'] }, 'allowedOrigins.0'],
  },
  'whatsapp-channels': {
    id: 'wa-loja',
    body: {
      name: 'WhatsApp Loja',
      defaultTeamId: SUPORTE,
      phoneNumberId: '1234567890',
      businessAccountId: '9876543210',
      accessToken: 'EAAG-secret-access-token',
      appSecret: 'whatsapp-app-secret',
      verifyToken: 'verify-me-please',
    },
    invalid: [{ name: 'WhatsApp Loja', defaultTeamId: SUPORTE, appSecret: 'short' }, 'appSecret'],
  },
  templates: {
    id: 'tpl-boas-vindas',
    body: { teamId: SUPORTE, name: 'Boas-vindas', language: 'pt-BR', body: 'Olá {{nome}}!', variables: ['nome'] },
    invalid: [{ teamId: SUPORTE, name: 'x', language: 'pt-BR', body: 'Olá!', variables: ['nome'] }, 'variables'],
  },
  'canned-responses': {
    id: 'cr-feriados',
    body: { teamId: SUPORTE, shortcut: 'feriados', title: 'Feriados', text: 'Não atendemos em feriados.' },
    invalid: [{ teamId: SUPORTE, shortcut: 'has space', title: 'x', text: 'y' }, 'shortcut'],
  },
  tags: {
    id: 'tg-urgente',
    body: { teamId: SUPORTE, name: 'Urgente', color: '#c62828' },
    invalid: [{ teamId: SUPORTE, name: 'Urgente', color: 'red' }, 'color'],
  },
  'pause-types': {
    id: 'ps-almoco',
    body: { name: 'Almoço', timeLimitMs: 3_600_000 },
    invalid: [{ name: 'Almoço', timeLimitMs: -5 }, 'timeLimitMs'],
  },
  'contact-settings': {
    id: 'contact',
    body: { requiredFields: ['name', 'phone'], classifications: ['VIP', 'Ouro'] },
    seeded: true,
    invalid: [{ requiredFields: ['name', 'shoe size'] }, 'requiredFields.1'],
  },
  accounts: {
    id: 'acc-atacado',
    body: { name: 'Atacado', active: true },
    invalid: [{ name: '  ' }, 'name'],
  },
  'availability-settings': {
    id: 'availability',
    body: {
      awayGraceMs: 300_000,
      sessionsOnPause: 'keep',
      sessionsOnLogout: 'requeue',
      transferToUnavailable: 'team',
      timeZone: 'America/Sao_Paulo',
    },
    invalid: [{ transferToUnavailable: 'drop' }, 'transferToUnavailable'],
  },
};

/** A JSON request to the admin API with the agent token (if any); answers status and parsed body. */
export async function adminRequest(t: TestServer, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${t.url}/api/admin/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

/**
 * Adds a logged-in agent of `role` (through the owner, as the API would) and answers its token:
 * the admin `ag-admin`, the supervisor `ag-supervisor` of Suporte.
 */
export async function tokenOf(t: TestServer, role: 'admin' | 'supervisor'): Promise<string> {
  const id = `ag-${role}`;
  await addAgent(t, { id, name: role, email: `${role}@example.com`, teamIds: role === 'supervisor' ? [SUPORTE] : [] });
  await t.server.services.admin.patch(CLI_ACTOR, 'agents', id, { role });
  return loginAgent(t.url, `${role}@example.com`);
}
