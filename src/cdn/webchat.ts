/**
 * `conecta-webchat-widget.js`, the full widget (≤ 30.5 KB gzip): defines `<conecta-webchat>`. Loaded by
 * the loader (`conecta-webchat.js`), or put on a page directly with the element in its markup.
 */
import '../webchat.js';
