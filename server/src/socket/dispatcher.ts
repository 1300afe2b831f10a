import type { Server, Socket } from 'socket.io';
import {
  commandBytes,
  commandSchemas,
  MAX_COMMAND_BYTES,
  isCommandName,
  parseCommand,
  type Ack,
  type CommandName,
  type ProtocolError,
} from '../../../src/protocol/index.js';
import { refusalOf } from '../domain/errors.js';
import type { Identity } from '../domain/identity.js';
import type { Services } from '../domain/services.js';
import { commandHandlers } from './commands.js';
import type { RateLimiter } from '../limits/rate-limits.js';
import { commandCharges } from './command-limits.js';
import type { ServerMetrics } from '../metrics.js';

interface DispatcherDeps {
  io: Server;
  services: Services;
  limiter: RateLimiter;
  logError: (error: unknown, context: Record<string, unknown>) => void;
  metrics: ServerMetrics;
  now: () => number;
}

/**
 * The one entry point of every command: `socket.emit('command', name, payload, ack)`.
 * Whatever arrives — no ack, a non-object payload, an unknown name, a failing service — the
 * answer is an `Ack`, and nothing escapes to crash the process.
 */
export function dispatchCommands(socket: Socket, who: Identity, address: string, deps: DispatcherDeps) {
  return (...args: unknown[]): void => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (answer: Ack<unknown>) => void) : undefined;
    const [name, payload] = ack ? args.slice(0, -1) : args;
    const received = performance.now();
    void run(name, payload).then((answer) => {
      const command = isCommandName(name) ? name : '(unknown)';
      deps.metrics.commandAnswered(command, answer.ok ? 'ok' : answer.error.code, (performance.now() - received) / 1000);
      try {
        ack?.(answer);
      } catch (error) {
        deps.logError(error, { command: name });
      }
    });
  };

  async function run(name: unknown, payload: unknown): Promise<Ack<unknown>> {
    // Charged first: a refused or invalid command costs its sender as much as a valid one.
    try {
      await deps.limiter.charge(commandCharges(String(name), who, address, deps.limiter.limits));
    } catch (error) {
      return failed(error, name);
    }
    if (!isCommandName(name)) {
      return refuse({ code: 'UNKNOWN_COMMAND', message: `Unknown command: ${JSON.stringify(name)?.slice(0, 80) ?? String(name)}.` });
    }
    if (commandBytes(name, payload) > MAX_COMMAND_BYTES) {
      return refuse({ code: 'PAYLOAD_TOO_LARGE', message: `The command is larger than ${MAX_COMMAND_BYTES} bytes (1 MiB) of JSON.` });
    }
    // The sweep closes a socket whose token expired only every few seconds: until then, refuse here.
    // auth.refresh stays open: a fresh token of the same agent is the way back.
    if (who.kind === 'agent' && who.expiresAt <= deps.now() && name !== 'auth.refresh') {
      return refuse({ code: 'UNAUTHENTICATED', message: 'The token of this connection has expired: refresh it or sign in again.' });
    }
    const allowed = commandSchemas[name].who;
    if (allowed !== 'any' && allowed !== who.kind) {
      return refuse({ code: 'FORBIDDEN', message: `Only ${allowed === 'agent' ? 'agents' : 'webchat visitors'} can send ${name}.` });
    }
    // valibot's strictObject takes an array for an object (and reports its indexes as keys).
    if (Array.isArray(payload)) {
      return refuse({
        code: 'INVALID_PAYLOAD',
        message: 'The payload is not valid.',
        fields: { '(payload)': 'must be an object, not an array' },
      });
    }
    const parsed = parseCommand(name, payload);
    if (!parsed.ok) return refuse({ code: 'INVALID_PAYLOAD', message: 'The payload is not valid.', fields: parsed.fields });
    try {
      const agent = who.kind === 'agent' ? await deps.services.teams.agent(who.agentId) : null;
      const handler = commandHandlers[name] as (ctx: unknown, payload: unknown) => Promise<unknown>;
      const data = await handler({ who, agent, socket, io: deps.io, services: deps.services }, parsed.value);
      return { ok: true, data };
    } catch (error) {
      return failed(error, name);
    }
  }

  function failed(error: unknown, name: unknown): Ack<never> {
    const refusal = refusalOf(error);
    if (refusal) return refuse(refusal.toProtocolError());
    deps.logError(error, { command: name as CommandName, socket: socket.id });
    return refuse({ code: 'INTERNAL', message: 'The server failed to apply this command. Nothing was changed; retry later.' });
  }
}

const refuse = (error: ProtocolError): Ack<never> => ({ ok: false, error });
