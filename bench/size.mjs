// What customers' visitors download. Prints the raw and gzip size of each self-contained bundle (run
// `npm run build` first) and its ratio to its budget; exits 1 when the webchat is over budget.
//
// Budgets (gzip, KB = 1024 bytes):
//   loader       dist/cdn/conecta-webchat.js         3 KB  (the one-line embed: placeholder + API)
//   full widget  dist/cdn/conecta-webchat-widget.js 30 KB  (<conecta-webchat>, Lit, socket.io-client)
//   agent        dist/cdn/conecta-agent.js          none  (shown for reference)
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const bundles = [
  { name: 'loader', file: 'dist/cdn/conecta-webchat.js', budget: 3 * KB },
  { name: 'full widget', file: 'dist/cdn/conecta-webchat-widget.js', budget: 30 * KB },
  { name: 'agent', file: 'dist/cdn/conecta-agent.js', budget: null },
];

const missing = bundles.filter(({ file }) => !existsSync(file));
if (missing.length) {
  console.error(`Missing ${missing.map(({ file }) => file).join(', ')}: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const rows = bundles.map((bundle) => {
  const source = readFileSync(bundle.file);
  // Level 9: what a CDN or a well-configured server sends.
  return { ...bundle, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
});

console.log(`${'bundle'.padEnd(13)}${'file'.padEnd(37)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'budget'.padStart(10)}  of budget`);
for (const { name, file, raw, gzip, budget } of rows) {
  const ofBudget = budget ? `${((gzip / budget) * 100).toFixed(0)} %${gzip > budget ? '  OVER' : ''}` : '—';
  console.log(
    `${name.padEnd(13)}${file.padEnd(37)}${kb(raw).padStart(11)}${kb(gzip).padStart(11)}${(budget ? kb(budget) : '—').padStart(10)}  ${ofBudget}`,
  );
}

const over = rows.filter(({ gzip, budget }) => budget && gzip > budget);
if (over.length) {
  for (const { name, gzip, budget } of over) console.error(`${name} is ${kb(gzip - budget)} over its ${kb(budget)} gzip budget.`);
  process.exit(1);
}
