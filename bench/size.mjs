// Prints the raw and gzip size of each self-contained bundle (run `npm run build` first), and the
// ratio of each to the webchat bundle, so a change's effect on what customers download is visible.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bundles = ['dist/cdn/conecta-webchat.js', 'dist/cdn/conecta-agent.js'];
const missing = bundles.filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = bundles.map((file) => {
  const source = readFileSync(file);
  return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
});
const baseline = sizes[0].gzip;
console.log('bundle                           raw        gzip      gzip vs webchat');
for (const { file, raw, gzip } of sizes) {
  console.log(`${file.padEnd(32)} ${kb(raw).padStart(9)}  ${kb(gzip).padStart(9)}  ${(gzip / baseline).toFixed(2)}×`);
}
