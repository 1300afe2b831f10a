import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { createServer, type ConectaServer } from '../../server/src/app.js';
import { ApplyFailed, applyCompanyFile } from '../../server/src/config-as-code/apply-company.js';
import { InvalidCompanyFile } from '../../server/src/config-as-code/config-error.js';
import { formatPlan } from '../../server/src/config-as-code/print-plan.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AGENTS,
  DEMO_CLASSIFICATIONS,
  DEMO_COMPANY_FILE,
  DEMO_ENV,
  DEMO_PASSWORD,
  DEMO_TAGS,
  DEMO_TEAMS,
  DEMO_TEMPLATES,
  DEMO_VENDAS_WEBCHAT_SECRET,
  DEMO_WAITING_TIMEOUT_MS,
  DEMO_WEBCHAT_SECRET,
  DEMO_WHATSAPP,
  applyDemoCompany,
} from '../../server/src/demo-company.js';
import { loginAgent } from './harness.js';
import { dropTestDatabase, testDatabaseOptions } from './test-database.js';

const run = promisify(execFile);

/** A small company: one team, one agent, one webchat channel, two tags. */
const SMALL = `teams:
  - id: tm-a
    name: Atendimento
    waitingTimeout: 30m
agents:
  - id: ag-xavier
    name: Xavier Prado
    email: xavier@example.com
    teamIds: [tm-a]
    role: supervisor
    password: \${XAVIER_PASSWORD}
webchatChannels:
  - id: site
    name: Site
    teamIds: [tm-a]
    identitySecret: \${SITE_SECRET}
tags:
  - { id: tg-urgente, teamId: tm-a, name: Urgente, color: '#c62828' }
  - { id: tg-retorno, teamId: tm-a, name: Retorno, color: '#1565c0' }
`;
const ENV = { XAVIER_PASSWORD: 'xavier-first-password', SITE_SECRET: 'site-secret-one' };

interface EmptyServer {
  server: ConectaServer;
  dataDir: string;
  close(): Promise<void>;
}

/** A server on a fresh data directory with nothing in it (no demo). */
async function startEmpty(): Promise<EmptyServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'conecta-apply-'));
  const server = await createServer({ ...(await testDatabaseOptions(dataDir)), expireEveryMs: 0 });
  return {
    server,
    dataDir,
    async close() {
      await server.close();
      await Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]);
    },
  };
}

const auditCount = async (server: ConectaServer) => (await server.repo.listAudit({ limit: 10_000 })).length;
const writes = (changes: { action: string }[]) => changes.filter((change) => change.action !== 'keep');

async function invalidLines(server: ConectaServer, text: string, env: Record<string, string> = ENV): Promise<string[]> {
  const error = await applyCompanyFile(server, text, { fileName: 'company.yaml', env }).then(
    () => assert.fail('the file was accepted'),
    (error: unknown) => error,
  );
  assert.ok(error instanceof InvalidCompanyFile, String(error));
  return error.message.split('\n');
}

describe('configuration as code: validation', () => {
  let t: EmptyServer;
  before(async () => (t = await startEmpty()));
  after(() => t.close());

  it('reports every error of the file at once, each with its line and path', async () => {
    const lines = await invalidLines(
      t.server,
      `teams:
  - id: tm-a
    name: Atendimento
  - id: tm-b
    name: Cobrança
    waitingTimeout: half an hour
agents:
  - id: ag-x
    name: Xavier
    email: not-an-email
    teamIds: [tm-a, tm-nowhere]
    role: boss
  - { id: ag-y, name: Yara, email: xavier@example.com }
  - { id: ag-z, name: Zeca, email: Xavier@example.com }
tags:
  - { id: tg-a, teamId: tm-a, name: Urgente, color: red }
  - { id: tg-a, teamId: tm-b, name: Outra, color: '#c62828' }
colours: []
`,
    );
    assert.deepEqual(lines, [
      'company.yaml:6 teams[1].waitingTimeout: expected a duration like 30m (d, h, m, s), or null for none',
      'company.yaml:10 agents[0].email: is not a valid e-mail address',
      'company.yaml:11 agents[0].teamIds[1]: team tm-nowhere is neither in the file nor in the database',
      'company.yaml:12 agents[0].role: must be owner, admin, supervisor or agent',
      'company.yaml:14 agents[2].email: is also the e-mail of agents[1] (ag-y)',
      'company.yaml:16 tags[0].color: is not a hex colour like #0b6bcb',
      'company.yaml:17 tags[1].id: tg-a is listed twice (also tags[0])',
      'company.yaml:18 colours: unknown section; expected prune or one of teams, agents, webchatChannels, whatsappChannels, tags, templates, cannedResponses, pauseTypes, accounts, contactSettings, availabilitySettings',
    ]);
    assert.equal((await t.server.repo.listAllTeams()).length, 0, 'nothing was written');
    assert.equal(await auditCount(t.server), 0);
  });

  it('names a secret whose environment variable is not set, and refuses a secret written in the file', async () => {
    const lines = await invalidLines(
      t.server,
      `teams:
  - { id: tm-a, name: Atendimento }
webchatChannels:
  - id: site
    name: Site
    teamIds: [tm-a]
    identitySecret: \${SITE_SECRET}
  - id: loja
    name: Loja
    teamIds: [tm-a]
    identitySecret: my-very-secret-value
whatsappChannels:
  - { id: wa, name: WhatsApp, defaultTeamId: tm-a, appSecret: { env: WA_APP_SECRET } }
`,
      {},
    );
    assert.deepEqual(lines, [
      'company.yaml:7 webchatChannels[0].identitySecret: the environment variable SITE_SECRET is not set',
      'company.yaml:11 webchatChannels[1].identitySecret: is a secret: write ${ENV_NAME} or { env: ENV_NAME }, never the value itself',
      'company.yaml:13 whatsappChannels[0].appSecret: the environment variable WA_APP_SECRET is not set',
    ]);
  });

  it('points a YAML syntax error at its line', async () => {
    const lines = await invalidLines(t.server, 'teams:\n  - id: tm-a\n    name: [unclosed\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^company\.yaml:\d+ /);
  });
});

describe('configuration as code: plan and apply', () => {
  let t: EmptyServer;
  before(async () => (t = await startEmpty()));
  after(() => t.close());

  it('a dry run shows the diff and writes nothing', async () => {
    const { changes } = await applyCompanyFile(t.server, SMALL, { fileName: 'company.yaml', env: ENV, dryRun: true });
    assert.deepEqual(
      changes.map((change) => `${change.action} ${change.section} ${change.id}`),
      ['create teams tm-a', 'create agents ag-xavier', 'create webchatChannels site', 'create tags tg-urgente', 'create tags tg-retorno'],
    );
    const diff = formatPlan(changes);
    assert.match(diff, /\+ teams tm-a\n {4}name: "Atendimento"\n {4}waitingTimeout: "30m"/);
    assert.match(diff, /identitySecret: \(secret\)/);
    assert.match(diff, /password: \(secret\)/);
    assert.doesNotMatch(diff, /site-secret-one|xavier-first-password/, 'secrets are never printed');
    assert.equal((await t.server.repo.listAllTeams()).length, 0);
    assert.equal(await t.server.repo.countAgents(), 0);
    assert.equal(await auditCount(t.server), 0, 'the audit log is unchanged');
  });

  it('applies the file, and applying it again changes nothing', async () => {
    const first = await applyCompanyFile(t.server, SMALL, { fileName: 'company.yaml', env: ENV });
    assert.equal(writes(first.changes).length, 5);
    const audited = await auditCount(t.server);
    assert.equal(audited, 5, 'one audit entry per change');
    const agent = await t.server.repo.getAgent('ag-xavier');
    assert.equal(agent?.role, 'supervisor');
    assert.deepEqual(agent?.teamIds, ['tm-a']);
    assert.equal((await t.server.repo.getWebchatChannel('site'))?.secret, ENV.SITE_SECRET);
    // The first password works: the agent can log in.
    const url = await t.server.listen(0, '127.0.0.1');
    assert.ok(await loginAgent(url, 'xavier@example.com', ENV.XAVIER_PASSWORD));

    const second = await applyCompanyFile(t.server, SMALL, { fileName: 'company.yaml', env: ENV });
    assert.deepEqual(second.changes, []);
    assert.equal(await auditCount(t.server), audited);
  });

  it('shows an update field by field, a changed secret without its value, and keeps an agent’s password', async () => {
    const changed = SMALL.replace('name: Atendimento', 'name: Atendimento geral')
      .replace('role: supervisor', 'role: agent\n    permissions: { history: true }')
      .replace(
        'teamIds: [tm-a]\n    identitySecret',
        'teamIds: [tm-a]\n    appearance: { color: "#13795b", position: right, launcherIcon: chat }\n    identitySecret',
      );
    const env = { XAVIER_PASSWORD: 'another-password-here', SITE_SECRET: 'site-secret-two' };
    const { changes } = await applyCompanyFile(t.server, changed, { fileName: 'company.yaml', env });
    const diff = formatPlan(changes);
    assert.equal(
      diff,
      [
        '~ teams tm-a',
        '    name: "Atendimento" → "Atendimento geral"',
        '~ agents ag-xavier',
        '    role: "supervisor" → "agent"',
        '    permissions.history: false → true',
        '~ webchatChannels site',
        '    appearance.color: "#0b6bcb" → "#13795b"',
        '    identitySecret: (secret) → (secret)',
      ].join('\n'),
    );
    assert.equal((await t.server.repo.getWebchatChannel('site'))?.secret, 'site-secret-two');
    const url = t.server.url!;
    assert.ok(await loginAgent(url, 'xavier@example.com', ENV.XAVIER_PASSWORD), 'the first password still works');
  });

  it('keeps what the file no longer lists, unless the file prunes that section', async () => {
    const withoutRetorno = SMALL.replace(/ {2}- \{ id: tg-retorno.*\n/, '');
    const kept = await applyCompanyFile(t.server, withoutRetorno, { fileName: 'company.yaml', env: ENV });
    assert.deepEqual(
      kept.changes.filter((change) => change.section === 'tags'),
      [{ action: 'keep', section: 'tags', id: 'tg-retorno', reason: 'not in the file; add it to `prune` to remove it' }],
    );
    assert.equal((await t.server.repo.getTags(['tg-retorno'])).length, 1);

    const pruned = await applyCompanyFile(t.server, `prune: [tags]\n${withoutRetorno}`, {
      fileName: 'company.yaml',
      env: ENV,
      dryRun: true,
    });
    assert.match(formatPlan(pruned.changes), /^- tags tg-retorno \(removed: not in the file, and the file prunes tags\)$/m);
    await applyCompanyFile(t.server, `prune: [tags]\n${withoutRetorno}`, { fileName: 'company.yaml', env: ENV });
    assert.equal((await t.server.repo.getTags(['tg-retorno'])).length, 0);
  });

  it('rolls everything back when a change is refused midway', async () => {
    const before = await auditCount(t.server);
    const text = `${SMALL}cannedResponses:
  - { id: cr-catalogo, teamId: tm-b, shortcut: catalogo, title: Catálogo, text: Segue o catálogo., fileIds: [no-such-file] }
`.replace('teams:\n', 'teams:\n  - { id: tm-b, name: Cobrança }\n');
    const error = await applyCompanyFile(t.server, text, { fileName: 'company.yaml', env: ENV }).catch((error: unknown) => error);
    assert.ok(error instanceof ApplyFailed, String(error));
    assert.match(error.message, /^company\.yaml:\d+ cannedResponses\[0\]: create cannedResponses cr-catalogo refused: /);
    assert.equal(await t.server.repo.getTeam('tm-b'), null, 'the team created before the refusal was rolled back');
    assert.equal(await auditCount(t.server), before);
  });
});

describe('configuration as code: pruning agents', () => {
  let t: EmptyServer;
  before(async () => {
    t = await startEmpty();
    await applyDemoCompany(t.server);
  });
  after(() => t.close());

  it('deactivates a pruned agent, never deletes it, and never prunes an owner', async () => {
    const text = 'prune: [agents]\nagents: []\n';
    const { changes } = await applyCompanyFile(t.server, text, { fileName: 'company.yaml', env: {} });
    assert.deepEqual(
      changes.filter((change) => change.section === 'agents'),
      [
        { action: 'keep', section: 'agents', id: DEMO_AGENTS.ana.id, reason: 'an owner is never pruned' },
        { action: 'remove', section: 'agents', id: DEMO_AGENTS.bruno.id },
      ],
    );
    assert.equal((await t.server.repo.admin.agents.get(DEMO_AGENTS.bruno.id))?.active, false);
    assert.equal((await t.server.repo.admin.agents.get(DEMO_AGENTS.ana.id))?.active, true);
    const again = await applyCompanyFile(t.server, text, { fileName: 'company.yaml', env: {} });
    assert.deepEqual(writes(again.changes), [], 'a deactivated agent is as pruned as it gets');
  });
});

describe('conecta-server apply (the command)', () => {
  let dataDir: string;
  let file: string;
  const cli = (args: string[], env: Record<string, string> = ENV) =>
    run(process.execPath, ['server/bin/conecta-server.mjs', 'apply', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ...databaseEnv, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  let databaseEnv: Record<string, string> = {};
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-apply-cli-'));
    // The command's database: a PostgreSQL schema of its own under CONECTA_TEST_DATABASE=postgres.
    const { databaseUrl } = await testDatabaseOptions(dataDir);
    if (databaseUrl) databaseEnv = { DATABASE_URL: databaseUrl };
    file = join(dataDir, 'company.yaml');
    await writeFile(file, SMALL);
  });
  after(() => Promise.all([rm(dataDir, { recursive: true, force: true }), dropTestDatabase(dataDir)]));

  it('answers 2 with its usage when the file is missing from the arguments', async () => {
    const { code, stderr } = await cli([]);
    assert.equal(code, 2);
    assert.match(stderr, /Usage: conecta-server apply <company\.yaml> \[--dry-run\]/);
  });

  it('answers 1 with every error when the file is invalid, and writes nothing', async () => {
    const { code, stderr } = await cli([file], { XAVIER_PASSWORD: ENV.XAVIER_PASSWORD });
    assert.equal(code, 1);
    assert.match(stderr, /^company\.yaml:16 webchatChannels\[0\]\.identitySecret: the environment variable SITE_SECRET is not set$/m);
    assert.match(stderr, /1 error\(s\); nothing was written\./);
  });

  it('prints the diff on a dry run, then applies, then has nothing to change', async () => {
    const dry = await cli([file, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^\+ teams tm-a$/m);
    assert.match(dry.stdout, /Dry run: 5 change\(s\) to apply; nothing was written\./);
    assert.doesNotMatch(dry.stdout, /site-secret-one/);

    const applied = await cli([file]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /Applied 5 change\(s\)\./);

    const again = await cli([file]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, 'No changes.\n');
  });
});

describe('the demo company file', () => {
  let t: EmptyServer;
  before(async () => (t = await startEmpty()));
  after(() => t.close());

  it('applies cleanly to an empty database and makes the demo every test relies on', async () => {
    assert.equal(await applyDemoCompany(t.server), true);
    const { repo } = t.server;
    assert.deepEqual(
      (await repo.listAllTeams()).map(({ id, name }) => ({ id, name })).sort((a, b) => a.id.localeCompare(b.id)),
      Object.values(DEMO_TEAMS).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const agent of Object.values(DEMO_AGENTS)) {
      const stored = await repo.getAgent(agent.id);
      assert.deepEqual(
        { ...stored, teamIds: [...stored!.teamIds].sort(), rating: undefined },
        { ...agent, teamIds: [...agent.teamIds].sort(), rating: undefined, photoUrl: null, language: null },
      );
    }
    const tagTeams = Object.values(DEMO_TEAMS).map((team) => team.id);
    assert.deepEqual(
      (await repo.listTagsOfTeams(tagTeams)).sort((a, b) => a.id.localeCompare(b.id)),
      Object.values(DEMO_TAGS).sort((a, b) => a.id.localeCompare(b.id)),
    );
    for (const template of Object.values(DEMO_TEMPLATES)) assert.deepEqual(await repo.getTemplate(template.id), template);
    assert.deepEqual(
      await repo.admin.accounts.list(),
      Object.values(DEMO_ACCOUNTS).sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.deepEqual((await repo.admin.contactSettings.get('contact'))?.classifications, DEMO_CLASSIFICATIONS);
    assert.deepEqual((await repo.listCannedResponses(tagTeams)).map((canned) => canned.shortcut).sort(), ['horario', 'ola', 'segundavia']);
    const demo = await repo.getWebchatChannel('demo');
    assert.equal(demo?.secret, DEMO_WEBCHAT_SECRET);
    assert.deepEqual(demo?.teamIds, [DEMO_TEAMS.suporte.id, DEMO_TEAMS.vendas.id, DEMO_TEAMS.financeiro.id]);
    assert.equal(demo?.menu.options.length, 3);
    assert.equal((await repo.getWebchatChannel('demo-vendas'))?.secret, DEMO_VENDAS_WEBCHAT_SECRET);
    assert.deepEqual(await repo.getChannel(DEMO_WHATSAPP.key), {
      key: DEMO_WHATSAPP.key,
      kind: 'whatsapp',
      name: DEMO_WHATSAPP.name,
      defaultTeamId: DEMO_TEAMS.suporte.id,
      secret: DEMO_WHATSAPP.secret,
    });
    const hours = await repo.getWorkingHours(tagTeams);
    assert.equal(hours.get(DEMO_TEAMS.suporte.id), null, 'Suporte is always open');
    assert.deepEqual(hours.get(DEMO_TEAMS.vendas.id)?.days[1], [['08:00', '18:00']]);
    assert.equal((await repo.admin.teams.get(DEMO_TEAMS.vendas.id))?.waitingTimeoutMs, DEMO_WAITING_TIMEOUT_MS);
    const url = await t.server.listen(0, '127.0.0.1');
    for (const agent of Object.values(DEMO_AGENTS)) assert.ok(await loginAgent(url, agent.email, DEMO_PASSWORD));
  });

  it('is already applied: applying it again changes nothing, and a restart does not apply it', async () => {
    const text = await readFile(DEMO_COMPANY_FILE, 'utf8');
    const { changes } = await applyCompanyFile(t.server, text, { fileName: 'demo/company.yaml', env: DEMO_ENV });
    assert.deepEqual(changes, []);
    assert.equal(await applyDemoCompany(t.server), false);
  });
});
