import type { Repository } from './db/repository.js';
import { hashPassword } from './domain/secrets.js';

export const DEMO_PASSWORD = 'conecta-demo';
export const DEMO_CHANNEL_KEY = 'demo';
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
  },
  bruno: {
    id: 'ag-bruno',
    name: 'Bruno Lima',
    email: 'bruno@demo.conecta.dev',
    nickname: null,
    extension: '2002',
    teamIds: [DEMO_TEAMS.suporte.id, DEMO_TEAMS.financeiro.id],
  },
} as const;

/**
 * The demo's teams, agents and webchat channel (see demo/index.html). Idempotent: does nothing when
 * the database already has agents, so a restart never duplicates or resets anything.
 */
export async function seedDemo(repo: Repository, now: number = Date.now()): Promise<boolean> {
  if ((await repo.countAgents()) > 0) return false;
  const passwords = await Promise.all(Object.values(DEMO_AGENTS).map(() => hashPassword(DEMO_PASSWORD)));
  await repo.transaction(async (tx) => {
    if ((await tx.countAgents()) > 0) return;
    for (const team of Object.values(DEMO_TEAMS)) await tx.insertTeam(team, now);
    for (const [index, agent] of Object.values(DEMO_AGENTS).entries()) {
      const { hash, salt } = passwords[index]!;
      await tx.insertAgent({ ...agent, teamIds: [...agent.teamIds], passwordHash: hash, passwordSalt: salt }, now);
    }
    await tx.insertWebchatChannel(
      { key: DEMO_CHANNEL_KEY, name: 'Conecta Demo', teamIds: Object.values(DEMO_TEAMS).map((t) => t.id), allowedOrigins: [] },
      now,
    );
  });
  return true;
}
