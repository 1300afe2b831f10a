import { css, unsafeCSS } from 'lit';
import { darkColors, tokens as t, type ColorToken } from './tokens.js';

/*
 * Light and dark for the agents' elements, as the webchat does it: the page's `--conecta-color-*`
 * always win; without them, the theme's fallbacks apply. Each colour is read once on the host into a
 * private property (light or dark), then set back onto the tokens for the element's own tree, so every
 * rule that reads a token (`t.*`) follows the theme — and so do agent elements nested inside (the desk's
 * panels, a CRM's slotted elements), which inherit the tokens as if a page had set them.
 */
const colorNames = Object.keys(darkColors) as ColorToken[];
/** `--conecta-color-surface` for `surface`: the property the token reads. */
const propertyOf = (name: ColorToken) => /^var\((--[\w-]+)/.exec(t[name].cssText)![1]!;
const declarations = (value: (name: ColorToken) => string) => unsafeCSS(colorNames.map((name) => `--_${name}:${value(name)};`).join(''));

// The own messages' background (transcript.styles.ts) is light blue by default: dark has its own, as
// the webchat's. In light, no fallback: unset, the property stays invalid and the transcript's own applies.
const light = css`${declarations((name) => t[name].cssText)} --_own: var(--conecta-message-own-background);`;
const dark = css`${declarations((name) => `var(${propertyOf(name)},${darkColors[name]})`)} --_own: var(--conecta-message-own-background, #263a57);`;
const remapped = unsafeCSS(
  colorNames.map((name) => `${propertyOf(name)}:var(--_${name});`).join('') + '--conecta-message-own-background:var(--_own);',
);

/** What density changes, read with the comfortable value as fallback. */
export const density = {
  /** Block padding of a list row. */
  rowPadding: css`var(--_conecta-row-padding, ${t.spaceS})`,
  /** Least block size of a button or field (28 px compact: above the 24 px target size). */
  controlSize: css`var(--_conecta-control-size, 2.25rem)`,
} as const;

/**
 * The agents' `theme` (`auto` follows the system, `light`, `dark`) and `density` (`comfortable`,
 * `compact`: tighter rows and controls, still at least 24×24 px). Density is carried by private
 * properties that only a `density` attribute sets, so it too passes down to nested elements that have
 * none; elements read it through `density.*`.
 */
export const agentThemeStyles = css`
  :host {
    color-scheme: light;
    ${light}
    color: var(--_text);
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      ${dark}
    }
  }
  :host > * {
    ${remapped}
  }
  :host([density='compact']) {
    --_conecta-row-padding: ${t.spaceXs};
    --_conecta-control-size: 1.75rem;
  }
  :host([density='comfortable']) {
    --_conecta-row-padding: ${t.spaceS};
    --_conecta-control-size: 2.25rem;
  }
  button,
  input,
  textarea,
  select {
    min-block-size: ${density.controlSize};
  }
  input,
  textarea,
  select {
    border-color: ${t.controlBorder};
  }
  /* A checkbox is its own target: 24 px, the least a target may be (WCAG 2.2). */
  input[type='checkbox'],
  input[type='radio'] {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-block-size: 0;
    margin: 0;
    accent-color: ${t.brand};
  }
  :focus-visible {
    outline: ${t.focusWidth} solid ${t.focus};
    outline-offset: ${t.focusOffset};
  }
`;
