import { css } from 'lit';

/**
 * Global design tokens, each read with its fallback so an element looks right with no theme.
 * They are inherited custom properties: a page sets them on `:root` or any ancestor.
 * Never set on `:host` here, or a page could not override them from outside.
 */
export const tokens = {
  brand: css`var(--conecta-color-brand, #0b5cad)`,
  onBrand: css`var(--conecta-color-on-brand, #ffffff)`,
  surface: css`var(--conecta-color-surface, #ffffff)`,
  surfaceAlt: css`var(--conecta-color-surface-alt, #f3f5f8)`,
  text: css`var(--conecta-color-text, #1b2430)`,
  muted: css`var(--conecta-color-muted, #5b6675)`,
  border: css`var(--conecta-color-border, #d5dbe3)`,
  danger: css`var(--conecta-color-danger, #b3261e)`,
  success: css`var(--conecta-color-success, #1e7a3c)`,
  focus: css`var(--conecta-color-focus, #0b5cad)`,
  radiusS: css`var(--conecta-radius-s, 4px)`,
  radiusM: css`var(--conecta-radius-m, 8px)`,
  radiusL: css`var(--conecta-radius-l, 16px)`,
  spaceXs: css`var(--conecta-space-xs, 0.25rem)`,
  spaceS: css`var(--conecta-space-s, 0.5rem)`,
  spaceM: css`var(--conecta-space-m, 0.75rem)`,
  spaceL: css`var(--conecta-space-l, 1rem)`,
  fontFamily: css`var(--conecta-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)`,
  fontSize: css`var(--conecta-font-size, 0.9375rem)`,
  fontSizeS: css`var(--conecta-font-size-s, 0.8125rem)`,
  fontSizeL: css`var(--conecta-font-size-l, 1.0625rem)`,
  shadow: css`var(--conecta-shadow, 0 8px 24px rgb(0 0 0 / 0.18))`,
} as const;
