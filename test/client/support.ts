import type { ConectaClient } from '../../src/client/client.js';
import { selectMessages } from '../../src/client/selectors.js';
import type { ConectaState } from '../../src/client/state.js';
import type { TokenStorage } from '../../src/client/visitor-token.js';

/** One browser's localStorage: tabs of one browser share it, other browsers (devices) have their own. */
export function browserStorage(): TokenStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k) ?? null, set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
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
