import { readOptions } from './loader-options.js';
import { startLoader } from './start-loader.js';
import { WIDGET_TAG } from './widget-script.js';

/**
 * The loader without `data-channel`: the page writes its own `<conecta-webchat>`. Each one written
 * with `load="interaction"` gets a placeholder launcher and waits for the visitor's interest (as
 * `data-load="interaction"` does); without any, the widget is loaded at once, as it always was.
 */
export async function startWrittenWidgets(loadWidget: () => Promise<unknown>): Promise<void> {
  // An async loader may run while the page is still being parsed: its elements may come after it.
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const written = document.querySelectorAll<HTMLElement>(`${WIDGET_TAG}[load=interaction]`);
  if (!written.length) return void loadWidget().catch(console.error);
  for (const element of written) {
    startLoader(
      readOptions((name) => element.getAttribute(name) ?? undefined, location.origin),
      { loadWidget },
      element,
    );
  }
}
