import type { Template } from './entities.js';

/** `{{name}}`, spaces inside the braces allowed; names of letters, digits, `_`, `.` and `-`. */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * The template's body with its placeholders filled from `variables` (values trimmed). A placeholder
 * without a value stays as written, so a preview shows what is still to fill.
 */
export function fillTemplate(template: Pick<Template, 'body'>, variables: Readonly<Record<string, string>>): string {
  return template.body.replace(PLACEHOLDER, (placeholder, name: string) => variables[name]?.trim() || placeholder);
}

/** The template's variables that `variables` leaves without a value (blank counts as none), in the template's order. */
export function missingTemplateVariables(template: Pick<Template, 'variables'>, variables: Readonly<Record<string, string>>): string[] {
  return template.variables.filter((name) => !variables[name]?.trim());
}
