import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ConfirmationOptions {
  /** The control that gets focus when the question shows (usually the button that confirms). */
  confirmControl: () => HTMLElement | null | undefined;
  /** Where focus goes back when the question is cancelled (usually the button that asked). */
  opener: () => HTMLElement | null | undefined;
}

/**
 * The flow of an inline "are you sure?" before a destructive action: `ask()` shows the question
 * (the host renders it while `asking`) and focuses its confirming control; `cancel()` or Escape
 * hides it and returns focus to the opener; `close()` hides it once answered. The host renders
 * the question itself (its words and layout differ) and binds `onKeydown` on it.
 */
export class ConfirmationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ConfirmationOptions;
  #asking = false;

  constructor(host: ReactiveControllerHost, options: ConfirmationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the question is showing. */
  get asking(): boolean {
    return this.#asking;
  }

  /** Show the question and move focus to its confirming control. */
  async ask(): Promise<void> {
    this.#set(true);
    await this.#host.updateComplete;
    if (this.#asking) this.#options.confirmControl()?.focus();
  }

  /** Hide the question unanswered; focus returns to the opener. */
  async cancel(): Promise<void> {
    if (!this.#asking) return;
    this.#set(false);
    await this.#host.updateComplete;
    this.#options.opener()?.focus();
  }

  /** Hide the question (answered, or no longer relevant): focus stays where the host puts it. */
  close(): void {
    if (this.#asking) this.#set(false);
  }

  hostDisconnected(): void {
    // A question left open is not asked again when the element comes back.
    this.#asking = false;
  }

  /** Escape cancels (and goes no further: an enclosing dialog stays open). */
  readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.#asking) return;
    event.preventDefault();
    event.stopPropagation();
    void this.cancel();
  };

  #set(asking: boolean): void {
    this.#asking = asking;
    this.#host.requestUpdate();
  }
}
