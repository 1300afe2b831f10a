import type { ReactiveControllerHost } from 'lit';

/** Where one run of a command stands, with the arguments it was run with. */
export type CommandState<A extends unknown[], R> =
  { status: 'pending'; args: A } | { status: 'done'; args: A; result: R } | { status: 'error'; args: A; error: unknown; message: string };

export interface CommandOptions<A extends unknown[], R> {
  /** The work: usually one client command. */
  run: (...args: A) => Promise<R>;
  /** Which runs are independent (e.g. one per session). Default: one run at a time. */
  key?: (...args: A) => string;
  /** How a failure reads to the user (usually the element's `errorMessage`). */
  errorMessage: (error: unknown) => string;
}

/**
 * The state of an asynchronous command for the template: pending, done (with its result) or failed
 * (with a readable message), per key, re-rendering the host at each change. A run whose key is still
 * pending is ignored (a second click does not send twice), and `clear()` forgets a key so that a
 * late answer is dropped.
 *
 * Ours rather than `@lit/task`: a Task holds one run at a time and aborts the previous one when run
 * again, while a queue accepts several sessions at once and must ignore a double click instead.
 * It only asks its host to re-render: it needs none of the host's lifecycle.
 */
export class CommandController<A extends unknown[], R> {
  readonly #host: ReactiveControllerHost;
  readonly #options: CommandOptions<A, R>;
  readonly #states = new Map<string, CommandState<A, R>>();

  constructor(host: ReactiveControllerHost, options: CommandOptions<A, R>) {
    this.#host = host;
    this.#options = options;
  }

  /** The last run's state for `key` (undefined: never run, or cleared). */
  state(key = ''): CommandState<A, R> | undefined {
    return this.#states.get(key);
  }

  /** Whether a run for `key` is under way. */
  pending(key = ''): boolean {
    return this.#states.get(key)?.status === 'pending';
  }

  /** The readable failure of the last run for `key`, or ''. */
  error(key = ''): string {
    const state = this.#states.get(key);
    return state?.status === 'error' ? state.message : '';
  }

  /**
   * Run the command. Resolves with its final state (it never rejects: failures are states), or with
   * undefined when it was ignored because the same key was pending.
   */
  async run(...args: A): Promise<CommandState<A, R> | undefined> {
    const key = this.#options.key?.(...args) ?? '';
    if (this.pending(key)) return undefined;
    const pending: CommandState<A, R> = { status: 'pending', args };
    this.#set(key, pending);
    let outcome: CommandState<A, R>;
    try {
      outcome = { status: 'done', args, result: await this.#options.run(...args) };
    } catch (error) {
      outcome = { status: 'error', args, error, message: this.#options.errorMessage(error) };
    }
    // Cleared or superseded meanwhile: the answer is no longer anyone's concern.
    if (this.#states.get(key) === pending) this.#set(key, outcome);
    return outcome;
  }

  /** Forget `key`'s state; an answer still on its way is dropped. */
  clear(key = ''): void {
    if (this.#states.delete(key)) this.#host.requestUpdate();
  }

  #set(key: string, state: CommandState<A, R>): void {
    this.#states.set(key, state);
    this.#host.requestUpdate();
  }
}
