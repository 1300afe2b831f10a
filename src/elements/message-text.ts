import { html, type TemplateResult } from 'lit';

// Candidates only: every match is checked with URL() and its scheme before it becomes a link.
const LINK = /\b(?:https?:\/\/|mailto:|tel:)[^\s<>"']+/gi;
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * A message's text with its links made clickable — by parsing, never by interpreting markup:
 * every piece is a text binding, and only http(s), mailto and tel become `<a>`.
 */
export function renderMessageText(text: string): Array<string | TemplateResult> {
  const parts: Array<string | TemplateResult> = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING, '');
    const start = match.index;
    let url: URL | null;
    try {
      url = new URL(raw);
    } catch {
      url = null;
    }
    if (!url || !SAFE_SCHEMES.has(url.protocol)) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(html`<a part="link" href=${url.href} target="_blank" rel="noopener noreferrer nofollow">${raw}</a>`);
    last = start + raw.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
