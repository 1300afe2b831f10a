import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
import { leanLit } from '../../build/lean-lit.mjs';

/** A module's production build as installed (packages' `exports` do not list their files). */
const installed = (module: string) => readFileSync(new URL(`../../node_modules/${module}`, import.meta.url), 'utf8');
const LIT_MODULES = [
  'lit-html/lit-html.js',
  'lit-element/lit-element.js',
  '@lit/reactive-element/reactive-element.js',
  '@lit/reactive-element/css-tag.js',
];

/** Bundles one Lit module (or other text standing in for it) through the plugin; returns the output's code. */
async function bundle(module: string, source = installed(module)): Promise<string> {
  const id = `/x/node_modules/${module}`;
  const build = await rollup({
    input: id,
    external: () => false,
    onwarn: () => {},
    plugins: [
      {
        name: 'memory',
        resolveId: (spec, importer) => (spec === id ? id : importer ? { id: spec, external: true } : null),
        load: (each) => (each === id ? source : null),
      },
      leanLit(),
    ],
  });
  const { output } = await build.generate({ format: 'es' });
  return output[0].code;
}

describe('leanLit', () => {
  it('cuts the polyfill and hydration hooks, version lists, decorators support, svg/mathml templates, directives, element bindings, compiled templates, the property options the webchat never sets, listener objects, Number/Object/Array converters and misuse texts from the installed Lit', async () => {
    const lean = (await Promise.all(LIT_MODULES.map((module) => bundle(module)))).join('\n');
    for (const gone of [
      'PolyfillSupport',
      'HydrateSupport',
      'Versions',
      'litPropertyMetadata',
      'addInitializer',
      'invalid template',
      "Value passed to 'css'",
      '"<svg>"',
      '"</math>"',
      'replaceWith',
      'JSON.parse',
      'JSON.stringify',
      '_$litDirective$',
      'type:6',
      '.h[0]',
      'useDefault',
      'wrapped',
      'getOwnPropertySymbols',
      '.state&&',
      '_$Cv',
      'get tagName',
      'startNode',
      'renderOptions.isConnected',
      '.handleEvent(',
      '.passive!==',
    ]) {
      assert.equal(lean.includes(gone), false, `${gone} is still there`);
    }
    assert.match(lean, /class \w+ extends HTMLElement/, 'the rest of Lit stays');
  });

  it('fails the build on a Lit it does not know, rather than patching it wrongly', async () => {
    const source = installed('lit-html/lit-html.js').replace('litHtmlVersions', 'litHtmlReleases');
    await assert.rejects(bundle('lit-html/lit-html.js', source), /lean-lit: .* matches 0 times in lit-html\/lit-html\.js/);
  });

  it('fails the build when a directive comes in: their support is cut', async () => {
    await assert.rejects(bundle('lit-html/directives/live.js'), /lean-lit: .*live\.js is a Lit directive/);
  });
});
