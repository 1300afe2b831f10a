import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate, missingTemplateVariables, type Template } from '../../src/protocol/index.js';

const template = (body: string, variables: string[] = []): Pick<Template, 'body' | 'variables'> => ({ body, variables });

describe('template filling', () => {
  it('fills every placeholder of a variable, wherever it appears', () => {
    assert.equal(fillTemplate(template('Olá {{nome}}, {{nome}}!'), { nome: 'Maria' }), 'Olá Maria, Maria!');
  });

  it('accepts spaces inside the braces and names with dots and dashes', () => {
    assert.equal(
      fillTemplate(template('{{ nome }} / {{pedido.numero}} / {{data-limite}}'), {
        nome: 'Ana',
        'pedido.numero': '42',
        'data-limite': 'amanhã',
      }),
      'Ana / 42 / amanhã',
    );
  });

  it('trims the values it puts in', () => {
    assert.equal(fillTemplate(template('Olá {{nome}}.'), { nome: '  Maria  ' }), 'Olá Maria.');
  });

  it('leaves a placeholder without a value as written, blank values included', () => {
    assert.equal(fillTemplate(template('Olá {{ nome }}, vence em {{data}}.'), { data: '   ' }), 'Olá {{ nome }}, vence em {{data}}.');
  });

  it('does not read a value as a placeholder: a filled value keeps its braces', () => {
    assert.equal(fillTemplate(template('{{a}} {{b}}'), { a: '{{b}}', b: 'B' }), '{{b}} B');
  });

  it('reads only the values given: a placeholder named like an Object built-in is not filled from the prototype', () => {
    assert.equal(fillTemplate(template('{{constructor}} {{toString}} {{__proto__}}'), {}), '{{constructor}} {{toString}} {{__proto__}}');
    assert.equal(fillTemplate(template('{{constructor}}'), { constructor: 'C' }), 'C');
  });

  it('takes only the braces it knows: single braces and other characters stay text', () => {
    assert.equal(fillTemplate(template('{nome} {{nome!}} {{}}'), { nome: 'Maria' }), '{nome} {{nome!}} {{}}');
  });
});

describe('missing template variables', () => {
  it('lists the declared variables without a value, in the template order, blank counting as none', () => {
    assert.deepEqual(missingTemplateVariables(template('', ['nome', 'numero', 'data']), { numero: ' ', nome: 'Maria' }), [
      'numero',
      'data',
    ]);
  });

  it('counts a variable named like an Object built-in as missing until it is given', () => {
    assert.deepEqual(missingTemplateVariables(template('', ['constructor', 'toString']), {}), ['constructor', 'toString']);
  });

  it('is empty when every declared variable has a value, whatever else is given', () => {
    assert.deepEqual(missingTemplateVariables(template('', ['nome']), { nome: 'Maria', extra: 'x' }), []);
  });
});
