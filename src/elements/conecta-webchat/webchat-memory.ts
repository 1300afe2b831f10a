/** What the widget remembers in the browser: per tab (the panel open) and per site (muted, the conversation followed). */
export const tab = () => sessionStorage;
export const site = () => localStorage;

/** The key under which the widget of one server + channel remembers `what`. */
export function memoryKey(widget: { server: string; channel: string }, what: string): string {
  return `conecta-webchat:${what}:${widget.server}#${widget.channel}`;
}

/** Storage that may be forbidden (sandboxed iframes, some private modes): then nothing is remembered. */
export function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    /* nothing to remember */
  }
}
