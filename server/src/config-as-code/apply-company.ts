import type { Repository } from '../db/repository.js';
import { CLI_ACTOR } from '../domain/admin/actor.js';
import type { AdminTransaction } from '../domain/admin/admin-transaction.js';
import { CommandError } from '../domain/errors.js';
import { hashPassword } from '../domain/secrets.js';
import type { Services } from '../domain/services.js';
import { readCompanyFile, type CompanyFile, type Environment, type StoredCompany, type StoredResource } from './company-file.js';
import { formatPath, InvalidCompanyFile } from './config-error.js';
import { formatDuration } from './duration.js';
import { planSection, type Change, type FieldChange, type ResourceState } from './plan.js';
import { SECTION_NAMES, SECTIONS, type Section, type SectionName } from './sections.js';

/** Each section's resource in the admin API (`/api/admin/v1/<name>`). */
const ADMIN_RESOURCE: Record<SectionName, string> = {
  teams: 'teams',
  agents: 'agents',
  webchatChannels: 'webchat-channels',
  whatsappChannels: 'whatsapp-channels',
  tags: 'tags',
  templates: 'templates',
  cannedResponses: 'canned-responses',
  pauseTypes: 'pause-types',
  accounts: 'accounts',
  contactSettings: 'contact-settings',
  availabilitySettings: 'availability-settings',
};

export interface ApplyOptions {
  /** Named in messages (`company.yaml:14 …`). */
  fileName: string;
  /** Where `${NAME}` and `{ env: NAME }` secrets are read. */
  env: Environment;
  /** Compute the changes, write nothing. */
  dryRun?: boolean;
}

export interface ApplyResult {
  /** In the order they apply; `keep` entries are what the file no longer lists and stays. */
  changes: Change[];
}

/** Writing the file failed midway (the admin service refused a change): nothing was written. */
export class ApplyFailed extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'ApplyFailed';
  }
}

/**
 * The secrets the database holds, by section and id, to tell whether the file changes them (the admin
 * service shows them only as "set"). An agent's password counts only as set or not: the file gives
 * an agent its first password, never resets one.
 */
async function readStoredSecrets(repo: Repository): Promise<Map<string, Record<string, unknown>>> {
  const secrets = new Map<string, Record<string, unknown>>();
  for (const channel of await repo.admin.webchatChannels.list())
    secrets.set(`webchatChannels/${channel.id}`, { identitySecret: channel.secret });
  for (const { id, accessToken, appSecret, verifyToken } of await repo.admin.whatsappChannels.list()) {
    secrets.set(`whatsappChannels/${id}`, { accessToken, appSecret, verifyToken });
  }
  for (const agent of await repo.admin.agents.list()) {
    const account = await repo.findAgentAccountByEmail(agent.email);
    secrets.set(`agents/${agent.id}`, { passwordSet: Boolean(account?.passwordHash) });
  }
  return secrets;
}

async function readStored(admin: AdminTransaction): Promise<StoredCompany> {
  const entries = await Promise.all(
    SECTION_NAMES.map(async (name) => {
      const resources = (await admin.list(ADMIN_RESOURCE[name])) as StoredResource[];
      return [name, new Map(resources.map((resource) => [resource.id, resource]))] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as StoredCompany;
}

/** Every change the file asks for, section by section in the order they apply. */
function planCompany(file: CompanyFile, stored: StoredCompany, secrets: Map<string, Record<string, unknown>>): Change[] {
  return SECTIONS.flatMap((section) => {
    const listed = new Set(file.sections[section.name].map((resource) => resource.id));
    const desired = file.sections[section.name].map((resource) => {
      const fields = Object.fromEntries([...resource.written].map((field) => [field, resource.input[field]]));
      const passwordSet = secrets.get(`agents/${resource.id}`)?.passwordSet === true;
      if (resource.password !== undefined && !passwordSet) fields.password = resource.password;
      return { id: resource.id, path: resource.path, fields, secretFields: resource.secretFields };
    });
    const current: ResourceState[] = [...stored[section.name].values()]
      // An agent is pruned by deactivating it: one already inactive is as pruned as it gets.
      .filter((resource) => listed.has(resource.id) || !(section.name === 'agents' && resource.active === false))
      .map((resource) => ({ id: resource.id, fields: { ...resource, ...secrets.get(`${section.name}/${resource.id}`) } }));
    const changes = planSection({
      section: section.name,
      desired,
      current,
      prune: file.prune.has(section.name),
      unorderedFields: section.unordered,
      protectedReason: section.protectedReason ? (resource) => section.protectedReason!(resource.fields) : undefined,
    });
    return changes.map((change) =>
      change.action === 'create' || change.action === 'update'
        ? { ...change, fields: change.fields.map((field) => asWritten(section, field)) }
        : change,
    );
  });
}

/** A field as the file writes it: `waitingTimeout: "30m"`, not `waitingTimeoutMs: 1800000`. */
function asWritten(section: Section, change: FieldChange): FieldChange {
  const fileField = Object.entries(section.durations ?? {}).find(([, inputField]) => inputField === change.field)?.[0];
  if (!fileField) return change;
  const written = (ms: unknown) => (typeof ms === 'number' ? formatDuration(ms) : ms);
  return { ...change, field: fileField, before: written(change.before), after: written(change.after) };
}

/** Where a refused change is written, and why it was refused. */
function failure(
  fileName: string,
  file: CompanyFile,
  change: Change,
  error: unknown,
  lineOf: (path: readonly (string | number)[]) => number,
): ApplyFailed {
  const resource = file.sections[change.section as SectionName].find((candidate) => candidate.id === change.id);
  const fields =
    error instanceof CommandError && error.fields
      ? ` (${Object.entries(error.fields)
          .map(([field, why]) => `${field}: ${why}`)
          .join('; ')})`
      : '';
  // A removal is of something the file does not list: no line to point at.
  const where = resource ? `${fileName}:${lineOf(resource.path)} ${formatPath(resource.path)}` : fileName;
  return new ApplyFailed(`${where}: ${change.action} ${change.section} ${change.id} refused: ${(error as Error).message}${fields}`, {
    cause: error,
  });
}

/** Writes the plan: creates and updates in section order, then removals in reverse (tags before their team). */
async function write(
  admin: AdminTransaction,
  file: CompanyFile,
  changes: readonly Change[],
  fail: (change: Change, error: unknown) => Error,
) {
  const ordered = [
    ...changes.filter((change) => change.action === 'create' || change.action === 'update'),
    ...changes.filter((change) => change.action === 'remove').reverse(),
  ];
  for (const change of ordered) {
    const section = change.section as SectionName;
    try {
      if (change.action === 'remove') {
        // Agents are never deleted (their sessions and messages name them): pruning deactivates them.
        if (section === 'agents') await admin.patch(ADMIN_RESOURCE.agents, change.id, { active: false });
        else await admin.remove(ADMIN_RESOURCE[section], change.id);
      } else {
        const resource = file.sections[section].find((candidate) => candidate.id === change.id)!;
        await admin.put(ADMIN_RESOURCE[section], change.id, resource.input);
      }
    } catch (error) {
      throw fail(change, error);
    }
  }
}

/**
 * Brings the company's configuration to what the file says, in one transaction of the admin service
 * (audited as the command line): validated first, every error at once (`InvalidCompanyFile`), then
 * planned against the database and written; a refused change rolls everything back (`ApplyFailed`).
 * Applying the same file again changes nothing. The first passwords of agents the file creates are
 * set right after the commit (a password lives outside the administered resources).
 */
export async function applyCompanyFile(
  server: { services: Services; repo: Repository },
  text: string,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const dryRun = options.dryRun ?? false;
  const secrets = await readStoredSecrets(server.repo);
  const { result } = await server.services.admin.transaction(
    async (admin) => {
      const stored = await readStored(admin);
      const { file, errors, lineOf } = readCompanyFile(text, options.env, stored);
      if (!file) throw new InvalidCompanyFile(options.fileName, errors);
      const changes = planCompany(file, stored, secrets);
      if (!dryRun) await write(admin, file, changes, (change, error) => failure(options.fileName, file, change, error, lineOf));
      return { changes, file };
    },
    { actor: CLI_ACTOR, dryRun },
  );
  if (!dryRun) {
    for (const change of result.changes) {
      const password =
        change.action !== 'keep' &&
        change.section === 'agents' &&
        change.action !== 'remove' &&
        change.fields.find((field) => field.field === 'password');
      if (!password) continue;
      const { hash, salt } = await hashPassword(password.after as string);
      await server.repo.setAgentPassword(change.id, hash, salt);
    }
  }
  return { changes: result.changes };
}
