import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const dependencies = Object.keys(pkg.dependencies);
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

// Lit decorators need the legacy semantics (see tsconfig.json); esbuild reads them from there.
const transpile = (minify) => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify, legalComments: 'none' });

/** ESM for npm users: one file per entry point, dependencies left to their bundler. */
const esm = {
  input: {
    index: 'src/index.ts',
    client: 'src/client/index.ts',
    queue: 'src/queue.ts',
    session: 'src/session.ts',
    'contact-form': 'src/contact-form.ts',
    webchat: 'src/webchat.ts',
  },
  external: isDependency,
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser'] }), transpile(false)],
  output: { dir: 'dist/esm', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
};

/** Self-contained bundles for a plain `<script>` tag on any page. */
const cdn = (input, file, name) => ({
  input,
  plugins: [engineIoBrowserTransports, nodeResolve({ browser: true, exportConditions: ['browser'] }), transpile(true)],
  // One file for a plain <script>: dynamic imports (the virtualizer's layouts) are inlined.
  output: { file, format: 'iife', name, sourcemap: true, inlineDynamicImports: true },
});

export default [
  esm,
  cdn('src/cdn/webchat.ts', 'dist/cdn/conecta-webchat.js', 'ConectaWebchat'),
  cdn('src/cdn/agent.ts', 'dist/cdn/conecta-agent.js', 'Conecta'),
];
