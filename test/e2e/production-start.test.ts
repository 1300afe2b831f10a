import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../server/src/app.js';
import { ANA, DEMO_PASSWORD, postJson } from '../server/harness.js';

const BIN = fileURLToPath(new URL('../../server/bin/conecta-server.mjs', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** `conecta-server start` in its own process, on a free port; resolves once it prints where it listens. */
function startProduction(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH, PORT: '0', PUBLIC_URL: 'https://chat.example.com', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const url = /listening on (http:\/\/\S+),/.exec(stderr)?.[1];
      if (url) resolve({ child, url, stderr: () => stderr });
    });
    child.on('exit', (code) => reject(new Error(`conecta-server start exited with ${code} before listening:\n${stderr}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** Runs `conecta-server start` expecting it to refuse: its exit code and what it said. */
async function refusal(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { PATH: process.env.PATH, PORT: '0', PUBLIC_URL: 'https://chat.example.com', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A server that started after all is stopped, and the test fails on its exit code.
  const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const code = await exitOf(child);
  clearTimeout(kill);
  return { code, stderr };
}

describe('conecta-server start (production)', () => {
  let dataDir: string;
  let started: Started;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'conecta-prod-'));
    started = await startProduction({ DATA_DIR: dataDir });
  });
  after(async () => {
    started?.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates no demo account: the demo login fails', async () => {
    const { status } = await postJson(`${started.url}/api/auth/login`, { email: ANA, password: DEMO_PASSWORD });
    assert.equal(status, 401);
  });

  it('serves no demo page', async () => {
    for (const path of ['/agent/', '/site/', '/crm/', '/demo.css']) {
      assert.equal((await fetch(`${started.url}${path}`)).status, 404, path);
    }
    assert.equal((await fetch(`${started.url}/`)).status, 200);
  });

  it('says how to create the first owner', () => {
    assert.match(started.stderr(), /conecta-server owner create --email/);
  });

  it('answers /health', async () => {
    const response = await fetch(`${started.url}/health`);
    assert.equal(response.status, 200);
  });

  it('exits 1, saying why, when its port is taken', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'conecta-prod-port-'));
    try {
      const { code, stderr } = await refusal({ DATA_DIR: otherDir, PORT: new URL(started.url).port, LOG_LEVEL: 'silent' });
      assert.equal(code, 1);
      assert.match(stderr, /cannot listen on 127\.0\.0\.1:\d+: .*EADDRINUSE/);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('exits 0 on SIGTERM', async () => {
    const exit = exitOf(started.child);
    started.child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('refuses to start with every settings problem listed', async () => {
    const { code, stderr } = await refusal({ PUBLIC_URL: '', PORT: 'eighty', DATA_DIR: dataDir });
    assert.equal(code, 1);
    assert.match(stderr, /PUBLIC_URL is required/);
    assert.match(stderr, /PORT must be a port number/);
  });

  it('refuses to start on a database holding the demo secrets, saying how to fix it', async () => {
    const demoDir = await mkdtemp(join(tmpdir(), 'conecta-prod-demo-'));
    try {
      const demo = await createServer({ dataDir: demoDir, seed: true, expireEveryMs: 0 });
      await demo.close();
      const { code, stderr } = await refusal({ DATA_DIR: demoDir });
      assert.equal(code, 1);
      assert.match(stderr, /channel "demo" uses a demo secret/);
      assert.match(stderr, /agent ana@demo\.conecta\.dev has the demo password/);
      assert.match(stderr, /start with an empty DATA_DIR/);
    } finally {
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
