// The built Storybook is part of the demo (`npm start`) at /storybook/, and never of a production
// start (`conecta-server start`), which serves no demo page.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { productionOptions } from '../../server/src/cli/start.js';
import { loadSettings } from '../../server/src/config.js';
import { demoStaticRoots } from '../../server/src/demo-static-roots.js';
import { startTestServer, type TestServer } from './harness.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_PAGE = '<!doctype html><title>Storybook</title><p>built storybook</p>';

/** A checkout with the demo's pages, and a built Storybook or none. */
async function checkout(withStorybook: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conecta-storybook-'));
  await cp(join(repoRoot, 'demo'), join(root, 'demo'), { recursive: true });
  await mkdir(join(root, 'server/public'), { recursive: true });
  await mkdir(join(root, 'dist'), { recursive: true });
  if (withStorybook) {
    await mkdir(join(root, 'dist/storybook'), { recursive: true });
    await writeFile(join(root, 'dist/storybook/index.html'), BUILT_PAGE);
    await writeFile(join(root, 'dist/storybook/iframe.html'), BUILT_PAGE);
  }
  return root;
}

describe('Storybook in the demo', () => {
  const roots: string[] = [];
  after(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  async function demoServer(withStorybook: boolean): Promise<TestServer> {
    const root = await checkout(withStorybook);
    roots.push(root);
    return startTestServer({ staticRoots: demoStaticRoots(root) });
  }

  it('serves the built Storybook at /storybook/, and the demo index links to it', async () => {
    const demo = await demoServer(true);
    try {
      const index = await fetch(`${demo.url}/storybook/`);
      assert.equal(index.status, 200);
      assert.match(await index.text(), /built storybook/);
      assert.equal((await fetch(`${demo.url}/storybook/iframe.html`)).status, 200);
      assert.match(await (await fetch(`${demo.url}/`)).text(), /href="\/storybook\/"/);
    } finally {
      await demo.close();
    }
  });

  it('says how to build it while it is not built', async () => {
    const demo = await demoServer(false);
    try {
      const page = await fetch(`${demo.url}/storybook/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /npm run build-storybook/);
    } finally {
      await demo.close();
    }
  });
});

describe('Storybook in production', () => {
  const options = () => {
    const loaded = loadSettings({ PUBLIC_URL: 'https://chat.example.com', DATA_DIR: '/tmp/unused' });
    assert.ok(loaded.ok, 'settings load');
    return productionOptions(loaded.settings);
  };

  it('is under none of the directories a production start serves', () => {
    const storybook = resolve(repoRoot, 'dist/storybook');
    const roots = options().staticRoots ?? [];
    assert.ok(roots.length > 0);
    for (const { prefix, root } of roots) {
      const inside = !relative(root, storybook).startsWith('..');
      assert.equal(inside, false, `${prefix} serves ${root}, which holds dist/storybook`);
      assert.doesNotMatch(prefix, /storybook/);
    }
  });

  describe('answers 404 at /storybook/ even when Storybook is built', () => {
    let root: string;
    let production: TestServer;
    before(async () => {
      root = await checkout(true);
      // The production roots, moved onto a checkout that has a built Storybook.
      const staticRoots = (options().staticRoots ?? []).map(({ prefix, root: dir }) => ({
        prefix,
        root: join(root, relative(repoRoot, dir)),
      }));
      production = await startTestServer({ staticRoots, more: { strictPages: true } });
    });
    after(async () => {
      await production.close();
      await rm(root, { recursive: true, force: true });
    });

    for (const path of ['/storybook/', '/storybook/iframe.html', '/dist/storybook/index.html']) {
      it(path, async () => {
        assert.equal((await fetch(`${production.url}${path}`)).status, 404);
      });
    }
  });
});
