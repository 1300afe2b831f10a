/**
 * The elements manifest, made by @custom-elements-manifest/analyzer with this repository's config
 * (custom-elements-manifest.config.mjs). Returned rather than written, for the tests and the
 * generators; `npm run manifest` writes it (custom-elements.json) and what is made from it.
 */
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Promise<import('custom-elements-manifest/schema').Package>} */
export function analyzeElements({ write = false } = {}) {
  return cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: !write });
}

/** Every element one can place (a class with a tag name): its module and declaration. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((declaration) => declaration.kind === 'class' && declaration.tagName)
      .map((declaration) => ({ module, declaration })),
  );
}

/** The first paragraph of a description, on one line (a summary's gist). */
export function firstParagraph(text = '') {
  return text
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, ' ');
}
