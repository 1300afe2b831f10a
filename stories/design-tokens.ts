import { tokens } from '../src/styles/tokens.js';

/**
 * The global design tokens, read from `src/styles/tokens.ts` itself (each is
 * `var(--conecta-name, fallback)`): the theming page and the stories' token controls list them from
 * here, so neither can drift from what the elements read. test/unit/design-tokens.test.ts checks
 * that every `--conecta-*` the source reads is here or in an element's manifest entry.
 */
export interface DesignToken {
  name: `--conecta-${string}`;
  /** The light theme's value: what the elements use when the page sets nothing. */
  fallback: string;
  group: DesignTokenGroup;
}

export type DesignTokenGroup = 'colours' | 'type' | 'spacing' | 'shape' | 'elevation' | 'focus';

const groupOf = (name: string): DesignTokenGroup => {
  if (name.startsWith('--conecta-color-')) return 'colours';
  if (name.startsWith('--conecta-space-')) return 'spacing';
  if (name.startsWith('--conecta-radius-')) return 'shape';
  if (name.startsWith('--conecta-shadow')) return 'elevation';
  if (name.startsWith('--conecta-focus-')) return 'focus';
  return 'type';
};

export const designTokens: readonly DesignToken[] = Object.values(tokens).map((value) => {
  const match = /^var\((--conecta-[a-z0-9-]+),\s*(.+)\)$/s.exec(value.cssText);
  if (!match) throw new Error(`src/styles/tokens.ts: expected var(--conecta-…, fallback), got ${value.cssText}`);
  const name = match[1] as DesignToken['name'];
  return { name, fallback: match[2]!.trim(), group: groupOf(name) };
});
