import { css } from 'lit';

/**
 * Global design tokens, each read with its fallback so an element looks right with no theme.
 * They are inherited custom properties: a page sets them on `:root` or any ancestor.
 * Never set on `:host` here, or a page could not override them from outside.
 *
 * The fallbacks are the light theme; `darkColors` below holds the dark one (the agents' elements
 * switch to it by `theme`, see `agent-theme.ts`). test/unit/tokens.test.ts checks the contrast of
 * both. The webchat's bundle carries only the tokens it reads: keep the older ones as they are.
 */
export const tokens = {
  // — colours: surfaces, text, borders —
  brand: css`var(--conecta-color-brand, #0b5cad)`,
  onBrand: css`var(--conecta-color-on-brand, #ffffff)`,
  surface: css`var(--conecta-color-surface, #ffffff)`,
  surfaceAlt: css`var(--conecta-color-surface-alt, #f3f5f8)`,
  text: css`var(--conecta-color-text, #1b2430)`,
  muted: css`var(--conecta-color-muted, #5b6675)`,
  /** Separators and quiet outlines (decorative). */
  border: css`var(--conecta-color-border, #d5dbe3)`,
  /** The outline of a field or checkbox, which must stand out from the surface (3:1). */
  controlBorder: css`var(--conecta-color-control-border, #7a8494)`,
  focus: css`var(--conecta-color-focus, #0b5cad)`,
  // — colours: states, each with the colour of what is written on it —
  danger: css`var(--conecta-color-danger, #b3261e)`,
  onDanger: css`var(--conecta-color-on-danger, #ffffff)`,
  success: css`var(--conecta-color-success, #1e7a3c)`,
  onSuccess: css`var(--conecta-color-on-success, #ffffff)`,
  warning: css`var(--conecta-color-warning, #8a5300)`,
  onWarning: css`var(--conecta-color-on-warning, #ffffff)`,
  info: css`var(--conecta-color-info, #0a6176)`,
  onInfo: css`var(--conecta-color-on-info, #ffffff)`,
  // — shape —
  radiusS: css`var(--conecta-radius-s, 4px)`,
  radiusM: css`var(--conecta-radius-m, 8px)`,
  radiusL: css`var(--conecta-radius-l, 16px)`,
  radiusFull: css`var(--conecta-radius-full, 999px)`,
  // — spacing scale —
  space2xs: css`var(--conecta-space-2xs, 0.125rem)`,
  spaceXs: css`var(--conecta-space-xs, 0.25rem)`,
  spaceS: css`var(--conecta-space-s, 0.5rem)`,
  spaceM: css`var(--conecta-space-m, 0.75rem)`,
  spaceL: css`var(--conecta-space-l, 1rem)`,
  spaceXl: css`var(--conecta-space-xl, 1.5rem)`,
  // — type scale —
  fontFamily: css`var(--conecta-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)`,
  fontSizeXs: css`var(--conecta-font-size-xs, 0.75rem)`,
  fontSizeS: css`var(--conecta-font-size-s, 0.8125rem)`,
  fontSize: css`var(--conecta-font-size, 0.9375rem)`,
  fontSizeL: css`var(--conecta-font-size-l, 1.0625rem)`,
  fontSizeXl: css`var(--conecta-font-size-xl, 1.25rem)`,
  fontWeightStrong: css`var(--conecta-font-weight-strong, 600)`,
  lineHeight: css`var(--conecta-line-height, 1.4)`,
  lineHeightTight: css`var(--conecta-line-height-tight, 1.2)`,
  // — elevation: a raised row or card, a menu, a dialog —
  shadowS: css`var(--conecta-shadow-s, 0 1px 2px rgb(0 0 0 / 0.12))`,
  shadowM: css`var(--conecta-shadow-m, 0 4px 12px rgb(0 0 0 / 0.16))`,
  shadow: css`var(--conecta-shadow, 0 8px 24px rgb(0 0 0 / 0.18))`,
  // — focus ring —
  focusWidth: css`var(--conecta-focus-width, 2px)`,
  focusOffset: css`var(--conecta-focus-offset, 2px)`,
} as const;

/** The colour tokens: the ones a theme changes. */
export type ColorToken =
  | 'brand'
  | 'onBrand'
  | 'surface'
  | 'surfaceAlt'
  | 'text'
  | 'muted'
  | 'border'
  | 'controlBorder'
  | 'focus'
  | 'danger'
  | 'onDanger'
  | 'success'
  | 'onSuccess'
  | 'warning'
  | 'onWarning'
  | 'info'
  | 'onInfo';

/** The dark theme's fallbacks (the page's `--conecta-color-*` still win), close to the webchat's dark panel. */
export const darkColors: Readonly<Record<ColorToken, string>> = {
  brand: '#8ab4f8',
  onBrand: '#0b1a2e',
  surface: '#1e222a',
  surfaceAlt: '#15181e',
  text: '#e8eaed',
  muted: '#a3acb9',
  border: '#3c4350',
  controlBorder: '#7d8796',
  focus: '#8ab4f8',
  danger: '#f28b82',
  onDanger: '#15181e',
  success: '#81c995',
  onSuccess: '#15181e',
  warning: '#fdd663',
  onWarning: '#15181e',
  info: '#78d9ec',
  onInfo: '#15181e',
};
