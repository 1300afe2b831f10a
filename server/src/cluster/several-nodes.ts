/**
 * Why a node with REDIS_URL refuses SQLite: every node must see every row at once, and a SQLite file
 * belongs to one process on one machine. Tests and the demo get no exception: they run several nodes
 * on PostgreSQL too (test/fault/two-nodes.test.ts, `npm run start:cluster`).
 */
export const SEVERAL_NODES_NEED_POSTGRES =
  'REDIS_URL is set but DATABASE_URL is not: several nodes cannot share a SQLite file. ' +
  'Set DATABASE_URL to a PostgreSQL database, or unset REDIS_URL to run one node on SQLite.';

/** The default of REDIS_PREFIX: every key, stream and channel of Conecta's nodes starts with it. */
export const DEFAULT_REDIS_PREFIX = 'conecta:';
