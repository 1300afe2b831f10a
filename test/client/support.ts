import { ConectaClient } from '../../src/client/client.js';
import { selectMessages } from '../../src/client/selectors.js';
import type { ConectaState } from '../../src/client/state.js';
import type { SocketFactory } from '../../src/client/socket/types.js';
import type { TokenStorage } from '../../src/client/visitor-token.js';
import { DEMO_CHANNEL_KEY } from '../server/harness.js';
import { visitorSockets } from './node-sockets.js';

/** One browser's localStorage: tabs of one browser share it, other browsers (devices) have their own. */
export function browserStorage(): TokenStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
}

/**
 * A webchat visitor of the demo channel at `url`, in a browser of its own (its storage) unless one is
 * given, speaking through the browser's visitor socket unless a test gives another.
 */
export function demoVisitor(
  url: string,
  { storage = browserStorage(), socketFactory = visitorSockets }: { storage?: TokenStorage; socketFactory?: SocketFactory } = {},
) {
  return new ConectaClient({ server: url, channel: DEMO_CHANNEL_KEY, storage, commandTimeoutMs: 2_000, socketFactory });
}

/** Resolves when the client's state satisfies `predicate` (fails the test after `ms`, showing the state). */
export function until(client: ConectaClient, predicate: (state: ConectaState) => boolean, ms = 8_000): Promise<void> {
  if (predicate(client.store.state)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out; state: ${JSON.stringify(client.store.state).slice(0, 1200)}`));
    }, ms);
    const unsubscribe = client.store.subscribe((state) => {
      if (!predicate(state)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** What people wrote in a session (system notes such as "accepted" left out). */
export const written = (state: ConectaState, sessionId: string) => selectMessages(state, sessionId).filter((m) => m.kind !== 'system');
