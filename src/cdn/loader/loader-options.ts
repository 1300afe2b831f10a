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
  /**
   * `interaction`: load the widget only on the visitor's first sign of interest (or `open()`), not
   * when the browser is idle — Lighthouse's third-party facade.
   */
  load?: 'interaction';
}

/**
 * The options from a reader of named values: the loader tag's `data-*` (`readLoaderOptions`), or the
 * attributes of a `<conecta-webchat load="interaction">` the page wrote itself.
 */
export function readOptions(value: (name: string) => string | undefined, defaultServer: string): LoaderOptions {
  const position = value('position');
  const theme = value('theme');
  const open = value('open');
  return {
    server: value('server') || defaultServer,
    channel: value('channel') || '',
    lang: value('lang'),
    position: position === 'left' || position === 'right' ? position : undefined,
    color: value('color'),
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    open: open !== undefined && open !== 'false',
    load: value('load') === 'interaction' ? 'interaction' : undefined,
  };
}

/**
 * Reads `data-server`, `data-channel`, `data-lang`, `data-position`, `data-color`, `data-theme`,
 * `data-open` and `data-load`.
 * Without `data-server`, the server is the origin the loader itself came from.
 */
export function readLoaderOptions(script: HTMLScriptElement): LoaderOptions {
  return readOptions((name) => script.dataset[name], new URL(script.src, location.href).origin);
}
