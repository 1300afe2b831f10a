/** The browser's storages: per tab, and per site (shared by its tabs). */
export const tab = () => sessionStorage;
export const site = () => localStorage;

/** Storage that may be forbidden (sandboxed iframes, some private modes, Node): then nothing is read. */
export function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/** Keep `value` under `key` (`null` removes it), where the storage allows it; else nothing is kept. */
export function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    /* nothing to remember */
  }
}
