import { ConectaError, type Ack, type ProtocolError } from '../protocol/errors.js';
import { commandBytes, MAX_COMMAND_BYTES } from '../protocol/limits.js';

/** How a command reaches the server: one emit that resolves with the ack, or rejects on timeout. */
export type Transmit = (name: string, payload: unknown, timeoutMs: number) => Promise<Ack<unknown>>;

export interface OutboxOptions {
  /** How long one attempt waits for its acknowledgement. */
  attemptTimeoutMs: number;
  /** Attempts made while connected before the command fails with TIMEOUT. */
  maxAttempts: number;
}

interface Entry {
  name: string;
  payload: unknown;
  /** Entries of one lane go one at a time, in order (a session's messages); others go at once. */
  lane: string | null;
  attempts: number;
  /** The attempt now travelling, if any; a connection drop abandons it (see `setOnline`). */
  inFlight: object | null;
  /** Waiting out a RATE_LIMITED answer's retry time before it is sent again. */
  held: boolean;
  resolve(data: unknown): void;
  reject(error: ConectaError): void;
}

/**
 * Commands waiting for their acknowledgement. Every command of the protocol is idempotent (messages,
 * contacts and sessions carry client-generated ids; accept and finish tolerate a repeat by the same
 * caller), so an entry whose ack never came is simply sent again. socket.io's own `retries` is not
 * used: it blocks the whole queue behind one slow ack.
 */
export class Outbox {
  readonly #entries: Entry[] = [];
  #online = false;

  constructor(
    private readonly transmit: Transmit,
    private readonly options: OutboxOptions,
  ) {}

  get size(): number {
    return this.#entries.length;
  }

  /** A command over the server's size limit fails at once: sending it could never succeed. */
  enqueue(name: string, payload: unknown, lane: string | null = null): Promise<unknown> {
    if (commandBytes(name, payload) > MAX_COMMAND_BYTES) {
      return Promise.reject(
        new ConectaError({ code: 'PAYLOAD_TOO_LARGE', message: `The command is larger than ${MAX_COMMAND_BYTES} bytes.` }),
      );
    }
    return new Promise((resolve, reject) => {
      this.#entries.push({ name, payload, lane, attempts: 0, inFlight: null, held: false, resolve, reject });
      this.#pump();
    });
  }

  /**
   * The connection came up (flush) or went down (hold everything until it returns). Attempts in
   * flight when it drops are abandoned and not counted: their acknowledgement can no longer come, and
   * waiting for their timeout would hold a session's messages back after the reconnection.
   */
  setOnline(online: boolean): void {
    this.#online = online;
    if (online) this.#pump();
    else {
      for (const entry of this.#entries) {
        if (entry.inFlight === null) continue;
        entry.inFlight = null;
        entry.attempts -= 1;
      }
    }
  }

  /** Fail everything still waiting, e.g. when the client is closed. */
  failAll(error: ProtocolError): void {
    for (const entry of this.#entries.splice(0)) entry.reject(new ConectaError(error));
  }

  #pump(): void {
    if (!this.#online) return;
    const busyLanes = new Set<string>();
    for (const entry of this.#entries) {
      if (entry.lane !== null) {
        if (busyLanes.has(entry.lane)) continue;
        busyLanes.add(entry.lane);
      }
      if (entry.inFlight === null && !entry.held) void this.#attempt(entry);
    }
  }

  async #attempt(entry: Entry): Promise<void> {
    const attempt = {};
    entry.inFlight = attempt;
    entry.attempts += 1;
    let ack: Ack<unknown> | null;
    try {
      ack = await this.transmit(entry.name, entry.payload, this.options.attemptTimeoutMs);
    } catch {
      ack = null; // timed out, or the connection dropped under it
    }
    const abandoned = entry.inFlight !== attempt;
    if (!abandoned) entry.inFlight = null;
    // An abandoned attempt that failed changes nothing (a newer one may be travelling); an answer
    // that still came is as good as any.
    if (ack === null && abandoned) return;
    if (!this.#entries.includes(entry)) return; // settled meanwhile (failAll, or a newer attempt)
    if (ack === null) {
      // Only attempts made while online count: a disconnected client keeps its commands.
      if (!this.#online) entry.attempts -= 1;
      if (entry.attempts >= this.options.maxAttempts) {
        this.#settle(entry);
        entry.reject(new ConectaError({ code: 'TIMEOUT', message: 'The server did not answer in time.' }));
      }
    } else if (!ack.ok && ack.error.code === 'RATE_LIMITED' && ack.error.retryAfterMs) {
      // Answered, so not an attempt lost: wait as told, then send again (a visitor's message is kept).
      entry.attempts -= 1;
      // A flag the timer clears, not a time to compare: a timer may fire a millisecond before Date.now() says.
      entry.held = true;
      setTimeout(() => {
        entry.held = false;
        this.#pump();
      }, ack.error.retryAfterMs);
    } else {
      this.#settle(entry);
      if (ack.ok) entry.resolve(ack.data);
      else entry.reject(new ConectaError(ack.error));
    }
    this.#pump();
  }

  #settle(entry: Entry): void {
    const index = this.#entries.indexOf(entry);
    if (index >= 0) this.#entries.splice(index, 1);
  }
}
