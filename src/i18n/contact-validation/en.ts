import type { ContactValidationTranslation } from './pt-BR.js';

export const contactValidationEn: ContactValidationTranslation = {
  problems: {
    required: 'Fill in this field.',
    tooLong: 'This text is too long.',
    document: 'Enter a valid CPF or CNPJ.',
    phone: 'Enter a valid phone number for the chosen country.',
    email: 'Enter a valid e-mail address.',
    date: 'Enter a valid date.',
    futureDate: 'The date cannot be in the future.',
    uf: 'Choose a state (UF) from the list.',
    cep: 'A CEP has 8 digits.',
    choice: 'Choose an option from the list.',
    account: 'Choose an active account from the list.',
  },
  duplicate: (name) => `Already belongs to the contact ${name}.`,
  addressTypes: { home: 'Home', work: 'Work', billing: 'Billing', delivery: 'Delivery', other: 'Other' },
  houseTypes: {
    house: 'House',
    apartment: 'Apartment',
    condominium: 'Gated community',
    commercial: 'Commercial',
    rural: 'Rural',
    other: 'Other',
  },
};
