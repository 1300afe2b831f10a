// Queue benchmark (not part of `npm test`): `node bench/queue/run.mjs` (or `npm run bench:queue`).
// Bundles bench/queue/page.ts with esbuild, serves it on 127.0.0.1, opens it in headless Chromium and
// measures <conecta-queue> with 10,000 sessions: the first render, then frame times while 1,000
// session updates a second arrive for 10 s. The same is measured for a baseline in the same browser:
// a plain lit list of every waiting session (no element, no virtualization), and the element with 100.
// The first render is the time until the rows are in the DOM and laid out (a layout forced when a
// MutationObserver sees them: not polled once a frame, which would round to whole frames); "rows in
// DOM" is the same without the layout. For 10,000 sessions each is the median of several
// (--first-renders), alternating with the plain list's, so that the ratio is the code's and not the moment's.
// Options: --sessions=10000 --rate=1000 --seconds=10 --first-renders=7
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../../test/support/chrome.mjs';

const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const sessions = option('sessions', 10_000);
const rate = option('rate', 1000);
const seconds = option('seconds', 10);
const firstRenderRuns = option('first-renders', 7);
const root = fileURLToPath(new URL('../../', import.meta.url));

const bundle = await esbuild.build({
  entryPoints: [fileURLToPath(new URL('./page.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'esm',
  target: 'es2022',
  minify: !process.env.BENCH_PROFILE,
  tsconfig: `${root}tsconfig.json`,
  conditions: ['browser', 'production'],
  logLevel: 'error',
});
const script = bundle.outputFiles[0].text;
const page = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>queue bench</title></head>
<body><script type="module" src="/page.js"></script></body></html>`;

const server = createServer((req, res) => {
  if (req.url === '/page.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: findChrome(),
  headless: true,
  args: chromeArgs.filter((arg) => !arg.startsWith('--headless')),
});
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on('pageerror', (error) => {
    if (!String(error.message).includes('ResizeObserver loop')) console.error('page error:', error.message);
  });
  await tab.goto(url);
  await tab.waitForFunction(() => 'queueBench' in window);
  const run = (fn, count) =>
    tab.evaluate(([fn, count, rate, ms]) => window.queueBench[fn](count, rate, ms), [fn, count, rate, seconds * 1000]);

  if (process.env.BENCH_PROFILE) {
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
    // BENCH_PROFILE=first: the first renders alone (several), else the element under load.
    if (process.env.BENCH_PROFILE === 'first') {
      for (let i = 0; i < firstRenderRuns; i++) await tab.evaluate((count) => window.queueBench.firstRender('element', count), sessions);
    } else await run('runElement', sessions);
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = profile.timeDeltas;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
    });
    console.log(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(6)} ms ${k}`)
        .join('\n'),
    );
    process.exit(0);
  }
  // First renders, alternately, several times each: one render is a few frames, and a busy machine
  // (or the first run's cold code) shifts a single measure by more than the difference looked for.
  const firstRenders = { element: [], plain: [] };
  for (let i = 0; i < firstRenderRuns; i++) {
    for (const kind of ['element', 'plain']) {
      firstRenders[kind].push(await tab.evaluate(([kind, count]) => window.queueBench.firstRender(kind, count), [kind, sessions]));
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const results = [
    [`<conecta-queue>, ${sessions} sessions`, await run('runElement', sessions)],
    [`baseline: plain lit list, ${sessions} sessions`, await run('runPlainList', sessions)],
    [`baseline: <conecta-queue>, 100 sessions`, await run('runElement', 100)],
  ];
  for (const [index, kind] of [
    [0, 'element'],
    [1, 'plain'],
  ]) {
    results[index][1].firstRenderMs = median(firstRenders[kind].map((each) => each.firstRenderMs));
    results[index][1].inDomMs = median(firstRenders[kind].map((each) => each.inDomMs));
  }
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
  console.log(`queue benchmark: ${rate} updates/s for ${seconds} s, headless Chromium; first renders: median of ${firstRenderRuns}\n`);
  console.log(
    `${'run'.padEnd(44)} ${'first render'.padStart(12)} ${'rows in DOM'.padStart(12)} ${'frames'.padStart(7)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)} ${'updates'.padStart(8)}`,
  );
  for (const [name, r] of results) {
    console.log(
      `${name.padEnd(44)} ${ms(r.firstRenderMs).padStart(12)} ${ms(r.inDomMs).padStart(12)} ${String(r.frames).padStart(7)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)} ${String(r.updates).padStart(8)}`,
    );
  }
  const [element, plain, small] = results.map(([, r]) => r);
  const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  console.log(
    `\nelement (${sessions}) vs plain list: first render ${ratio(element.firstRenderMs, plain.firstRenderMs)} (goal ≤ 1.5×; rows in DOM ${ratio(element.inDomMs, plain.inDomMs)}), p95 frame ${ratio(element.p95, plain.p95)}`,
  );
  console.log(
    `element (${sessions}) vs element (100): first render ${ratio(element.firstRenderMs, small.firstRenderMs)}, p95 frame ${ratio(element.p95, small.p95)}`,
  );
} finally {
  await browser.close();
  server.close();
}
