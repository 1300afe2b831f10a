/**
 * A text a channel's admin writes (greeting, menu prompt, option label), by language tag: e.g.
 * `{ 'pt-BR': 'Olá!', en: 'Hi!', es: '¡Hola!' }`. Any tag may be a key; the widget speaks pt-BR, en
 * and es.
 */
export type ChannelText = Readonly<Record<string, string>>;

/**
 * `text` in `language` (`pt-BR`, `en`): that tag, else its base language (`pt`), else the channel's
 * default language (pt-BR, the source language, when unknown). Null when none has it, or the text is
 * unset: the widget's own text applies. Tags match case-insensitively (`pt-br` is `pt-BR`).
 */
export function pickChannelText(text: ChannelText | null | undefined, language: string, defaultLanguage = 'pt-BR'): string | null {
  const keys = Object.keys(text ?? {});
  for (const tag of [language, language.split('-')[0]!, defaultLanguage]) {
    const key = keys.find((each) => each.toLowerCase() === tag.toLowerCase());
    if (key && text![key]) return text![key]!;
  }
  return null;
}
