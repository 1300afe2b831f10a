import type { ArgTypes, Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { waitFor } from 'storybook/test';

/**
 * What the element stories share: the `lang` control, the `--conecta-*` token controls with the
 * decorator that applies them, and a helper for play functions to reach into shadow roots.
 */

/** The languages the elements ship (pt-BR is the source); empty follows the page. */
export const languageArgType: ArgTypes = {
  lang: {
    control: 'select',
    options: ['pt-BR', 'en', 'es', ''],
    description: "The element's language; empty follows the nearest ancestor's `lang` or the page's.",
    table: { category: 'attributes' },
  },
};

/** The teams of the fixtures (`test/fixtures`), for `team` filters and the webchat's channel. */
export const teamOptions = ['', 'suporte', 'vendas', 'financeiro'];

const token = (description: string, control: 'color' | 'text' = 'color') => ({
  control,
  description,
  table: { category: 'design tokens (set on an ancestor)' },
});

/** Global tokens every element reads (with a fallback): shown as controls, applied by `withTokens`. */
export const tokenArgTypes: ArgTypes = {
  '--conecta-color-brand': token('Brand color: primary buttons, counters, own messages.'),
  '--conecta-color-on-brand': token('Text on the brand color.'),
  '--conecta-color-surface': token('Background of the elements.'),
  '--conecta-color-surface-alt': token('Secondary background (rows, others’ messages).'),
  '--conecta-color-text': token('Text color.'),
  '--conecta-color-muted': token('Secondary text.'),
  '--conecta-color-border': token('Borders and separators.'),
  '--conecta-color-danger': token('Errors and destructive actions.'),
  '--conecta-color-focus': token('Focus ring.'),
  '--conecta-radius-m': token('Medium corner radius, e.g. `8px`.', 'text'),
  '--conecta-space-m': token('Medium spacing, e.g. `0.75rem`.', 'text'),
  '--conecta-font-family': token('Font family.', 'text'),
  '--conecta-font-size': token('Base font size, e.g. `0.9375rem`.', 'text'),
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

/** A command answer that never comes: shows an element's loading state for as long as one looks. */
export const never = <T>(): Promise<T> => new Promise<T>(() => {});

/** The agents' elements' `theme` and `density` attributes. */
export interface AppearanceArgs {
  theme?: 'auto' | 'light' | 'dark';
  density?: 'comfortable' | 'compact';
}

export const appearanceArgTypes: ArgTypes = {
  theme: {
    control: 'inline-radio',
    options: ['auto', 'light', 'dark'],
    description: '`auto` follows the system; `light` or `dark` forces one (the page’s `--conecta-color-*` still win).',
    table: { category: 'attributes' },
  },
  density: {
    control: 'inline-radio',
    options: ['comfortable', 'compact'],
    description: '`compact` shows more rows: tighter rows and controls, still at least 24 × 24 px.',
    table: { category: 'attributes' },
  },
};

/** Behind an element in the dark theme, a dark page (the element paints its own surfaces). */
export const withDarkPage: Decorator<AppearanceArgs> = (story, { args }) =>
  args.theme === 'dark' ? html`<div style="background: #0d0f13; padding: 1rem">${story()}</div>` : story();

/** A story's args for the dark theme. */
export const dark = { args: { theme: 'dark' as const } };
