import { read, site, write } from '../dom/browser-storage.js';

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

// Storage full or forbidden: memory keeps the token for this page.
export const pageStorage: TokenStorage = {
  get: (key) => read(site, key) ?? memory.get(key) ?? null,
  set(key, value) {
    memory.set(key, value);
    write(site, key, value);
  },
  remove(key) {
    memory.delete(key);
    write(site, key, null);
  },
};
