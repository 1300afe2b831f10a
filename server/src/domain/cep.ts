import type { CepAddress } from '../../../src/protocol/index.js';

/**
 * Where `contact.cep` looks a CEP up. The server ships a small local table (`LOCAL_CEP_TABLE`); a
 * company plugs in a real directory (its own database, ViaCEP, the Correios' service) by passing
 * its own provider as `cepProvider` to `createServer` (docs/crm.md, "CEP lookup").
 */
export interface CepProvider {
  /** The address of an 8-digit CEP, or null when the provider does not know it. Throws only when it cannot answer now. */
  lookup(cep: string): Promise<CepAddress | null>;
}

/** A provider over a fixed list of addresses. */
export function localCepProvider(addresses: readonly CepAddress[]): CepProvider {
  const byCep = new Map(addresses.map((address) => [address.cep, address]));
  return {
    async lookup(cep) {
      const found = byCep.get(cep);
      return found ? { ...found } : null;
    },
  };
}

/** A few real CEPs, enough to try the lookup in the demo and the tests without a network. */
export const LOCAL_CEP_TABLE: readonly CepAddress[] = [
  { cep: '01310100', street: 'Avenida Paulista', neighbourhood: 'Bela Vista', city: 'São Paulo', uf: 'SP' },
  { cep: '01001000', street: 'Praça da Sé', neighbourhood: 'Sé', city: 'São Paulo', uf: 'SP' },
  { cep: '04538133', street: 'Avenida Brigadeiro Faria Lima', neighbourhood: 'Itaim Bibi', city: 'São Paulo', uf: 'SP' },
  { cep: '70150900', street: 'Praça dos Três Poderes', neighbourhood: 'Zona Cívico-Administrativa', city: 'Brasília', uf: 'DF' },
];
