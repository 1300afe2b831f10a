import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { browserLangTag, languageOf, resolveLangTag, type Language } from './language.js';

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
export function formatter<O, F>(Ctor: new (locale: string, options: O) => F, locale: string, options: O): F {
  const key = `${Ctor.name}|${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key) as F | undefined;
  if (!cached) formatters.set(key, (cached = new Ctor(locale, options)));
  return cached;
}

/** With no table loaded at all, how long before trying again. */
const RETRY_MS = 5_000;

/** A language's table, or a function that loads it (e.g. a dynamic import, for a separate chunk). */
export type TableSource<T> = T | (() => Promise<T>);
export type TableSources<T> = Readonly<Record<Language, TableSource<T>>>;

export interface LocalizerOptions {
  /**
   * Without a `lang` of its own, follow the browser's preferred languages before the page's: a
   * visitor's widget speaks the visitor's language, while an agent's panel follows the CRM page.
   */
  preferBrowser?: boolean;
}

/**
 * Gives an element its texts, from the translation tables it brings itself (so a bundle carries
 * only the tables of its elements), and Intl formatters, in the language that applies to it: its
 * own `lang`, else the nearest ancestor's, else the page's, else pt-BR.
 */
export class Localizer<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #sources: TableSources<T>;
  readonly #tables = new Map<Language, T>();
  readonly #loading = new Map<Language, Promise<void>>();
  readonly #preferBrowser: boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, tables: TableSources<T>, options: LocalizerOptions = {}) {
    this.#host = host;
    this.#sources = tables;
    for (const [language, source] of Object.entries(tables) as [Language, TableSource<T>][]) {
      if (typeof source !== 'function') this.#tables.set(language, source);
    }
    this.#preferBrowser = options.preferBrowser ?? false;
    host.addController(this);
  }

  /**
   * Resolves once the table of the language that applies now is loaded. Elements with loaded
   * tables await it before rendering, so a visitor never sees a flash of another language.
   * A table that fails to load (offline) leaves in place the one shown so far, and is tried again on
   * the next render; with none loaded yet there is nothing to render with: it waits and tries again.
   */
  ready(): Promise<void> {
    const language = this.language;
    if (this.#tables.has(language)) return Promise.resolve();
    let loading: Promise<void> | undefined = this.#loading.get(language);
    if (!loading) {
      const load = this.#sources[language] as () => Promise<T>;
      // Nothing loaded yet, and the element still in a page: wait and try again.
      const stuck = () => this.#tables.size === 0 && this.#host.isConnected;
      loading = load().then(
        (table) => {
          this.#tables.set(language, table);
          this.#host.requestUpdate();
        },
        async () => {
          if (stuck()) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          this.#loading.delete(language);
          if (stuck()) await this.ready();
        },
      );
      this.#loading.set(language, loading);
    }
    return loading;
  }

  hostConnected(): void {
    watchLang(this.#host);
  }

  hostDisconnected(): void {
    unwatchLang(this.#host);
  }

  /** The language tag that applies, as found (e.g. `en-GB`). */
  get tag(): string {
    return (this.#preferBrowser && (this.#host.lang || browserLangTag())) || resolveLangTag(this.#host);
  }

  /** The BCP 47 tag for Intl: the tag found when it is of a supported language (keeps `en-GB`). */
  get locale(): string {
    const tag = this.tag;
    const language = languageOf(tag);
    const sameLanguage = tag.slice(0, 2).toLowerCase() === language.slice(0, 2);
    try {
      return sameLanguage && Intl.DateTimeFormat.supportedLocalesOf(tag).length ? tag : language;
    } catch {
      return language; // not a well-formed tag
    }
  }

  get language(): Language {
    return languageOf(this.tag);
  }

  /**
   * The translation table: `this.localize.t.queue.accept`. While another loads, the source
   * language's, else any language's loaded; none before the first table loads (see `ready`).
   */
  get t(): T {
    const table = this.#tables.get(this.language);
    if (table) return table;
    void this.ready();
    return (this.#tables.get('pt-BR') ?? this.#tables.values().next().value)!;
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
    return formatDuration(milliseconds, this.locale);
  }
}

/** An elapsed time in `locale`, rounded down: `45 s`, `3 min`, `1 h 05 min`. */
export function formatDuration(milliseconds: number, locale: string): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const unit = (value: number, name: 'second' | 'minute' | 'hour', digits = 1) =>
    formatter(Intl.NumberFormat, locale, { style: 'unit', unit: name, unitDisplay: 'short', minimumIntegerDigits: digits }).format(value);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  return `${unit(Math.floor(minutes / 60), 'hour')} ${unit(minutes % 60, 'minute', 2)}`;
}
