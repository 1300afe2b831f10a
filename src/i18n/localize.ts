import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from './en.js';
import { es } from './es.js';
import { ptBR, type Translation } from './pt-BR.js';

export type Language = 'pt-BR' | 'en' | 'es';
export const translations: Readonly<Record<Language, Translation>> = { 'pt-BR': ptBR, en, es };

/** `pt`, `pt-PT` → pt-BR; `en-US` → en; `es-AR` → es; anything else → pt-BR, the source language. */
export function languageOf(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : primary === 'es' ? 'es' : 'pt-BR';
}

/** The nearest `lang` from the element outwards, crossing shadow roots through their hosts. */
export function resolveLangTag(element: Element): string {
  for (let node: Node | null = element; node; ) {
    // `.lang`, not the attribute: a Conecta element's own property is set before it is reflected.
    const lang = node instanceof HTMLElement ? node.lang : node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return lang;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return document.documentElement.lang || 'pt-BR';
}

// One observer for the whole page: a `lang` change anywhere in the document re-renders every
// localized element (cheap: it is filtered to one attribute and changes rarely).
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | null = null;
function watchLang(host: ReactiveControllerHost): void {
  hosts.add(host);
  observer ??= new MutationObserver(() => hosts.forEach((each) => each.requestUpdate()));
  if (hosts.size === 1) observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}
function unwatchLang(host: ReactiveControllerHost): void {
  hosts.delete(host);
  if (hosts.size === 0) observer?.disconnect();
}

// Intl formatters are costly to build and a queue formats every row every second: keep them.
const formatters = new Map<string, unknown>();
function formatter<O, F>(Ctor: new (locale: string, options: O) => F, locale: string, options: O): F {
  const key = `${Ctor.name}|${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key) as F | undefined;
  if (!cached) formatters.set(key, (cached = new Ctor(locale, options)));
  return cached;
}

/**
 * Gives an element its texts and Intl formatters in the language that applies to it: its own
 * `lang`, else the nearest ancestor's, else the page's, else pt-BR.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    watchLang(this.#host);
  }

  hostDisconnected(): void {
    unwatchLang(this.#host);
  }

  /** The BCP 47 tag for Intl: the tag found when it is of a supported language (keeps `en-GB`). */
  get locale(): string {
    const tag = resolveLangTag(this.#host);
    const language = languageOf(tag);
    const sameLanguage = tag.slice(0, 2).toLowerCase() === language.slice(0, 2);
    try {
      return sameLanguage && Intl.DateTimeFormat.supportedLocalesOf(tag).length ? tag : language;
    } catch {
      return language; // not a well-formed tag
    }
  }

  get language(): Language {
    return languageOf(resolveLangTag(this.#host));
  }

  /** The translation table: `this.localize.t.queue.accept`. */
  get t(): Translation {
    return translations[this.language];
  }

  /** A clock time, e.g. `14:05` (or `2:05 PM` in en-US). */
  time(timestamp: number): string {
    return formatter(Intl.DateTimeFormat, this.locale, { timeStyle: 'short' }).format(timestamp);
  }

  /** A full date and time, for titles and tooltips. */
  dateTime(timestamp: number): string {
    return formatter(Intl.DateTimeFormat, this.locale, { dateStyle: 'short', timeStyle: 'short' }).format(timestamp);
  }

  /** An elapsed time: `45 s`, `3 min`, `1 h 05 min`. */
  duration(milliseconds: number): string {
    const seconds = Math.max(0, Math.floor(milliseconds / 1000));
    const unit = (value: number, name: 'second' | 'minute' | 'hour', digits = 1) =>
      formatter(Intl.NumberFormat, this.locale, { style: 'unit', unit: name, unitDisplay: 'short', minimumIntegerDigits: digits }).format(value);
    if (seconds < 60) return unit(seconds, 'second');
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return unit(minutes, 'minute');
    return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute', 2)}`;
  }

  /** A country's name in the element's language, e.g. `Brasil` for `BR`. */
  region(code: string): string {
    try {
      return new Intl.DisplayNames(this.locale, { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}
