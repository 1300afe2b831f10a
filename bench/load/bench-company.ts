import { DEMO_CHANNEL_KEY, DEMO_PASSWORD, DEMO_TEAMS } from '../../server/src/demo-company.js';

/** The benchmark's visitors write on the demo's webchat channel to its support team, where its agents are. */
export const BENCH_CHANNEL_KEY = DEMO_CHANNEL_KEY;
export const BENCH_TEAM_ID = DEMO_TEAMS.suporte.id;
export const BENCH_PASSWORD = DEMO_PASSWORD;
export const benchAgentEmail = (index: number) => `agente${index}@carga.example`;
