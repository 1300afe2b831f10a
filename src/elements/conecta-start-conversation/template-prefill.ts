import { foldForSearch, type Agent, type Contact, type Template } from '../../protocol/index.js';

/**
 * The value a template variable gets before the agent types anything, when its name says which
 * field of the contact (or of the agent) it is: `nome` → the contact's first name, `agente` → the
 * agent's nickname or name. Names are compared without accents or case, in the languages templates
 * are written in.
 */
const FIELDS: Record<string, (contact: Contact, agent: Agent | null) => string | null> = {
  nome: (c) => firstName(c.name),
  name: (c) => firstName(c.name),
  nombre: (c) => firstName(c.name),
  nome_completo: (c) => c.name,
  full_name: (c) => c.name,
  email: (c) => c.email,
  telefone: (c) => c.phone,
  phone: (c) => c.phone,
  telefono: (c) => c.phone,
  documento: (c) => c.document,
  cpf: (c) => c.document,
  cnpj: (c) => c.document,
  document: (c) => c.document,
  agente: (_, agent) => agent && (agent.nickname ?? agent.name),
  agent: (_, agent) => agent && (agent.nickname ?? agent.name),
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** The template's variables that name a field, with that field's value (the others are left out). */
export function prefilledVariables(template: Template, contact: Contact, agent: Agent | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of template.variables) {
    const value = FIELDS[foldForSearch(variable)]?.(contact, agent);
    if (value) values[variable] = value;
  }
  return values;
}
