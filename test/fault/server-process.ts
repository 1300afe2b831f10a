// A Conecta server in a child process, so a test can kill it (SIGKILL) and start it again on the same
// data and port. Run as `node --import tsx test/fault/server-process.ts`, with DATA_DIR and PORT in
// its environment (and CONECTA_TEST_DATABASE=postgres for the data dir's PostgreSQL schema, as the
// server tests have it), and FAULT_REDIS_URL / FAULT_REDIS_PREFIX for one of several nodes; tells its parent `{ ready: url }` once listening. The demo company is seeded (again
// on every start: seeding is idempotent), rate limits are lifted, timers that tests drive are off.
import { createServer } from '../../server/src/app.js';
import { testDatabaseOptions } from '../server/test-database.js';

const LIFTED = { perSecond: 1e6, burst: 1e6 };
const server = await createServer({
  ...(await testDatabaseOptions(process.env.DATA_DIR!)),
  // Not REDIS_URL: a developer's own setting must not turn the crash test's single node into one of several.
  redisUrl: process.env.FAULT_REDIS_URL || undefined,
  redisPrefix: process.env.FAULT_REDIS_PREFIX || undefined,
  seed: true,
  expireEveryMs: 0,
  tokenSweepMs: 0,
  teamOpeningWatchMs: 0,
  rateLimits: {
    commands: LIFTED,
    visitorTokens: { perAddress: LIFTED, perChannel: LIFTED },
    sessions: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
    messages: { perVisitor: LIFTED, perAddress: LIFTED, perChannel: LIFTED },
  },
});
const url = await server.listen(Number(process.env.PORT), '127.0.0.1');
process.send!({ ready: url });
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
