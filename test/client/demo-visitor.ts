// Node only (server harness, `ws`): kept apart from support.ts, which browser tests import too.
import { ConectaClient } from '../../src/client/client.js';
import type { SocketFactory } from '../../src/client/socket/types.js';
import type { TokenStorage } from '../../src/client/visitor-token.js';
import { DEMO_CHANNEL_KEY } from '../server/harness.js';
import { visitorSockets } from './node-sockets.js';
import { browserStorage } from './support.js';

/**
 * A webchat visitor of the demo channel at `url`, in a browser of its own (its storage) unless one is
 * given, speaking through the browser's visitor socket unless a test gives another.
 */
export function demoVisitor(
  url: string,
  { storage = browserStorage(), socketFactory = visitorSockets }: { storage?: TokenStorage; socketFactory?: SocketFactory } = {},
): ConectaClient {
  return new ConectaClient({ server: url, channel: DEMO_CHANNEL_KEY, storage, commandTimeoutMs: 2_000, socketFactory });
}
