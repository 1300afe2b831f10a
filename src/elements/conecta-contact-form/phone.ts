// The "min" metadata build: validates by number length and prefix, a fraction of the full size.
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type { CountryCode };
export const DEFAULT_COUNTRY: CountryCode = 'BR';

export interface CallingCodeOption {
  country: CountryCode;
  callingCode: string;
  label: string;
}

/** Every country with its calling code, named and sorted in the reader's language. */
export function callingCodeOptions(regionName: (code: string) => string, locale: string): CallingCodeOption[] {
  const collator = new Intl.Collator(locale);
  return getCountries()
    .map((country) => {
      const callingCode = getCountryCallingCode(country);
      return { country, callingCode, label: `${regionName(country)} (+${callingCode})` };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** DDI + national number → E.164: the rule the server checks too. */
export { toE164 } from '../../protocol/contact-validation.js';

/** E.164 → the country and national number to show in the form. */
export function fromE164(phone: string | null): { country: CountryCode; national: string } {
  const parsed = phone ? parsePhoneNumberFromString(phone) : undefined;
  if (!parsed) return { country: DEFAULT_COUNTRY, national: '' };
  return { country: parsed.country ?? DEFAULT_COUNTRY, national: parsed.formatNational() };
}
