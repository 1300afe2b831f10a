import type { ContactValidationTranslation } from './pt-BR.js';

export const contactValidationEs: ContactValidationTranslation = {
  problems: {
    required: 'Completa este campo.',
    tooLong: 'El texto es demasiado largo.',
    document: 'Ingresa un CPF o CNPJ válido.',
    phone: 'Ingresa un teléfono válido para el país elegido.',
    email: 'Ingresa un correo electrónico válido.',
    date: 'Ingresa una fecha válida.',
    futureDate: 'La fecha no puede estar en el futuro.',
    uf: 'Elige un estado (UF) de la lista.',
    cep: 'El CEP tiene 8 dígitos.',
    choice: 'Elige una opción de la lista.',
    account: 'Elige una cuenta activa de la lista.',
  },
  duplicate: (name) => `Ya pertenece al contacto ${name}.`,
  addressTypes: { home: 'Residencial', work: 'Trabajo', billing: 'Facturación', delivery: 'Entrega', other: 'Otro' },
  houseTypes: {
    house: 'Casa',
    apartment: 'Departamento',
    condominium: 'Condominio',
    commercial: 'Comercial',
    rural: 'Rural',
    other: 'Otro',
  },
};
