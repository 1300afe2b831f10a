// Runs a page made of one bundled module in Chromium, as an adopter's bundler would make it: React ships
// CommonJS only, which web-test-runner's dev server does not serve, so esbuild bundles the page here.
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { chromeArgs, findChrome } from '../support/chrome.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `entry` (a path from the repository's root) bundled for the browser: TypeScript, TSX, Lit's decorators, packages. */
export async function bundle(entry: string, alias: Record<string, string> = {}): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: 'tsconfig.json',
    jsx: 'automatic',
    alias,
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A browser with a blank page that has run `code` (a module) to its end; errors on the page fail the test. */
export async function pageWith(code: string): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs.filter((arg) => !arg.startsWith('--headless')) });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setContent('<!doctype html><html lang="pt-BR"><body><div id="app"></div></body></html>');
  // An inline module runs later, as a task of its own: addScriptTag returns before it has, and on a busy
  // machine (CI) the test's first evaluate came first. The module marks its end, and the page waits for it.
  await page.addScriptTag({ content: `${code}\nwindow.pageModuleRan = true;`, type: 'module' });
  await page
    .waitForFunction(() => (window as { pageModuleRan?: boolean }).pageModuleRan === true, undefined, { timeout: 10_000 })
    .catch((error: Error) => {
      throw new Error(`the page's module did not run to its end: ${errors.join('; ') || error.message}`);
    });
  return { browser, page, errors };
}
