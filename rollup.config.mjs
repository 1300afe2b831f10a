import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild, { minify as esbuildMinify } from 'rollup-plugin-esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { leanLit } from './build/lean-lit.mjs';
import { minifyTemplates } from './build/minify-templates.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// What the package depends on (and React, a peer for the wrappers) stays out of the ESM build.
const dependencies = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)];
// `lit` and `lit/decorators.js` are both external: anything under a dependency's name is.
const isDependency = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * engine.io-client imports its Node transports (`*.node.js`, which pull in `ws` and `xmlhttprequest-ssl`)
 * and lists browser replacements in its `browser` field, which node-resolve does not apply to
 * relative imports inside a package with `exports`. Apply that mapping here.
 */
const engineIoBrowserTransports = {
  name: 'engine.io-browser-transports',
  resolveId(source, importer) {
    if (!importer?.includes('engine.io-client') || !source.endsWith('.node.js')) return null;
    return this.resolve(source.replace(/\.node\.js$/, '.js'), importer, { skipSelf: true });
  },
};

/**
 * The Conecta server does not offer WebTransport, so engine.io never picks that transport: leave its
 * code out of the agent bundle (an `undefined` implementation is what engine.io would find for a
 * transport it does not know). The webchat has no engine.io at all: it speaks through the lite socket.
 */
const withoutWebTransport = {
  name: 'without-webtransport',
  resolveId(source, importer) {
    return importer?.includes('engine.io-client') && source === './webtransport.js' ? '\0webtransport-omitted' : null;
  },
  load(id) {
    return id === '\0webtransport-omitted' ? 'export const WT = undefined;' : null;
  },
};

// Lit decorators need the legacy semantics (see tsconfig.json); esbuild reads them from there.
const transpile = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', legalComments: 'none' });
// Terser (three passes) makes the webchat about 2 % smaller after gzip than esbuild's minifier: worth
// a few seconds of build for files every visitor of every customer's site downloads. esbuild's
// minifier runs first all the same: it names `#private` members per class (`#t` in every class),
// where Terser gives each one in the bundle a name of its own — about 1 % less after gzip.
// The agent bundle gets the same: its entry has a budget too (90 KB, bench/size.mjs).
// Inlining only simple functions (`inline: 1`) and keeping statements apart (`sequences: false`)
// leaves text that repeats more: about 0.1 % less after gzip, with no unsafe transform.
/**
 * Members the webchat's code shares only with itself (between the element, its controllers and base
 * class, its client's outbox and identity, the transcript's options, the loader's placeholder and
 * hooks): Terser gives them short names in the visitors' bundles, 406 bytes less after gzip. Only names that are no public API (the
 * element's, the loader's, a client's: another copy of the SDK on the page may share one), no Lit
 * hook, no DOM or JavaScript member (every `.name` in the bundle is renamed), no field of the
 * protocol's JSON or of what browser storage keeps, and no key of a translation table (those are
 * read by name in chunks of their own).
 */
const visitorPrivateMembers = new RegExp(
  `^(?:${[
    'localize',
    'clientController',
    'findClient',
    'errorMessage',
    'renderConnection',
    'rerender',
    'goTo',
    'beginNew',
    'startOver',
    'onClient',
    'clientReady',
    'focusInside',
    'channelText',
    'formError',
    'numberError',
    'startedOffline',
    'dropHandlers',
    'confirming',
    'stopTyping',
    'renderTitle',
    'renderStatus',
    'renderConfirm',
    'renderRating',
    'renderPrechat',
    'renderMenu',
    'renderOffline',
    'view',
    'seen',
    'stage',
    'config',
    'uploads',
    'dragging',
    'collected',
    'typed',
    'addFiles',
    'prefill',
    'route',
    'isOpen',
    'asksRating',
    'renderThanks',
    'scrollToEnd',
    'announce',
    'pageHidden',
    'followed',
    'busy',
    'restore',
    'conversation',
    'inFlight',
    'attempts',
    'refresh',
    'prefetch',
    'forgetHeld',
    'replaceRefused',
    'setOnline',
    'failAll',
    'transmit',
    'persistThenDeliver',
    'attemptTimeoutMs',
    'receiveEntities',
    'forgetPending',
    'defaultSocketFactory',
    'showServerErrors',
    'choose',
    'setState',
    'renderFinished',
    'waitForServer',
    'loadSessions',
    'lane',
    'held',
    'replay',
    'isOwn',
    'onRetry',
    'onScroll',
    'adoptStyles',
    'enqueue',
    'explicit',
    'fallback',
    'resync',
    'listen',
    'absorb',
    'preferBrowser',
    'ask',
    'pagedFrom',
    'markBusy',
    'setLabel',
    'loadWidget',
  ].join('|')})$`,
);

/**
 * `plugin` (Terser) gets the chunks one at a time in a fixed order: the entries, then the other chunks
 * by name. Terser's plugin minifies the chunks of a shared name cache one after another, but in the
 * order their `renderChunk` reaches it, which the asynchronous plugins before it vary from build to
 * build: the names each chunk got, and so the sizes, varied too (the widget by up to 69 bytes gzip).
 */
function inChunkOrder(plugin) {
  // Promise.withResolvers() is Node 22's; the package supports Node 20.
  const settled = () => {
    let resolve;
    const promise = new Promise((done) => (resolve = done));
    return { promise, resolve };
  };
  /** Per chunk, in turn: a promise settled once its minification is over. */
  let turns = null;
  return {
    ...plugin,
    renderStart(...args) {
      turns = null;
      return plugin.renderStart?.apply(this, args);
    },
    async renderChunk(code, chunk, options, meta) {
      turns ??= new Map(
        Object.values(meta.chunks)
          .sort((a, b) => Number(b.isEntry) - Number(a.isEntry) || a.fileName.localeCompare(b.fileName))
          .map(({ fileName }) => [fileName, settled()]),
      );
      const order = [...turns.keys()];
      const before = order[order.indexOf(chunk.fileName) - 1];
      if (before) await turns.get(before).promise;
      try {
        return await plugin.renderChunk.call(this, code, chunk, options, meta);
      } finally {
        turns.get(chunk.fileName).resolve();
      }
    },
  };
}

const minifyForVisitors = ({ forAgents = false } = {}) => [
  esbuildMinify({ target: 'es2022', legalComments: 'none' }),
  // keep_fargs: false drops unused parameters (nothing here reads a function's `length`).
  // One name cache per bundle: a member's short name must be the same in every chunk (the rating
  // stage's chunk reads the element's), which the plugin keeps by minifying chunks one after another.
  inChunkOrder(
    terser({
      nameCache: {},
      ecma: 2020,
      compress: { passes: 3, keep_fargs: false, inline: 1, sequences: false },
      // Terser minifies chunk by chunk: the agent bundle's on-demand chunks share these members with its
      // entry, so only the visitors' bundles (whose chunks are translation tables alone) rename them.
      ...(forAgents ? {} : { mangle: { properties: { regex: visitorPrivateMembers } } }),
      format: { comments: false },
    }),
  ),
];

/** `conecta-elements/react/<element>`: each element's React wrapper (src/react/, made from the manifest). */
const reactWrappers = Object.fromEntries(
  readdirSync(new URL('./src/react/', import.meta.url))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`react/${file.replace(/\.ts$/, '')}`, `src/react/${file}`]),
);

/** ESM for npm users: one file per entry point, dependencies left to their bundler. */
const esm = {
  input: {
    index: 'src/index.ts',
    client: 'src/client/index.ts',
    provider: 'src/provider.ts',
    queue: 'src/queue.ts',
    session: 'src/session.ts',
    'contact-form': 'src/contact-form.ts',
    agents: 'src/agents.ts',
    contacts: 'src/contacts.ts',
    'contact-history': 'src/contact-history.ts',
    'start-conversation': 'src/start-conversation.ts',
    'internal-chat': 'src/internal-chat.ts',
    'agent-desk': 'src/agent-desk.ts',
    login: 'src/login.ts',
    'agent-bar': 'src/agent-bar.ts',
    webchat: 'src/webchat.ts',
    ...reactWrappers,
  },
  external: isDependency,
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser'] }), transpile()],
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
};

/**
 * What every bundle for the browser goes through. Besides Rollup's own analysis, package.json's
 * `sideEffects` (entry files and the modules that define elements) lets whole modules whose exports
 * go unused drop out even when their top level calls functions (schemas, tables).
 */
const browserPlugins = ({ forAgents = false } = {}) => [
  engineIoBrowserTransports,
  withoutWebTransport,
  // Resolving `.ts` here (not only in the esbuild plugin) is what makes `sideEffects` apply to src/.
  nodeResolve({ browser: true, exportConditions: ['browser'], extensions: ['.mjs', '.js', '.json', '.ts'] }),
  // Terser leaves the text of template literals alone: the CSS and markup of Lit's templates are minified before it.
  // Lit's dev-only and polyfill hooks are cut from the visitors' bundles (build/lean-lit.mjs).
  ...(forAgents ? [] : [leanLit()]),
  transpile(),
  minifyTemplates(),
  ...minifyForVisitors({ forAgents }),
];

/** Self-contained bundles for a plain `<script>` tag on any page. */
const cdn = (input, file) => ({
  input,
  plugins: browserPlugins(),
  // One file for a plain <script>: dynamic imports (the virtualizer's layouts) are inlined.
  output: { file, format: 'iife', name: 'Conecta', sourcemap: true, inlineDynamicImports: true },
});

/**
 * The full widget, as an ES module the loader adds with `<script type="module">`. Each language's
 * table is a chunk beside it, loaded on demand: a visitor reads one language.
 */
const widget = {
  input: { 'conecta-webchat-widget': 'src/cdn/webchat.ts' },
  plugins: browserPlugins(),
  // Lit's `css` has no side effects: a style or token the widget never uses (e.g. `tokens.success`) drops out.
  treeshake: { manualPureFunctions: ['css'] },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    // The rating stage's words (src/i18n/webchat-ending/) would be `pt-BR-…` too, as the webchat's own tables.
    chunkFileNames: ({ moduleIds }) =>
      `webchat/${moduleIds.every((id) => /\/i18n\/webchat-ending\/(?:pt-BR|en|es)\.ts$/.test(id)) ? 'ending-' : ''}[name]-[hash].js`,
    sourcemap: true,
  },
};

/**
 * The agent elements' translation tables come in one module for npm users (src/i18n/agent-tables.ts,
 * every language at hand); the CDN agent bundle takes the lazy one instead, each language a chunk.
 */
const lazyAgentTables = {
  name: 'lazy-agent-tables',
  async resolveId(source, importer, options) {
    if (!source.endsWith('/agent-tables.js') || !importer?.includes('/src/i18n/')) return null;
    return this.resolve(source.replace(/agent-tables\.js$/, 'agent-tables-lazy.js'), importer, { ...options, skipSelf: true });
  },
};

/**
 * The agent bundle, an ES module (`<script type="module">`): what the desk needs at once in the entry,
 * and beside it in dist/cdn/agent/ the chunks loaded on demand (each language's table, the phone
 * metadata, rarely used dialogs, the virtualizer's layouts).
 */
const agent = {
  input: { 'conecta-agent': 'src/cdn/agent.ts' },
  // The chunks import what they share with the entry from it, rather than from one more chunk.
  preserveEntrySignatures: 'allow-extension',
  plugins: [lazyAgentTables, ...browserPlugins({ forAgents: true })],
  treeshake: { manualPureFunctions: ['css'] },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    // socket.io-client's chunk would be `index-…` after its entry module: name it for what it holds.
    chunkFileNames: ({ name, moduleIds }) =>
      `agent/${moduleIds.some((id) => id.includes('/node_modules/socket.io-client/')) ? 'socket.io-client' : name}-[hash].js`,
    sourcemap: true,
  },
};

export default [
  esm,
  // The one-line embed: the loader (≤ 3 KB gzip, no Lit) and, beside it, the full widget it loads.
  cdn('src/cdn/webchat-loader.ts', 'dist/cdn/conecta-webchat.js'),
  widget,
  agent,
];
