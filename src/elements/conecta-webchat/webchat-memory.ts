/**
 * What the widget remembers in the browser (through `dom/browser-storage.ts`): per tab, the panel
 * open; per site, muted and the conversation followed.
 */

/** The key under which the widget of one server + channel remembers `what`. */
export function memoryKey(widget: { server: string; channel: string }, what: string): string {
  return `conecta-webchat:${what}:${widget.server}#${widget.channel}`;
}
