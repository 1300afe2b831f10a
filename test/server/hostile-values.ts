/**
 * Seeded hostile input for the fuzz tests: a tiny PRNG (mulberry32, so a failing seed replays the
 * same run) and generators of values no well-behaved client sends.
 */

export type Random = () => number;

/** mulberry32: 32 bits of state, good enough to spread cases, and reproducible from one number. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Keys that poison a naive merge or lookup; built with JSON.parse so `__proto__` is an own key. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** Strings that trip up parsers, databases, regexes and renderers. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '👩‍👩‍👧‍👦'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  "'; DROP TABLE sessions; --",
  '" OR 1=1 --',
  '%00%0d%0a',
  '../../../etc/passwd',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${process.exit(1)}',
  'NaN',
  '-1',
  '1e999',
  '__proto__',
  'constructor',
  'x'.repeat(65),
  'x'.repeat(5000),
];

/** Nested `depth` times: arrays or objects, the payload of a parser that recurses. */
export function deeplyNested(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** The object with one more own key, even `__proto__` (built from JSON text, as a parsed request body is). */
export function withOwnKey(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const text = JSON.stringify(base);
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
  return JSON.parse(text === '{}' ? `{${entry}}` : `${text.slice(0, -1)},${entry}}`) as Record<string, unknown>;
}

/** One hostile value: wrong types, extremes, huge, deep, binary, prototype-polluting objects. */
export function hostileValue(random: Random, plausible: readonly unknown[] = [], depth = 0): unknown {
  const roll = random();
  if (roll < 0.25 && plausible.length) return pick(random, plausible);
  const kind = Math.floor(random() * 16);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return pick(random, [true, false]);
    case 2:
      return pick(random, [0, -1, 1.5, -0, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 1e21]);
    case 3:
      return pick(random, ODD_STRINGS);
    case 4:
      return 'x'.repeat(Math.floor(random() * 200_000));
    case 5:
      return deeplyNested(50 + Math.floor(random() * 2000), random() < 0.5);
    case 6:
      return depth > 2 ? [] : Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, plausible, depth + 1));
    case 7:
      return depth > 2 ? {} : withOwnKey({}, pick(random, PROTOTYPE_KEYS), hostileValue(random, plausible, depth + 1));
    case 8:
      return new Uint8Array(Math.floor(random() * 64));
    case 9:
      return Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    case 10:
      return { length: 3, 0: 'a' };
    case 11:
      return [pick(random, plausible.length ? plausible : ['x'])];
    case 12:
      return String(pick(random, plausible.length ? plausible : ['x'])) + pick(random, ODD_STRINGS);
    case 13:
      return pick(random, [NaN, Infinity, -Infinity]);
    case 14:
      return `${Math.floor(random() * 1e6)}`;
    default:
      return pick(random, ODD_STRINGS).repeat(3);
  }
}

/** A payload for a command whose schema has these keys: mostly the right keys with wrong values, sometimes not an object at all. */
export function hostilePayload(random: Random, keys: readonly string[], plausible: readonly unknown[]): unknown {
  const roll = random();
  if (roll < 0.1) return hostileValue(random, plausible);
  if (roll < 0.15) return keys.map(() => pick(random, plausible));
  const payload: Record<string, unknown> = {};
  for (const key of keys) {
    const r = random();
    if (r < 0.15) continue;
    payload[key] = r < 0.5 ? pick(random, plausible) : hostileValue(random, plausible);
  }
  if (random() < 0.3) return withOwnKey(payload, pick(random, PROTOTYPE_KEYS), hostileValue(random, plausible));
  return payload;
}

/** Raw HTTP bodies that are not even good JSON, or JSON that parses into something odd. */
export const RAW_BODIES: readonly string[] = [
  '',
  '{',
  'null',
  '"text"',
  '[]',
  '{"a":NaN}',
  '{"a":1e999}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '\uFEFF{}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":"\\ud800"}',
  '{"a":1,"a":2}',
];
