import * as v from 'valibot';
import { formatPath, type ConfigError, type ConfigPath } from './config-error.js';
import { parseDuration } from './duration.js';
import { isSecretPath, resolveEnvReferences } from './env-secrets.js';
import { SECTION_NAMES, SECTIONS, type Section, type SectionName } from './sections.js';
import { readYaml } from './yaml-source.js';
import { PASSWORD_MIN_LENGTH } from '../domain/passwords.js';

/** A stored resource as the admin service shows it (secrets as "is it set?"). */
export type StoredResource = Record<string, unknown> & { id: string };

/** What the database holds now, per section, by id. */
export type StoredCompany = Readonly<Record<SectionName, ReadonlyMap<string, StoredResource>>>;

/** One resource as the file wants it. */
export interface DesiredResource {
  id: string;
  /** Where it is written in the file. */
  path: ConfigPath;
  /** The whole admin input to put: the stored resource with what the file writes over it. */
  input: Record<string, unknown>;
  /** The input fields the file writes: the only ones compared (a field left out keeps its value). */
  written: ReadonlySet<string>;
  /** Input fields whose value came from the environment. */
  secretFields: ReadonlySet<string>;
  /** An agent's first password (from the environment), set only when the file creates the agent. */
  password?: string;
}

export interface CompanyFile {
  sections: Readonly<Record<SectionName, readonly DesiredResource[]>>;
  /** The sections where what the file no longer lists is removed. */
  prune: ReadonlySet<SectionName>;
}

export interface CompanyFileReading {
  /** Absent when there are errors. */
  file?: CompanyFile;
  errors: ConfigError[];
  /** The line where a path of the file is written. */
  lineOf(path: ConfigPath): number;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema's fields (TemplateInput is an object inside a pipe). */
function inputFields(section: Section): string[] {
  const schema = section.input as unknown as { entries?: object; pipe?: { entries?: object }[] };
  return Object.keys(schema.entries ?? schema.pipe?.[0]?.entries ?? {});
}

/** Reads which sections the file prunes: `prune: true` (all of them) or a list of section names. */
function readPrune(value: unknown, errors: ConfigError[]): Set<SectionName> {
  if (value === undefined || value === false) return new Set();
  if (value === true) return new Set(SECTION_NAMES);
  if (Array.isArray(value)) {
    const names = new Set<SectionName>();
    value.forEach((name, index) => {
      if ((SECTION_NAMES as readonly unknown[]).includes(name)) names.add(name as SectionName);
      else errors.push({ line: null, path: ['prune', index], message: `expected one of ${SECTION_NAMES.join(', ')}` });
    });
    return names;
  }
  errors.push({ line: null, path: ['prune'], message: 'expected true, or a list of the sections to prune' });
  return new Set();
}

/** An entry of the file with a usable id, valid or not: its references are checked either way. */
interface ReadEntry {
  id: string;
  path: ConfigPath;
  /** The admin input when valid, else what the file wrote over the stored resource. */
  input: Record<string, unknown>;
  /** Absent when the entry has errors. */
  resource?: DesiredResource;
}

/** One entry of a section: the file's mapping checked and turned into the admin input. */
function readResource(
  section: Section,
  entry: unknown,
  path: ConfigPath,
  secretPaths: readonly ConfigPath[],
  stored: ReadonlyMap<string, StoredResource>,
  errors: ConfigError[],
): ReadEntry | undefined {
  const fail = (at: ConfigPath, message: string) => void errors.push({ line: null, path: at, message });
  if (!isMapping(entry)) return fail(path, 'expected a mapping (key: value)');
  const { id: writtenId, ...fields } = entry;
  const id = section.singleton ?? writtenId;
  if (section.singleton === undefined && (typeof id !== 'string' || !ID.test(id))) {
    return fail([...path, 'id'], 'expected an id: 1 to 64 letters, digits, ".", "_", ":" or "-"');
  }
  if (section.singleton !== undefined && writtenId !== undefined) fail([...path, 'id'], 'this section has no id');
  const fileFieldOf = (inputField: string) =>
    Object.entries(section.durations ?? {}).find(([, to]) => to === inputField)?.[0] ?? inputField;
  const secrets = section.secrets ?? [];
  const input: Record<string, unknown> = {};
  const secretFields = new Set<string>();
  let failed = false;
  for (const [field, value] of Object.entries(fields)) {
    const at = [...path, field];
    const reason = section.forbidden?.[field];
    if (reason) {
      fail(at, `not allowed here: ${reason}`);
      failed = true;
    } else if (secrets.includes(field) && value !== null && !isSecretPath(secretPaths, at)) {
      fail(at, 'is a secret: write ${ENV_NAME} or { env: ENV_NAME }, never the value itself');
      failed = true;
    } else if (field === 'password' && !secrets.includes('password')) {
      fail(at, 'unknown field');
      failed = true;
    } else if (section.durations?.[field]) {
      const ms = value === null ? null : typeof value === 'string' ? parseDuration(value) : undefined;
      if (ms === undefined) {
        fail(at, 'expected a duration like 30m (d, h, m, s), or null for none');
        failed = true;
      } else input[section.durations[field]] = ms;
    } else if (isSecretPath(secretPaths, at) && !secrets.includes(field)) {
      // A reference elsewhere is allowed (a URL with a token in it, say): its value is then never printed.
      input[field] = value;
      secretFields.add(field);
    } else input[field] = value;
    if (secrets.includes(field)) secretFields.add(field);
  }
  // Not the admin API's: set apart, for the agent's first password (see apply-company.ts).
  const firstPassword = input.password;
  delete input.password;
  if (typeof firstPassword === 'string' && [...firstPassword].length < PASSWORD_MIN_LENGTH) {
    fail([...path, 'password'], `is too short (${PASSWORD_MIN_LENGTH} characters at least)`);
    failed = true;
  }

  const known = inputFields(section);
  const current = typeof id === 'string' ? stored.get(id) : undefined;
  const base = current ? Object.fromEntries(known.filter((field) => field in current).map((field) => [field, current[field]])) : {};
  const merged = { ...base, ...input };
  const parsed = v.safeParse(section.input, merged);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const keys = (issue.path ?? []).map((item) => item.key as string | number);
      if (typeof keys[0] === 'string') keys[0] = fileFieldOf(keys[0]);
      fail([...path, ...keys], issue.message);
    }
  }
  if (!parsed.success || failed) return { id: id as string, path, input: merged };
  const resource: DesiredResource = {
    id: id as string,
    path,
    input: parsed.output,
    written: new Set(Object.keys(input)),
    secretFields,
    ...(typeof firstPassword === 'string' ? { password: firstPassword } : {}),
  };
  return { id: resource.id, path, input: resource.input, resource };
}

/** The ids the file's references may name: those it lists, and the stored ones it does not prune. */
function checkReferences(entries: Record<SectionName, ReadEntry[]>, prune: ReadonlySet<SectionName>, stored: StoredCompany) {
  const errors: ConfigError[] = [];
  for (const section of SECTIONS) {
    for (const resource of entries[section.name]) {
      for (const reference of section.references?.(resource.input) ?? []) {
        const inFile = entries[reference.section].some((other) => other.id === reference.id);
        const inDatabase = stored[reference.section].has(reference.id);
        if (inFile) continue;
        const what = reference.section.replace(/s$/, '');
        const message =
          inDatabase && prune.has(reference.section)
            ? `${what} ${reference.id} is pruned (not in the file, and the file prunes ${reference.section})`
            : inDatabase
              ? null
              : `${what} ${reference.id} is neither in the file nor in the database`;
        if (message) errors.push({ line: null, path: [...resource.path, ...reference.path], message });
      }
    }
  }
  return errors;
}

/** Two agents of the file with one e-mail address (the admin service would refuse the second only when writing). */
function checkUniqueEmails(agents: readonly ReadEntry[]): ConfigError[] {
  const first = new Map<string, ReadEntry>();
  const errors: ConfigError[] = [];
  for (const agent of agents) {
    if (typeof agent.input.email !== 'string') continue;
    const email = agent.input.email.trim().toLowerCase();
    const other = first.get(email);
    if (other)
      errors.push({ line: null, path: [...agent.path, 'email'], message: `is also the e-mail of ${formatPath(other.path)} (${other.id})` });
    else first.set(email, agent);
  }
  return errors;
}

/**
 * Reads and checks a whole company file against the admin API's schemas and the database: every
 * error at once, each with its line and path. Secrets come from `env` (`${NAME}`, `{ env: NAME }`).
 */
export function readCompanyFile(text: string, env: Environment, stored: StoredCompany): CompanyFileReading {
  const source = readYaml(text);
  const { lineOf } = source;
  if (source.errors.length) return { errors: source.errors, lineOf };
  const withLines = (errors: ConfigError[]) => errors.map((error) => ({ ...error, line: error.line ?? source.lineOf(error.path) }));
  const value = source.value ?? {};
  if (!isMapping(value))
    return { errors: withLines([{ line: null, path: [], message: 'expected a mapping of sections (teams:, agents:, …)' }]), lineOf };

  const resolved = resolveEnvReferences(value, env);
  const errors: ConfigError[] = [...resolved.errors];
  const data = resolved.value as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (key !== 'prune' && !(SECTION_NAMES as readonly string[]).includes(key)) {
      errors.push({ line: null, path: [key], message: `unknown section; expected prune or one of ${SECTION_NAMES.join(', ')}` });
    }
  }
  const prune = readPrune(data.prune, errors);
  const entries = Object.fromEntries(SECTION_NAMES.map((name) => [name, [] as ReadEntry[]])) as Record<SectionName, ReadEntry[]>;
  for (const section of SECTIONS) {
    const written = data[section.name];
    if (written === undefined || written === null) continue;
    if (section.singleton !== undefined) {
      const entry = readResource(section, written, [section.name], resolved.secretPaths, stored[section.name], errors);
      if (entry) entries[section.name].push(entry);
      continue;
    }
    if (!Array.isArray(written)) {
      errors.push({ line: null, path: [section.name], message: 'expected a list (one "- " entry per resource)' });
      continue;
    }
    const seen = new Map<string, number>();
    written.forEach((entry, index) => {
      const read = readResource(section, entry, [section.name, index], resolved.secretPaths, stored[section.name], errors);
      if (!read) return;
      const first = seen.get(read.id);
      if (first !== undefined) {
        errors.push({
          line: null,
          path: [section.name, index, 'id'],
          message: `${read.id} is listed twice (also ${section.name}[${first}])`,
        });
        return;
      }
      seen.set(read.id, index);
      entries[section.name].push(read);
    });
  }
  errors.push(...checkReferences(entries, prune, stored), ...checkUniqueEmails(entries.agents));
  // A secret whose variable is not set is reported once, not also as the empty string it stood for.
  const unset = resolved.errors.map((error) => error.path);
  const reported = errors.filter((error) => resolved.errors.includes(error) || !isSecretPath(unset, error.path));
  if (reported.length) return { errors: withLines(reported).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), lineOf };
  const sections = Object.fromEntries(
    SECTION_NAMES.map((name) => [name, entries[name].map((entry) => entry.resource!)]),
  ) as unknown as Record<SectionName, DesiredResource[]>;
  return { file: { sections, prune }, errors: [], lineOf };
}
