/** The tag of the placeholder's host: a name of its own, so no page rule for `div` or `button` reaches it. */
export const PLACEHOLDER_TAG = 'conecta-webchat-placeholder';

/**
 * Looks like the widget's launcher (src/elements/conecta-webchat/conecta-webchat.styles.ts): the same
 * round button, chat icon, corner, tokens and fallbacks, so the swap is not seen. `all: initial` keeps
 * the page's CSS out; custom properties still inherit, so a page's theme applies to both. After a
 * click that has to wait for the widget, a ring turns around it (slowly for those who reduce motion).
 */
const css = `:host{all:initial;--o:var(--conecta-webchat-offset,1rem);position:fixed;bottom:calc(var(--o) + env(safe-area-inset-bottom,0px));right:calc(var(--o) + env(safe-area-inset-right,0px));z-index:var(--conecta-webchat-z-index,2147483000)}
:host([position=left]){right:auto;left:calc(var(--o) + env(safe-area-inset-left,0px))}
button{position:relative;display:grid;place-items:center;width:3.5rem;height:3.5rem;padding:0;border:0;border-radius:50%;cursor:pointer;background:var(--conecta-color-brand,#0b5cad);color:var(--conecta-color-on-brand,#fff);box-shadow:var(--conecta-shadow,0 8px 24px rgb(0 0 0/.18))}
button:focus-visible{outline:2px solid var(--conecta-color-focus,#0b5cad);outline-offset:2px}
[aria-busy=true]{cursor:progress}
[aria-busy=true]::after{content:'';position:absolute;inset:-8px;border:3px solid transparent;border-top-color:var(--conecta-color-brand,#0b5cad);border-radius:50%;animation:s .8s linear infinite}
@keyframes s{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){[aria-busy=true]::after{animation-duration:4s}}
svg{width:1.75rem;height:1.75rem;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}`;

/** The widget's `chat` icon (src/elements/conecta-webchat/icons.ts). */
function chatIcon(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const path = document.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute('d', 'M4 5h16v11H9l-5 4z');
  svg.append(path);
  return svg;
}

let sheet: CSSStyleSheet | undefined;

export interface PlaceholderLauncher {
  readonly host: HTMLElement;
  readonly button: HTMLButtonElement;
  /** Says the widget is on its way, after a click that has to wait for it. */
  markBusy(): void;
  /** Changes the accessible name (the page called setLocale()). */
  setLabel(label: string): void;
}

/**
 * A real `<button>`, named in the page's language, in its own shadow root, styled only through
 * `adoptedStyleSheets` (strict CSP: no inline style, no `<style>`, no `innerHTML`). Every first sign
 * of interest — the pointer, focus, a touch — calls `onInterest`; a click also calls `onClick`.
 */
export function createPlaceholderLauncher(
  channel: string,
  position: string | undefined,
  label: string,
  onInterest: () => void,
  onClick: () => void,
): PlaceholderLauncher {
  const host = document.createElement(PLACEHOLDER_TAG);
  host.setAttribute('channel', channel);
  if (position) host.setAttribute('position', position);
  const root = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  root.adoptedStyleSheets = [sheet];

  const button = document.createElement('button');
  button.type = 'button';
  button.part.add('launcher');
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', label);
  button.append(chatIcon());
  for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, onInterest, { passive: true });
  button.addEventListener('click', onClick);
  root.append(button);

  return {
    host,
    button,
    markBusy: () => button.setAttribute('aria-busy', 'true'),
    setLabel: (label) => button.setAttribute('aria-label', label),
  };
}
