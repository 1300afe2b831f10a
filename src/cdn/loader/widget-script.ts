/** The element the full widget defines. */
export const WIDGET_TAG = 'conecta-webchat';

/** The full widget's file, next to the loader's own (keeping its `?version` query for caches). */
export function widgetUrl(loaderSrc: string): string {
  const url = new URL('conecta-webchat-widget.js', loaderSrc);
  url.search = new URL(loaderSrc).search;
  return url.href;
}

/**
 * Adds `<script src=…/conecta-webchat-widget.js>` (a plain script: allowed by `script-src 'self'` or
 * a host allow-list, and given the loader's nonce for nonce-based policies) and resolves once
 * `<conecta-webchat>` is defined. A second loader on the page finds the first one's script and
 * waits for the same definition instead of loading the widget twice.
 */
export function loadWidgetScript(loader: HTMLScriptElement): Promise<unknown> {
  const src = widgetUrl(loader.src);
  if (!customElements.get(WIDGET_TAG) && !document.querySelector(`script[src="${src}"]`)) {
    const script = document.createElement('script');
    script.src = src;
    script.type = 'module'; // the widget is an ES module: what a visitor does not need stays in chunks beside it
    script.async = true;
    script.nonce = loader.nonce;
    return new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => {
        script.remove(); // so that the next interaction tries again
        reject(new Error(`Conecta: could not load ${src}`));
      };
      document.head.append(script);
    }).then(() => customElements.whenDefined(WIDGET_TAG));
  }
  return customElements.whenDefined(WIDGET_TAG);
}
