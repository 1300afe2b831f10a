import type { ConfigError, ConfigPath } from './config-error.js';

/** `${NAME}` inside a string; NAME as environment variables are usually written. */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface ResolvedSecrets {
  /** The file's data with every reference replaced by its variable's value. */
  value: unknown;
  /** Where references were: those values are secrets, never printed. */
  secretPaths: ConfigPath[];
  errors: ConfigError[];
}

/** `{ env: NAME }`: a mapping with that one key. */
function envObjectName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const name = (value as { env?: unknown }).env;
  return keys.length === 1 && typeof name === 'string' ? name : undefined;
}

/**
 * Replaces `${NAME}` and `{ env: NAME }` with the variables of `env`, so secrets stay out of the
 * file; a variable that is not set is an error naming it (never an empty secret).
 */
export function resolveEnvReferences(value: unknown, env: Readonly<Record<string, string | undefined>>): ResolvedSecrets {
  const secretPaths: ConfigPath[] = [];
  const errors: ConfigError[] = [];
  const lookUp = (name: string, path: ConfigPath): string => {
    const found = env[name];
    if (found === undefined) errors.push({ line: null, path, message: `the environment variable ${name} is not set` });
    return found ?? '';
  };
  const walk = (node: unknown, path: ConfigPath): unknown => {
    const envName = envObjectName(node);
    if (envName !== undefined) {
      secretPaths.push(path);
      return lookUp(envName, path);
    }
    if (typeof node === 'string') {
      if (!node.match(REFERENCE)) return node;
      secretPaths.push(path);
      return node.replace(REFERENCE, (_match, name: string) => lookUp(name, path));
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, index]));
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return node;
  };
  return { value: walk(value, []), secretPaths, errors };
}

/** Whether `path` is a secret or inside one. */
export function isSecretPath(secretPaths: readonly ConfigPath[], path: ConfigPath): boolean {
  return secretPaths.some((secret) => secret.length <= path.length && secret.every((part, index) => path[index] === part));
}
