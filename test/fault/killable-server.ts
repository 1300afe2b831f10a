import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const SERVER_PROCESS = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** A server in a child process (server-process.ts), killed and started again on the same data and port. */
export class KillableServer {
  #child: ChildProcess | undefined;
  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** More of the child's environment, e.g. FAULT_REDIS_URL for one of several nodes. */
    readonly env: Record<string, string> = {},
  ) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = fork(SERVER_PROCESS, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...this.env, DATA_DIR: this.dataDir, PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.#child = child;
    const [message] = (await Promise.race([
      once(child, 'message'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`the server exited (${code}) before it listened`))),
    ])) as [{ ready: string }];
    assert.equal(message.ready, this.url);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

export async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}
