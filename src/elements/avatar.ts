import { css, html, nothing, type TemplateResult } from 'lit';
import { tokens as t } from '../styles/tokens.js';

export interface AvatarOptions {
  /** Whose: the initials come from it (and its tone). */
  name: string;
  /** The photo, when there is one; the initials show while it loads and if it fails (an expired url). */
  photoUrl?: string | null;
  /** `s` 24 px (a compact row), `m` 32 px (a list row), `l` 40 px (a header). */
  size?: 's' | 'm' | 'l';
}

const TONES = 6;

/** Up to two letters: the first of the first and of the last word ("Ana Lima" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const first = (word: string) => Array.from(word)[0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words.at(-1)!);
}

/** The same name always gets the same tone, so people are told apart at a glance. */
function toneOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % TONES;
}

/**
 * A person's avatar: the photo, else the initials on a tone of their own. Decorative (hidden from
 * assistive technology): it always stands beside the name. Styles: `avatarStyles`, in every agent element.
 */
export function avatar({ name, photoUrl, size = 'm' }: AvatarOptions): TemplateResult {
  return html`<span class="avatar ${size} tone-${toneOf(name)}" part="avatar" aria-hidden="true"
    ><span class="initials">${initials(name)}</span>${
      photoUrl
        ? html`<img src=${photoUrl} alt="" loading="lazy" @error=${(event: Event) => ((event.target as HTMLElement).hidden = true)} />`
        : nothing
    }</span
  >`;
}

export const avatarStyles = css`
  .avatar {
    --_tone: ${t.brand};
    position: relative;
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    border-radius: ${t.radiusFull};
    overflow: hidden;
    /* A light tint of the tone on the surface, so the text colour reads on it in both themes. */
    background: color-mix(in srgb, var(--_tone) 22%, ${t.surface});
    color: ${t.text};
    font-size: ${t.fontSizeS};
    font-weight: ${t.fontWeightStrong};
    line-height: 1;
    user-select: none;
  }
  .avatar.s {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    font-size: 0.625rem;
  }
  .avatar.l {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    font-size: ${t.fontSize};
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .tone-1 {
    --_tone: #1e7a3c;
  }
  .tone-2 {
    --_tone: #8a5300;
  }
  .tone-3 {
    --_tone: #7b3fa0;
  }
  .tone-4 {
    --_tone: #b3261e;
  }
  .tone-5 {
    --_tone: #0a6176;
  }
`;
