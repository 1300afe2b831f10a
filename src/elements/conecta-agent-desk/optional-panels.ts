/**
 * The desk's panels whose elements may not be on the page (a bundle without them, or loaded
 * later): until its tag is defined, a panel takes no room; once it is, the desk renders again.
 */
export class OptionalPanels {
  /** Tags already waited for: one `whenDefined` each. */
  readonly #waiting = new Set<string>();

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** Whether `tag` is defined now; if not, the host updates when it is. */
  isDefined(tag: string): boolean {
    if (customElements.get(tag)) return true;
    if (!this.#waiting.has(tag)) {
      this.#waiting.add(tag);
      void customElements.whenDefined(tag).then(() => this.host.requestUpdate());
    }
    return false;
  }
}
