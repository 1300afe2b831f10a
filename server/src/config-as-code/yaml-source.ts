import { isMap, isNode, isPair, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigError, ConfigPath } from './config-error.js';

/** The company file as plain data, and where each of its values is written. */
export interface YamlSource {
  value: unknown;
  /** The line of the value at `path`, else of its nearest written ancestor (a missing key points at its map). */
  lineOf(path: ConfigPath): number;
  /** Syntax errors; `value` is unusable when there are any. */
  errors: ConfigError[];
}

/** Parses YAML keeping every node's position, so each error can name its line. */
export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const errors: ConfigError[] = [...doc.errors, ...doc.warnings].map((error) => ({
    line: lineAt(error.pos[0]),
    path: [],
    message: error.message.split('\n')[0]!,
  }));
  return {
    value: errors.length ? undefined : doc.toJS({ maxAliasCount: 100 }),
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = isNode(node) && node.range ? lineAt(node.range[0]) : 1;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isNode(item.key) && String((item.key as { value?: unknown }).value) === String(key),
          );
          if (!pair) break;
          node = pair.value;
          const keyRange = isNode(pair.key) ? pair.key.range : undefined;
          if (keyRange) line = lineAt(keyRange[0]);
        } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
          node = node.items[key];
          if (isNode(node) && node.range) line = lineAt(node.range[0]);
        } else break;
      }
      return line;
    },
  };
}
