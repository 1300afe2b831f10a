/**
 * `conecta-webchat.js`, the one-line embed (no Lit, no client):
 * `<script src="…/conecta-webchat.js" data-server="…" data-channel="KEY" async></script>`.
 * Shows a placeholder launcher and loads `conecta-webchat-widget.js` from beside itself when needed.
 * The work is in ./loader/ so that tests drive it without a build.
 */
import { readLoaderOptions } from './loader/loader-options.js';
import { startLoader } from './loader/start-loader.js';
import { loadWidgetScript } from './loader/widget-script.js';
import { startWrittenWidgets } from './loader/written-widgets.js';

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  const options = readLoaderOptions(script);
  const loadWidget = () => loadWidgetScript(script);
  // Without data-channel the page writes its own <conecta-webchat> (as before there was a loader):
  // define the element, at once or, for those written with load="interaction", on interest.
  if (options.channel) startLoader(options, { loadWidget });
  else void startWrittenWidgets(loadWidget);
}
