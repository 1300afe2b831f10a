/**
 * The placeholder launcher's accessible name: the widget's own launcher label (`openChat` in
 * src/i18n/webchat/), so nothing changes for a screen-reader user when the widget replaces it.
 * Only these strings: the loader must stay far below its 3 KB budget.
 */
const labels: Record<string, string> = {
  pt: 'Abrir chat',
  en: 'Open chat',
  es: 'Abrir chat',
};

/** The label for a language tag (`en-US` → English); Portuguese, the source language, otherwise. */
export function launcherLabel(lang: string): string {
  return labels[lang.slice(0, 2).toLowerCase()] ?? labels.pt;
}

/**
 * The language the widget will speak without `data-lang`, by the widget's own rule
 * (src/i18n/language.ts, `preferBrowser`): the visitor's first preferred language among pt, en and
 * es, else the page's, else pt-BR.
 */
export function widgetLanguage(): string {
  return navigator.languages.find((tag) => /^(pt|en|es)\b/i.test(tag)) || document.documentElement.lang || 'pt-BR';
}
