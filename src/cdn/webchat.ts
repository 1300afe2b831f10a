/**
 * `conecta-webchat-widget.js`, the full widget (with the loader and one language, ≤ 30 KB gzip: bench/size.mjs): defines `<conecta-webchat>`. Loaded by
 * the loader (`conecta-webchat.js`), or put on a page directly with the element in its markup.
 */
import '../webchat.js';
