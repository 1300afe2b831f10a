// What customers' visitors download to a ready chat, and what agents download before their desk is
// usable. Prints the raw and gzip size of each part (run `npm run build` first) and holds each sum to
// its budget; exits 1 over either.
//
// Issue 14: "`npm run size` counts the loader in what a visitor downloads to a ready chat and holds
// the whole at 30 KB gzip". A ready chat is the open panel, usable: its pre-chat form or composer.
// One budget (gzip level 9, KB = 1024 bytes) for all a visitor downloads before that:
//   loader       dist/cdn/conecta-webchat.js   (the one-line embed: placeholder + API)
//   + widget     dist/cdn/conecta-webchat-widget.js (<conecta-webchat>, Lit, the lite socket)
//   + its largest language chunk (a visitor reads one language)
//   + every other chunk it imports, but those listed in LATER.
// LATER are the chunks of what a visitor reaches only after the chat is ready (the rating stage and
// its words, once a conversation ends; the uploads' code, once a file is attached in the composer): fetched at
// idle once it is, so they still show at once. They are printed apart, and so is "everything a
// visitor may load" (all of the above with them), with no budget but in plain sight: nothing hides.
// The agent bundle has its own budget, 90 KB: what an agent downloads before the desk is usable.
//
// Chunks are told apart by the modules their source maps list, not by their (hashed) names; chunks
// of earlier builds left in the folder are not reachable, so they do not count. The chunks holding
// socket.io-client are left out: only agents load them (visitors speak through the lite socket), and
// so is whatever only they import.
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
// Until issue 14 the loader had a budget of its own (3 KB) and the widget another (30.5 KB), so what
// a visitor downloads (both) could reach 33.5 KB, and was 33,761 bytes. Issue 14's cuts brought what
// a visitor downloads to a ready chat to 30,371 bytes: the budget is the goal, 30 KB.
const BUDGET = 30 * KB;
const AGENT_BUDGET = 90 * KB;
/** Modules of what a visitor reaches only after the chat is ready: their chunks count as "later". */
const LATER = [
  /\/src\/elements\/conecta-webchat\/webchat-rating\.ts$/,
  // The rating stage's words: one table per language, which it loads with it (the visitor's only).
  /\/src\/i18n\/webchat-ending\/[\w-]+\.ts$/,
  /\/src\/client\/upload\.ts$/,
];
/** A later chunk of one language's table (the rating stage's words): its language, else null. */
const LATER_LANGUAGE_TABLE = /\/src\/i18n\/webchat-ending\/(pt-BR|en|es)\.ts$/;
const isLater = (modules) => modules.some((module) => LATER.some((pattern) => pattern.test(module)));

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
const languageOf = (modules, table = LANGUAGE_TABLE) => {
  const languages = new Set(modules.map((module) => module.match(table)?.[1] ?? null));
  return languages.size === 1 && !languages.has(null) ? [...languages][0] : null;
};

/** Every chunk reachable from the widget, sorted into what a visitor may load and what only agents do. */
function widgetParts() {
  const main = resolve(WIDGET);
  const languages = [];
  const others = [];
  const later = [];
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
      else if (isLater(modules)) later.push({ ...part, language: languageOf(modules, LATER_LANGUAGE_TABLE) });
      else others.push(part);
      queue.push(chunk);
    }
  }
  return { main: measure(WIDGET), languages, others, later, agentOnly };
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
    `${name.padEnd(24)}${file.padEnd(58)}${(raw === null ? '' : kb(raw)).padStart(11)}${kb(gzip).padStart(11)}${(budget ? kb(budget) : '—').padStart(10)}  ${budget ? ofBudget(gzip, budget) : ''}`,
  );

const sum = (parts) => ({
  raw: parts.reduce((total, part) => total + part.raw, 0),
  gzip: parts.reduce((total, part) => total + part.gzip, 0),
});

const loader = measure(LOADER);
const { main, languages, others, later, agentOnly } = widgetParts();
if (languages.length === 0) console.warn('No language chunk found: each language table is expected in a chunk of its own.');
const largestLanguage = languages.reduce((largest, part) => (part.gzip > (largest?.gzip ?? -1) ? part : largest), null);
const ready = sum([loader, main, ...(largestLanguage ? [largestLanguage] : []), ...others]);
// Of the later chunks of one language each, a visitor loads one: the largest counts.
const laterLanguage = later.reduce((largest, part) => (part.language && part.gzip > (largest?.gzip ?? -1) ? part : largest), null);
const laterLoaded = later.filter((part) => !part.language || part === laterLanguage);
const everything = sum([loader, main, ...(largestLanguage ? [largestLanguage] : []), ...others, ...laterLoaded]);

console.log(`${'part'.padEnd(24)}${'file'.padEnd(58)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'budget'.padStart(10)}  of budget`);
row('loader', loader.file, loader.raw, loader.gzip);
row('widget: main', main.file, main.raw, main.gzip);
for (const part of languages) {
  row(`  language ${part.language}${part === largestLanguage ? ' *' : ''}`, part.file, part.raw, part.gzip);
}
for (const part of others) row('  other chunk', part.file, part.raw, part.gzip);
const countedParts = [
  'loader + main',
  largestLanguage && `language ${largestLanguage.language}`,
  others.length && `${others.length} other chunk(s)`,
];
row('to a ready chat', countedParts.filter(Boolean).join(' + '), ready.raw, ready.gzip, BUDGET);
for (const part of later) {
  const name = part.language ? `  later: ${part.language}${part === laterLanguage ? ' *' : ''}` : '  later (at idle)';
  row(name, part.file, part.raw, part.gzip);
}
row('everything it may load', 'to a ready chat + later (one language)', everything.raw, everything.gzip);
for (const part of agentOnly) row('agents only', `${part.file} (socket.io-client)`, part.raw, part.gzip);
const agentBundle = agentParts();
const agentLanguage = agentBundle.languages.reduce((largest, part) => (part.gzip > (largest?.gzip ?? -1) ? part : largest), null);
if (!agentLanguage) console.warn('No agent language chunk found: each language table is expected in a chunk of its own.');
const agent = sum([agentBundle.entry, ...agentBundle.eager, ...(agentLanguage ? [agentLanguage] : [])]);
row('agent: entry', agentBundle.entry.file, agentBundle.entry.raw, agentBundle.entry.gzip);
for (const part of agentBundle.eager) row('  at start', part.file, part.raw, part.gzip);
for (const part of agentBundle.languages) {
  row(`  language ${part.language}${part === agentLanguage ? ' *' : ''}`, part.file, part.raw, part.gzip);
}
row('agent', `entry + ${agentBundle.eager.length} chunk(s) at start + language`, agent.raw, agent.gzip, AGENT_BUDGET);
for (const part of agentBundle.onDemand) row('  on demand', part.file, part.raw, part.gzip);

console.log(
  `\nA visitor downloads ${ready.gzip} bytes gzip to a ready chat, ${Math.abs(BUDGET - ready.gzip)} bytes ${ready.gzip > BUDGET ? 'over' : 'under'} the ${kb(BUDGET)} budget; ${everything.gzip} bytes with what it may load later.`,
);
console.log(
  `An agent downloads ${agent.gzip} bytes gzip before the desk is usable, ${Math.abs(AGENT_BUDGET - agent.gzip)} bytes ${agent.gzip > AGENT_BUDGET ? 'over' : 'under'} the ${kb(AGENT_BUDGET)} budget.`,
);
let over = false;
if (ready.gzip > BUDGET) {
  console.error(`What a visitor downloads to a ready chat is ${ready.gzip - BUDGET} bytes over its ${kb(BUDGET)} gzip budget.`);
  over = true;
}
if (agent.gzip > AGENT_BUDGET) {
  console.error(`What an agent downloads at start is ${agent.gzip - AGENT_BUDGET} bytes over its ${kb(AGENT_BUDGET)} gzip budget.`);
  over = true;
}
if (over) process.exit(1);
