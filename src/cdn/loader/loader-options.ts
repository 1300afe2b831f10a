/** What a page says about one widget, read from the loader's `<script data-*>` attributes. */
export interface LoaderOptions {
  /** The Conecta server's base URL. */
  server: string;
  /** The webchat channel's key. */
  channel: string;
  /** `pt-BR`, `en` or `es`; unset: the widget follows the page (`<html lang>`), then the browser. */
  lang?: string;
  /** Which corner; unset: the channel's configuration decides (the placeholder waits on the right). */
  position?: 'left' | 'right';
  /** A CSS colour for `--conecta-color-brand`, applied to the placeholder and the widget. */
  color?: string;
  /** `light` or `dark`; unset: the widget follows the visitor's system. */
  theme?: 'light' | 'dark';
  /** Load at once and start with the panel open. */
  open?: boolean;
}

/**
 * Reads `data-server`, `data-channel`, `data-lang`, `data-position`, `data-color`, `data-theme` and
 * `data-open`.
 * Without `data-server`, the server is the origin the loader itself came from.
 */
export function readLoaderOptions(script: HTMLScriptElement): LoaderOptions {
  const data = script.dataset;
  const { position, theme } = data;
  return {
    server: data.server || new URL(script.src, location.href).origin,
    channel: data.channel || '',
    lang: data.lang,
    position: position === 'left' || position === 'right' ? position : undefined,
    color: data.color,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    open: data.open !== undefined && data.open !== 'false',
  };
}
