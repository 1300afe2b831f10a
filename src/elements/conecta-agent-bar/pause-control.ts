import { html, nothing } from 'lit';
import type { AgentAvailability, PauseType } from '../../protocol/entities.js';
import type { AgentBarTranslation } from '../../i18n/agent-bar/pt-BR.js';
import { clockTime } from './agent-identity.js';

export interface PauseControlInput {
  t: AgentBarTranslation['pause'];
  availability: AgentAvailability | null;
  pauseTypes: readonly PauseType[];
  now: number;
  /** An elapsed time in the element's language (`5 min`). */
  duration: (milliseconds: number) => string;
  busy: boolean;
  error: string;
  pause: (pauseTypeId: string) => void;
  resume: () => void;
}

/** How far past its limit the pause is, in ms (0 within it, or without a limit). */
export function overLimitBy(availability: AgentAvailability | null, now: number): number {
  if (availability?.state !== 'paused' || availability.pauseLimitMs === null) return 0;
  return Math.max(0, now - availability.since - availability.pauseLimitMs);
}

/**
 * Not paused: the pause types and "Pause" (nothing without types). Paused: which pause, its countdown (or how long, without a
 * limit), a warning past the limit, and "End pause".
 */
export function renderPauseControl(input: PauseControlInput) {
  const { t, availability, now } = input;
  const error = input.error ? html`<p class="pause-error" role="alert">${input.error}</p>` : nothing;
  if (availability?.state === 'paused') {
    const type = input.pauseTypes.find((each) => each.id === availability.pauseTypeId);
    // The clock ticks each second: a pause started since its last tick has not begun yet.
    const elapsed = Math.max(0, now - availability.since);
    const over = overLimitBy(availability, now);
    const limit = availability.pauseLimitMs;
    return html`<div part="pause" class="pause paused">
      <span class="pause-name">${t.paused(type?.name ?? t.unknownType)}</span>
      ${
        limit === null
          ? html`<span part="pause-time">${t.noLimit(input.duration(elapsed))}</span>`
          : over > 0
            ? nothing
            : html`<span part="pause-time" class="countdown">${t.remaining(clockTime(limit - elapsed))}</span>`
      }
      <button type="button" class="primary" ?disabled=${input.busy} @click=${input.resume}>${t.end}</button>
      ${over > 0 ? html`<p part="pause-warning" class="over-limit" role="alert">${t.overLimit(input.duration(over))}</p>` : nothing}
      ${error}
    </div>`;
  }
  // A company without pause types has nothing to choose from.
  if (input.pauseTypes.length === 0) return error;
  return html`<form
    part="pause"
    class="pause"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const select = (event.target as HTMLFormElement).elements.namedItem('pause-type') as HTMLSelectElement;
      if (select.value) input.pause(select.value);
    }}
  >
    <select name="pause-type" aria-label=${t.choose}>
      ${input.pauseTypes.map(
        (type) =>
          html`<option value=${type.id} dir="auto">
            ${type.name}${type.timeLimitMs === null ? '' : ` (${input.duration(type.timeLimitMs)})`}
          </option>`,
      )}
    </select>
    <button type="submit" ?disabled=${input.busy}>${t.start}</button>
    ${error}
  </form>`;
}
