// What customers' visitors download. Prints the raw and gzip size of each part of the webchat (run
// `npm run build` first) and its ratio to its budget; exits 1 when the loader or the full widget is
// over budget.
//
// Budgets (gzip level 9, KB = 1024 bytes):
//   loader       dist/cdn/conecta-webchat.js                   3 KB  (the one-line embed: placeholder + API)
//   full widget  everything a visitor may download after it 30.5 KB  (<conecta-webchat>, Lit, the lite socket)
//   agent        dist/cdn/conecta-agent.js + what it loads at start 90 KB  (what an agent downloads before the desk is usable)
//
// The full widget is an ES module (dist/cdn/conecta-webchat-widget.js) with chunks beside it in
// dist/cdn/webchat/. Its count is the main file, plus every chunk reachable from it by `import` that a
// visitor may load, where:
//   - of the language chunks (each holds one translation table and nothing else) only the largest
//     counts: a visitor reads one language;
//   - the chunks holding socket.io-client are left out: only agents load them (visitors speak through
//     the lite socket), and so is whatever only they import.
// Chunks are told apart by the modules their source maps list, not by their (hashed) names; chunks
// of earlier builds left in the folder are not reachable, so they do not count.
//
// The agent bundle is an ES module (dist/cdn/conecta-agent.js) with chunks beside it in dist/cdn/agent/.
// Its count is the entry, plus every chunk it imports statically, plus the chunks it imports on demand
// that a desk loads as it starts: socket.io-client's (the client connects at once), the virtualizer's
// layouts (the queue renders at once) and, of the language chunks, the largest (an agent reads one
// language). Every other chunk it imports on demand (the contact form and its phone metadata, rarely
// used dialogs, the other languages) is listed apart, as loaded on demand, and not counted.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const LOADER = 'dist/cdn/conecta-webchat.js';
const WIDGET = 'dist/cdn/conecta-webchat-widget.js';
const AGENT = 'dist/cdn/conecta-agent.js';
// The widget's budget was 30 KB until issue 8: its fixes (rate-limit waits, the command-size check,
// channel texts per language, the message-length counter, the survey rule) and its splits of the
// client and the element cost 973 bytes, of which 359 were won back by shrinking elsewhere. 30.5 KB
// holds the line until issue 14 decides what the budget counts (the loader too) and where it stands.
const BUDGETS = { loader: 3 * KB, widget: 30.5 * KB, agent: 90 * KB };

const missing = [LOADER, WIDGET, AGENT, `${WIDGET}.map`].filter((file) => !existsSync(file));
if (missing.length) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`);
  process.exit(1);
}

/** Raw and gzip size of a file. Level 9: what a CDN or a well-configured server sends. */
function measure(file) {
  const source = readFileSync(file);
  return { file, raw: source.length, gzip: gzipSync(source, { level: 9 }).length };
}

/** The files a built ES module imports, statically (`import … from`, `export … from`) and dynamically (`import()`). */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const found = (pattern) => [...code.matchAll(pattern)].map((match) => resolve(dirname(file), match[1]));
  return {
    static: found(/(?:^|[\s;}])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g),
    dynamic: found(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
  };
}

/** The modules a chunk was built from, from its source map. */
function modulesOf(file) {
  const map = `${file}.map`;
  if (!existsSync(map)) throw new Error(`${map} is missing: the chunks cannot be told apart without their source maps.`);
  return JSON.parse(readFileSync(map, 'utf8')).sources.map((source) => resolve(dirname(file), source).replaceAll('\\', '/'));
}

const isSocketIoClient = (modules) => modules.some((module) => /\/node_modules\/(socket\.io-client|engine\.io-client)\//.test(module));
/**
 * A chunk of one language's translation tables and nothing else (src/i18n/webchat/en.ts with the
 * words it spreads in, src/i18n/transcript/en.ts and src/i18n/message-length/en.ts): its language, else null.
 */
const LANGUAGE_TABLE = /\/src\/i18n\/(?:webchat|transcript|message-length)\/(pt-BR|en|es)\.ts$/;
const languageOf = (modules) => {
  const languages = new Set(modules.map((module) => module.match(LANGUAGE_TABLE)?.[1] ?? null));
  return languages.size === 1 && !languages.has(null) ? [...languages][0] : null;
};

/** Every chunk reachable from the widget, sorted into what a visitor may load and what only agents do. */
function widgetParts() {
  const main = resolve(WIDGET);
  const languages = [];
  const others = [];
  const agentOnly = [];
  const seen = new Set([main]);
  const queue = [main];
  while (queue.length) {
    const file = queue.shift();
    const { static: staticImports, dynamic } = importsOf(file);
    for (const chunk of [...staticImports, ...dynamic]) {
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      if (!existsSync(chunk)) throw new Error(`${relative('.', file)} imports ${relative('.', chunk)}, which is missing.`);
      const modules = modulesOf(chunk);
      const part = { ...measure(relative('.', chunk)), modules };
      if (isSocketIoClient(modules)) {
        agentOnly.push(part); // nor what only it imports
        continue;
      }
      const language = languageOf(modules);
      if (language) languages.push({ ...part, language });
      else others.push(part);
      queue.push(chunk);
    }
  }
  return { main: measure(WIDGET), languages, others, agentOnly };
}

/** A chunk of the agent elements' translation tables of one language and nothing else: its language, else null. */
const AGENT_LANGUAGE_TABLE = /\/src\/i18n\/(?:[\w-]+\/)?(pt-BR|en|es)\.ts$/;
const agentLanguageOf = (modules) => {
  const languages = new Set(modules.map((module) => module.match(AGENT_LANGUAGE_TABLE)?.[1] ?? null));
  return languages.size === 1 && !languages.has(null) ? [...languages][0] : null;
};
/** Chunks loaded on demand that a desk loads as it starts all the same. */
const isLoadedAtStart = (modules) =>
  isSocketIoClient(modules) || modules.some((module) => /\/node_modules\/@lit-labs\/virtualizer\/layouts\//.test(module));

/** Every chunk reachable from the agent entry: what the desk loads at start (`eager`), the languages, and the rest (`onDemand`). */
function agentParts() {
  const entry = resolve(AGENT);
  const eager = [];
  const languages = [];
  const onDemand = [];
  const seen = new Set([entry]);
  // A chunk is eager when the entry or an eager chunk imports it statically, or it is one loaded at start.
  const queue = [{ file: entry, eager: true }];
  const visit = (chunk, from, isEager) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    if (!existsSync(chunk)) throw new Error(`${relative('.', from)} imports ${relative('.', chunk)}, which is missing.`);
    const modules = modulesOf(chunk);
    const part = { ...measure(relative('.', chunk)), modules };
    const language = agentLanguageOf(modules);
    if (language) languages.push({ ...part, language });
    else (isEager ? eager : onDemand).push(part);
    queue.push({ file: chunk, eager: isEager && !language });
  };
  while (queue.length) {
    const { file, eager: isEager } = queue.shift();
    const { static: staticImports, dynamic } = importsOf(file);
    for (const chunk of staticImports) visit(chunk, file, isEager);
    for (const chunk of dynamic) visit(chunk, file, isEager && isLoadedAtStart(modulesOf(chunk)));
  }
  // A chunk reached on demand first and statically from an eager chunk later is eager all the same.
  return { entry: measure(AGENT), eager, languages, onDemand };
}

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const ofBudget = (gzip, budget) => `${((gzip / budget) * 100).toFixed(0)} %${gzip > budget ? '  OVER' : ''}`;
const row = (name, file, raw, gzip, budget = null) =>
  console.log(
    `${name.padEnd(22)}${file.padEnd(58)}${(raw === null ? '' : kb(raw)).padStart(11)}${kb(gzip).padStart(11)}${(budget ? kb(budget) : '—').padStart(10)}  ${budget ? ofBudget(gzip, budget) : ''}`,
  );

const loader = measure(LOADER);
const { main, languages, others, agentOnly } = widgetParts();
if (languages.length === 0) console.warn('No language chunk found: each language table is expected in a chunk of its own.');
const largestLanguage = languages.reduce((largest, part) => (part.gzip > (largest?.gzip ?? -1) ? part : largest), null);
const counted = [main, ...(largestLanguage ? [largestLanguage] : []), ...others];
const widget = { raw: counted.reduce((sum, part) => sum + part.raw, 0), gzip: counted.reduce((sum, part) => sum + part.gzip, 0) };

console.log(`${'part'.padEnd(22)}${'file'.padEnd(58)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'budget'.padStart(10)}  of budget`);
row('loader', loader.file, loader.raw, loader.gzip, BUDGETS.loader);
row('widget: main', main.file, main.raw, main.gzip);
for (const part of languages) {
  row(`  language ${part.language}${part === largestLanguage ? ' *' : ''}`, part.file, part.raw, part.gzip);
}
for (const part of others) row('  other chunk', part.file, part.raw, part.gzip);
const countedParts = [
  'main',
  largestLanguage && `language ${largestLanguage.language}`,
  others.length && `${others.length} other chunk(s)`,
];
row('full widget', countedParts.filter(Boolean).join(' + '), widget.raw, widget.gzip, BUDGETS.widget);
for (const part of agentOnly) row('agents only', `${part.file} (socket.io-client)`, part.raw, part.gzip);
const agentBundle = agentParts();
const agentLanguage = agentBundle.languages.reduce((largest, part) => (part.gzip > (largest?.gzip ?? -1) ? part : largest), null);
if (!agentLanguage) console.warn('No agent language chunk found: each language table is expected in a chunk of its own.');
const agentCounted = [agentBundle.entry, ...agentBundle.eager, ...(agentLanguage ? [agentLanguage] : [])];
const agent = { raw: agentCounted.reduce((sum, part) => sum + part.raw, 0), gzip: agentCounted.reduce((sum, part) => sum + part.gzip, 0) };
row('agent: entry', agentBundle.entry.file, agentBundle.entry.raw, agentBundle.entry.gzip);
for (const part of agentBundle.eager) row('  at start', part.file, part.raw, part.gzip);
for (const part of agentBundle.languages) {
  row(`  language ${part.language}${part === agentLanguage ? ' *' : ''}`, part.file, part.raw, part.gzip);
}
row('agent', `entry + ${agentBundle.eager.length} chunk(s) at start + language`, agent.raw, agent.gzip, BUDGETS.agent);
for (const part of agentBundle.onDemand) row('  on demand', part.file, part.raw, part.gzip);

console.log(
  `\nFull widget: ${widget.gzip} bytes gzip, ${Math.abs(BUDGETS.widget - widget.gzip)} bytes ${widget.gzip > BUDGETS.widget ? 'over' : 'under'} its budget.`,
);
console.log(
  `Agent: ${agent.gzip} bytes gzip, ${Math.abs(BUDGETS.agent - agent.gzip)} bytes ${agent.gzip > BUDGETS.agent ? 'over' : 'under'} its budget.`,
);

let over = false;
for (const [name, gzip, budget] of [
  ['The loader', loader.gzip, BUDGETS.loader],
  ['The full widget', widget.gzip, BUDGETS.widget],
  ['The agent bundle (what the desk loads at start)', agent.gzip, BUDGETS.agent],
]) {
  if (gzip <= budget) continue;
  console.error(`${name} is ${kb(gzip - budget)} (${gzip - budget} bytes) over its ${kb(budget)} gzip budget.`);
  over = true;
}
if (over) process.exit(1);
