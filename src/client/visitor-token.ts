/**
 * Where a webchat visitor's token is kept between page loads: localStorage when the page allows it,
 * else memory (private modes, sandboxed iframes, Node).
 */
export interface TokenStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const memory = new Map<string, string>();

export const pageStorage: TokenStorage = {
  get(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? memory.get(key) ?? null;
    } catch {
      return memory.get(key) ?? null;
    }
  },
  set(key, value) {
    memory.set(key, value);
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      /* storage full or forbidden: memory keeps it for this page */
    }
  },
  remove(key) {
    memory.delete(key);
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      /* nothing stored there */
    }
  },
};
