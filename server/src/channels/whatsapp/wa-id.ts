/**
 * A WhatsApp id (`wa_id`, the sender of an inbound message) as the phone number Conecta stores (E.164).
 *
 * Brazilian mobiles gained a ninth digit (a leading 9) between 2012 and 2016, but WhatsApp still names
 * many accounts created before it by the old eight-digit number: `55 11 8765-4321` writes for the
 * contact saved as `+55 11 98765-4321`. Without the digit put back, that contact's messages open a
 * second contact. An eight-digit Brazilian number starting with 6 to 9 was a mobile (landlines start
 * with 2 to 5), so only those gain it.
 */
export function phoneOfWaId(waId: string): string {
  const digits = waId.replace(/^\+/, '');
  const oldBrazilianMobile = /^55([1-9]\d)([6-9]\d{7})$/.exec(digits);
  return oldBrazilianMobile ? `+55${oldBrazilianMobile[1]}9${oldBrazilianMobile[2]}` : `+${digits}`;
}
