import type { AddressType, ContactProblem, HouseType } from '../../protocol/index.js';

/**
 * The contact record's validation problems (`contact-validation.ts`) and its choices, for
 * `<conecta-contact-form>`: one table per language, put under `contactValidation` in the agent tables.
 */
export interface ContactValidationTranslation {
  problems: Record<ContactProblem, string>;
  /** CONTACT_DUPLICATE: `name` is the other contact's, which the form links to. */
  duplicate: (name: string) => string;
  addressTypes: Record<AddressType, string>;
  houseTypes: Record<HouseType, string>;
}

export const contactValidationPtBR: ContactValidationTranslation = {
  problems: {
    required: 'Preencha este campo.',
    tooLong: 'Texto longo demais.',
    document: 'Informe um CPF ou CNPJ válido.',
    phone: 'Informe um telefone válido para o país escolhido.',
    email: 'Informe um e-mail válido.',
    date: 'Informe uma data válida.',
    futureDate: 'A data não pode estar no futuro.',
    uf: 'Escolha uma UF da lista.',
    cep: 'O CEP tem 8 dígitos.',
    choice: 'Escolha uma opção da lista.',
    account: 'Escolha uma conta ativa da lista.',
  },
  duplicate: (name) => `Já pertence ao contato ${name}.`,
  addressTypes: { home: 'Residencial', work: 'Comercial', billing: 'Cobrança', delivery: 'Entrega', other: 'Outro' },
  houseTypes: {
    house: 'Casa',
    apartment: 'Apartamento',
    condominium: 'Condomínio',
    commercial: 'Comercial',
    rural: 'Rural',
    other: 'Outro',
  },
};
