import type { Template } from './entities.js';

/** `{{name}}`, spaces inside the braces allowed; names of letters, digits, `_`, `.` and `-`. */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** The value given for `name`, trimmed; only the object's own keys, so `{{constructor}}` is not read from the prototype. */
function valueOf(variables: Readonly<Record<string, string>>, name: string): string {
  const value = Object.hasOwn(variables, name) ? variables[name] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The template's body with its placeholders filled from `variables` (values trimmed). A placeholder
 * without a value stays as written, so a preview shows what is still to fill.
 */
export function fillTemplate(template: Pick<Template, 'body'>, variables: Readonly<Record<string, string>>): string {
  return template.body.replace(PLACEHOLDER, (placeholder, name: string) => valueOf(variables, name) || placeholder);
}

/** The template's variables that `variables` leaves without a value (blank counts as none), in the template's order. */
export function missingTemplateVariables(template: Pick<Template, 'variables'>, variables: Readonly<Record<string, string>>): string[] {
  return template.variables.filter((name) => !valueOf(variables, name));
}
