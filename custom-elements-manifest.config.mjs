// The elements manifest (custom-elements.json): the one description of every public element that
// the JSX types, the React wrappers, the per-element docs and Storybook's tables are made from.
import { publicApiOnly, registeredThroughDefine, resolvedTypeParameters, typedEvents } from './build/manifest-plugins.mjs';

export default {
  globs: ['src/elements/**/*.ts', 'src/context/conecta-provider.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json declares `customElements` itself: the analyzer must not rewrite it on every build.
  packagejson: false,
  plugins: [registeredThroughDefine(), publicApiOnly(), typedEvents(), resolvedTypeParameters()],
};
