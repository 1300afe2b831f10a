import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressProblems,
  BRAZILIAN_UFS,
  contactProblemOf,
  contactProblems,
  CONTACT_PROBLEM_MESSAGES,
  emptyContactRecord,
  formatCep,
  formatDocument,
  isCep,
  isCnpj,
  isCpf,
  isCpfOrCnpj,
  isIsoDate,
  isPhoneNumber,
  isUf,
  latestTodayAnywhere,
  localIsoDate,
  parseCommand,
  toE164,
  type ContactAddressDraft,
  type ContactDraft,
} from '../../src/protocol/index.js';

const TODAY = '2026-12-03';

function aDraft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  const { active: _active, photo: _photo, ...empty } = emptyContactRecord();
  return { name: 'Maria Souza', email: null, phone: null, document: null, ...empty, photoFileId: null, ...overrides };
}

function anAddress(overrides: Partial<ContactAddressDraft> = {}): ContactAddressDraft {
  return {
    id: 'ad-1',
    type: null,
    cep: null,
    street: null,
    number: null,
    complement: null,
    neighbourhood: null,
    city: null,
    reference: null,
    location: null,
    houseType: null,
    uf: null,
    ...overrides,
  };
}

const PAULISTA = anAddress({
  type: 'work',
  cep: '01310100',
  street: 'Avenida Paulista',
  number: '1578',
  neighbourhood: 'Bela Vista',
  city: 'São Paulo',
  uf: 'SP',
});

describe('CPF and CNPJ check digits', () => {
  it('accepts published valid CPFs', () => {
    // 111.444.777-35 is the worked example of the check-digit algorithm; the others are well-known test numbers.
    for (const cpf of ['11144477735', '52998224725', '12345678909']) assert.equal(isCpf(cpf), true, cpf);
  });

  it('refuses CPFs with a wrong check digit, a wrong length or all the same digit', () => {
    for (const cpf of ['11144477734', '52998224724', '12345678900', '1114447773', '111444777350']) assert.equal(isCpf(cpf), false, cpf);
    for (let digit = 0; digit <= 9; digit++) assert.equal(isCpf(String(digit).repeat(11)), false, `${digit} × 11`);
  });

  it('accepts published valid CNPJs', () => {
    // Banco do Brasil, Petrobras, Itaú Unibanco, and the algorithm's worked example.
    for (const cnpj of ['00000000000191', '33000167000101', '60701190000104', '11222333000181']) assert.equal(isCnpj(cnpj), true, cnpj);
  });

  it('refuses CNPJs with a wrong check digit or all the same digit', () => {
    for (const cnpj of ['00000000000190', '33000167000102', '11222333000180', '11222333000171']) assert.equal(isCnpj(cnpj), false, cnpj);
    for (let digit = 0; digit <= 9; digit++) assert.equal(isCnpj(String(digit).repeat(14)), false, `${digit} × 14`);
  });

  it('tells a CPF from a CNPJ by its length', () => {
    assert.equal(isCpfOrCnpj('11144477735'), true);
    assert.equal(isCpfOrCnpj('11222333000181'), true);
    assert.equal(isCpfOrCnpj('111444777'), false);
    assert.equal(isCpfOrCnpj('112223330001810'), false);
  });
});

describe('input masks', () => {
  it('masks a CPF as it is typed, then a CNPJ past 11 digits', () => {
    assert.equal(formatDocument('111'), '111');
    assert.equal(formatDocument('1114'), '111.4');
    assert.equal(formatDocument('111444777'), '111.444.777');
    assert.equal(formatDocument('11144477735'), '111.444.777-35');
    assert.equal(formatDocument('112223330001'), '11.222.333/0001');
    assert.equal(formatDocument('11.222.333/0001-81'), '11.222.333/0001-81');
    assert.equal(formatDocument('11222333000181999'), '11.222.333/0001-81');
  });

  it('masks a CEP and drops anything but its 8 digits', () => {
    assert.equal(formatCep('01310'), '01310');
    assert.equal(formatCep('013101'), '01310-1');
    assert.equal(formatCep('01310100'), '01310-100');
    assert.equal(formatCep('01.310-1009'), '01310-100');
  });
});

describe('phones', () => {
  it('turns Brazilian mobile and landline numbers into E.164', () => {
    assert.equal(toE164('BR', '(11) 98765-4321'), '+5511987654321');
    assert.equal(toE164('BR', '11 3333-4444'), '+551133334444');
    assert.equal(toE164('BR', '021 2222-3333'), '+552122223333');
  });

  it('turns foreign numbers into E.164 with their own country', () => {
    assert.equal(toE164('US', '(202) 555-0143'), '+12025550143');
    assert.equal(toE164('PT', '912 345 678'), '+351912345678');
    assert.equal(toE164('AR', '11 4321-5678'), '+541143215678');
  });

  it('refuses numbers that are not valid for the country', () => {
    assert.equal(toE164('BR', '123'), null);
    assert.equal(toE164('BR', '(11) 0000-000'), null);
    assert.equal(toE164('BR', 'not a phone'), null);
  });

  it('checks a stored E.164 number for its country, not only its shape', () => {
    assert.equal(isPhoneNumber('+5511987654321'), true);
    assert.equal(isPhoneNumber('+12025550143'), true);
    assert.equal(isPhoneNumber('+5511'), false);
    // The E.164 shape, but no Brazilian number starts with area code 00.
    assert.equal(isPhoneNumber('+550012345678'), false);
    assert.equal(isPhoneNumber('5511987654321'), false);
  });
});

describe('dates, UF and CEP', () => {
  it('accepts real calendar days only', () => {
    assert.equal(isIsoDate('1990-05-17'), true);
    assert.equal(isIsoDate('2024-02-29'), true);
    for (const bad of ['2023-02-29', '1990-13-01', '1990-00-10', '1990-5-17', '17/05/1990', '']) assert.equal(isIsoDate(bad), false, bad);
  });

  it('refuses a birth date after today, and takes today as given', () => {
    assert.deepEqual(contactProblems(aDraft({ birthDate: '2026-12-03' }), { today: TODAY }), {});
    assert.deepEqual(contactProblems(aDraft({ birthDate: '2026-12-04' }), { today: TODAY }), { birthDate: 'futureDate' });
    assert.deepEqual(contactProblems(aDraft({ birthDate: '2026-12-04' }), { today: '2026-12-04' }), {});
    assert.deepEqual(contactProblems(aDraft({ birthDate: '1990-02-30' }), { today: TODAY }), { birthDate: 'date' });
  });

  it('compares on the server with the latest date that is today anywhere, and in the browser with the local one', () => {
    // 12:00 UTC on 3 December: already 4 December at UTC+14.
    assert.equal(latestTodayAnywhere(Date.UTC(2026, 11, 3, 12)), '2026-12-04');
    assert.equal(latestTodayAnywhere(Date.UTC(2026, 11, 3, 9)), '2026-12-03');
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('knows the 27 UFs and nothing else', () => {
    assert.equal(BRAZILIAN_UFS.length, 27);
    assert.equal(new Set(BRAZILIAN_UFS).size, 27);
    for (const uf of ['SP', 'RJ', 'DF', 'TO', 'AC']) assert.equal(isUf(uf), true, uf);
    for (const uf of ['sp', 'XX', 'BR', 'GB', '']) assert.equal(isUf(uf), false, uf);
  });

  it('takes a CEP of exactly 8 digits', () => {
    assert.equal(isCep('01310100'), true);
    for (const bad of ['0131010', '013101000', '01310-10', 'abcdefgh']) assert.equal(isCep(bad), false, bad);
  });
});

describe('the whole record', () => {
  it('passes a complete, valid record', () => {
    const contact = aDraft({
      email: 'maria@example.com.br',
      phone: '+5511987654321',
      phone2: '+12025550143',
      document: '111.444.777-35',
      birthDate: '1990-05-17',
      addresses: [PAULISTA],
    });
    assert.deepEqual(contactProblems(contact, { today: TODAY }), {});
  });

  it('names each invalid field with its problem', () => {
    const contact = aDraft({
      name: ' ',
      email: 'maria@',
      phone: '+5511',
      phone2: '+550012345678',
      document: '111.444.777-34',
      motherName: 'x'.repeat(121),
    });
    assert.deepEqual(contactProblems(contact, { today: TODAY }), {
      name: 'required',
      email: 'email',
      phone: 'phone',
      phone2: 'phone',
      document: 'document',
      motherName: 'tooLong',
    });
  });

  it("requires the company's fields, empty lists included, and always the name", () => {
    const problems = contactProblems(aDraft({ name: '' }), { today: TODAY, requiredFields: ['phone', 'document', 'tagIds', 'addresses'] });
    assert.deepEqual(problems, { name: 'required', phone: 'required', document: 'required', tagIds: 'required', addresses: 'required' });
  });

  it('turns the server message of a problem back into the problem', () => {
    assert.equal(contactProblemOf(CONTACT_PROBLEM_MESSAGES.futureDate), 'futureDate');
    assert.equal(contactProblemOf('something the module never wrote'), null);
  });
});

describe('the address rule', () => {
  it('ignores an address with nothing filled in', () => {
    assert.deepEqual(addressProblems(anAddress()), {});
    assert.deepEqual(addressProblems(anAddress({ street: '  ' })), {});
  });

  it('requires type, CEP, street, number, neighbourhood, city and UF once any field is filled, even an optional one', () => {
    const required = {
      type: 'required',
      cep: 'required',
      street: 'required',
      number: 'required',
      neighbourhood: 'required',
      city: 'required',
      uf: 'required',
    };
    assert.deepEqual(addressProblems(anAddress({ reference: 'Perto do metrô' })), required);
    assert.deepEqual(addressProblems({ ...PAULISTA, number: null }), { number: 'required' });
  });

  it('checks the CEP, the UF and the choices of a started address', () => {
    assert.deepEqual(addressProblems({ ...PAULISTA, cep: '0131010', uf: 'XX', type: 'castle', houseType: 'igloo' }), {
      cep: 'cep',
      uf: 'uf',
      type: 'choice',
      houseType: 'choice',
    });
    assert.deepEqual(addressProblems({ ...PAULISTA, cep: '01310-100', complement: 'Conjunto 12', houseType: 'commercial' }), {});
  });

  it("reports an address's problems by its place in the list", () => {
    const contact = aDraft({ addresses: [PAULISTA, anAddress({ id: 'ad-2', city: 'Campinas' })] });
    const problems = contactProblems(contact, { today: TODAY });
    assert.equal(problems['addresses.1.cep'], 'required');
    assert.equal(problems['addresses.1.city'], undefined);
    assert.equal(
      Object.keys(problems).some((path) => path.startsWith('addresses.0.')),
      false,
    );
  });
});

describe("contact.save's schema", () => {
  it('keeps accepting what clients sent before the whole record', () => {
    const parsed = parseCommand('contact.save', {
      id: 'ct-1',
      name: 'Maria',
      email: null,
      phone: '+5511987654321',
      document: '111.444.777-35',
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.document, '11144477735');
    // Left out: kept as saved, not cleared.
    assert.equal(parsed.value.motherName, undefined);
    assert.equal(parsed.value.addresses, undefined);
  });

  it('refuses each malformed field with the same messages as the shared rules', () => {
    const parsed = parseCommand('contact.save', {
      id: 'ct-1',
      name: 'Maria',
      phone2: '+5511',
      birthDate: '03/12/1990',
      addresses: [{ id: 'ad-1', cep: '123', uf: 'XX' }],
    });
    assert.ok(!parsed.ok);
    assert.equal(parsed.fields.phone2, CONTACT_PROBLEM_MESSAGES.phone);
    assert.equal(parsed.fields.birthDate, CONTACT_PROBLEM_MESSAGES.date);
    assert.equal(parsed.fields['addresses.0.cep'], CONTACT_PROBLEM_MESSAGES.cep);
    assert.equal(parsed.fields['addresses.0.uf'], CONTACT_PROBLEM_MESSAGES.uf);
  });

  it('stores empty texts as null and a masked CEP as its digits', () => {
    const parsed = parseCommand('contact.save', {
      id: 'ct-1',
      name: 'Maria',
      rg: '  ',
      addresses: [{ id: 'ad-1', cep: '01310-100', street: '' }],
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.rg, null);
    assert.equal(parsed.value.addresses?.[0]?.cep, '01310100');
    assert.equal(parsed.value.addresses?.[0]?.street, null);
  });
});
