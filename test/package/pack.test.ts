// What `npm pack` puts in the package, checked on the built tree (run after `npm run build`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  dependencies: Record<string, string>;
  repository?: { url?: string };
  customElements: string;
};

describe('the npm package', () => {
  let files: Set<string>;
  before(() => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as [{ files: { path: string }[] }];
    files = new Set(packed.files.map((file) => file.path));
  });

  it('ships the ESM entry points, their types, the CDN bundles, the manifest, LICENSE and CHANGELOG', () => {
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/esm/index.js',
      'dist/types/index.d.ts',
      'dist/esm/react/index.js',
      'dist/types/react/index.d.ts',
      'dist/types/jsx/index.d.ts',
      'dist/types/jsx/react.d.ts',
      'dist/cdn/conecta-webchat.js',
      'dist/cdn/conecta-webchat-widget.js',
      'dist/cdn/conecta-agent.js',
    ]) {
      assert.ok(files.has(path), `${path} is not in the package`);
    }
    assert.equal(pkg.customElements, 'custom-elements.json');
  });

  it('has a file for every export, whatever the condition (patterns included)', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      for (const path of typeof target === 'string' ? [target] : Object.values(target)) {
        const relative = path.replace(/^\.\//, '');
        if (!relative.includes('*')) {
          assert.ok(files.has(relative), `${subpath} → ${path} is not in the package`);
          continue;
        }
        const [prefix, suffix] = relative.split('*') as [string, string];
        assert.ok(
          [...files].some((file) => file.startsWith(prefix) && file.endsWith(suffix)),
          `${subpath} → ${path} matches nothing in the package`,
        );
      }
    }
  });

  it('ships no tests, stories, demo, server, sources, Storybook, declaration maps or compressed copies', () => {
    const unwanted = [...files].filter(
      (path) =>
        /^(test|stories|demo|server|src|bench|build|docs|data)\//.test(path) ||
        path.startsWith('dist/storybook/') ||
        /\.test\.|\.stories\./.test(path) ||
        path.endsWith('.d.ts.map') ||
        // The server's compressed copies of the CDN files (build/precompress.mjs).
        /\.(?:br|gz)$/.test(path),
    );
    assert.deepEqual(unwanted, []);
  });

  it('links each script to a shipped source map that carries its sources inside (none point outside)', () => {
    const scripts = [...files].filter((path) => path.endsWith('.js'));
    assert.ok(scripts.length > 20);
    for (const script of scripts) {
      const link = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(root, script), 'utf8'))?.[1];
      if (!link) continue;
      const map = join(script, '..', link);
      assert.ok(files.has(map), `${script} links to ${map}, which is not in the package`);
      const { sources, sourcesContent } = JSON.parse(readFileSync(join(root, map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      sources.forEach((source, index) => {
        assert.equal(typeof sourcesContent?.[index], 'string', `${map}: the source ${source} is neither shipped nor inside the map`);
      });
    }
  });

  it('declares React as an optional peer (for the wrappers), lit as a dependency with one wide major range, and where it lives', () => {
    assert.deepEqual(Object.keys(pkg.peerDependencies).sort(), ['@types/react', 'react']);
    assert.ok(Object.values(pkg.peerDependenciesMeta).every((meta) => meta.optional));
    assert.match(pkg.dependencies.lit!, /^\^3\.\d+\.\d+$/);
    assert.match(pkg.repository?.url ?? '', /^git\+https:\/\//);
  });
});
