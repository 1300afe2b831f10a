// Types of set-password-texts.js, for the tests that read its texts.
export type PageLanguage = 'pt-BR' | 'en' | 'es';
export interface PageTexts {
  pageTitle: string;
  title: string;
  hint: string;
  password: string;
  confirmation: string;
  show: string;
  save: string;
  saving: string;
  done: string;
  desk: string;
  tooShort: string;
  tooLong: string;
  mismatch: string;
  missingLink: string;
  expired: string;
  used: string;
  invalid: string;
  rateLimited: (seconds: number) => string;
  offline: string;
  failed: string;
}
export const MIN_LENGTH: number;
export const TEXTS: Record<PageLanguage, PageTexts>;
export function pageLanguage(languages?: readonly string[]): PageLanguage;
