import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { waitFor } from 'storybook/test';
import { designTokens } from './design-tokens.js';

/**
 * What the element stories share: the `--conecta-*` token controls with the decorator that applies
 * them, the mock client's latency control, and helpers for play functions (shadow roots, events).
 */

/** The teams of the fixtures (`test/fixtures`), for `team` filters and the webchat's channel. */
export const teamOptions = ['', 'suporte', 'vendas', 'financeiro'];

/**
 * Every global token (read from src/styles/tokens.ts) as a control, applied by `withTokens`. The
 * elements' attributes, events, parts and own custom properties come from the manifest instead
 * (.storybook/preview.ts).
 */
export const tokenArgTypes: ArgTypes = Object.fromEntries(
  designTokens.map(({ name, fallback, group }) => [
    name,
    {
      control: group === 'colours' ? 'color' : 'text',
      description: `Default \`${fallback}\`.`,
      table: { category: 'design tokens (set on an ancestor)', subcategory: group },
    },
  ]),
);

/** The mock client's delay of every answer (ms): long enough to see "Saving…", "sending"… */
export const latencyArgType: ArgTypes = {
  latency: {
    control: { type: 'number', min: 0, step: 100 },
    description: 'Mock client: delay of every answer (ms).',
    table: { category: 'story' },
  },
};

/** Story args that set `--conecta-*` custom properties. */
export type TokenArgs = { [token: `--conecta-${string}`]: string | undefined };

/** A dark theme, as a host page would set it on an ancestor of the elements. */
export const darkTheme: Record<string, string> = {
  '--conecta-color-brand': '#8ab4f8',
  '--conecta-color-on-brand': '#0b1b33',
  '--conecta-color-surface': '#1e222a',
  '--conecta-color-surface-alt': '#2a2f3a',
  '--conecta-color-text': '#e8eaed',
  '--conecta-color-muted': '#a3acb9',
  '--conecta-color-border': '#3c4350',
  '--conecta-color-danger': '#f28b82',
  '--conecta-color-focus': '#fdd663',
  // A page with its own dark palette sets the message bubbles too (their defaults are light).
  '--conecta-message-background': '#2a2f3a',
  '--conecta-message-own-background': '#263a57',
  '--conecta-radius-m': '14px',
  '--conecta-font-family': "Georgia, 'Times New Roman', serif",
};

/**
 * Puts the story in a wrapper that sets every non-empty `--conecta-*` arg as a custom property, as
 * a host page would on an ancestor: the elements inherit them (they never set them on `:host`).
 */
export const withTokens: Decorator<TokenArgs> = (story, { args }) => {
  const properties = Object.fromEntries(
    Object.entries(args).filter(([name, value]) => name.startsWith('--conecta-') && typeof value === 'string' && value !== ''),
  ) as Record<string, string>;
  const surface = properties['--conecta-color-surface'];
  return html`<div
    class="conecta-story-tokens"
    style=${styleMap({ ...properties, ...(surface ? { background: surface, padding: '1rem' } : {}) })}
  >
    ${story()}
  </div>`;
};

/**
 * Wait until `selector` matches inside the shadow root of the first `tag` in the story and return
 * it (play functions: Testing Library's queries do not cross shadow roots).
 */
export async function inShadow<E extends Element = HTMLElement>(canvas: HTMLElement, tag: string, selector: string): Promise<E> {
  return waitFor(() => {
    const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<E>(selector);
    if (!found) throw new Error(`${tag}: nothing matches ${selector} yet`);
    return found;
  });
}

/** The text of what `selector` matches in the first `tag`'s shadow root, whitespace collapsed. */
export function shadowText(canvas: HTMLElement, tag: string, selector: string): string[] {
  const found = canvas.querySelector(tag)?.shadowRoot?.querySelectorAll(selector) ?? [];
  return [...found].map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Resolves with the next `type` event the first `tag` of the story dispatches. */
export function nextEvent<E extends Event = CustomEvent>(canvas: HTMLElement, tag: string, type: string): Promise<E> {
  const element = canvas.querySelector(tag);
  if (!element) throw new Error(`no ${tag} in the story`);
  return new Promise((resolve) => element.addEventListener(type, (event) => resolve(event as E), { once: true }));
}

/** A command answer that never comes: shows an element's loading state for as long as one looks. */
export const never = <T>(): Promise<T> => new Promise<T>(() => {});

/** The agents' elements' `theme` and `density` attributes. */
export interface AppearanceArgs {
  theme?: 'auto' | 'light' | 'dark';
  density?: 'comfortable' | 'compact';
}

/** Behind an element in the dark theme, a dark page (the element paints its own surfaces). */
export const withDarkPage: Decorator<AppearanceArgs> = (story, { args }) =>
  args.theme === 'dark' ? html`<div style="background: #0d0f13; padding: 1rem">${story()}</div>` : story();

/** A story's args for the dark theme. */
export const dark = { args: { theme: 'dark' as const } };
