import type { ArgTypesEnhancer, StrictInputType } from 'storybook/internal/types';

/**
 * Controls for the rows Storybook reads from custom-elements.json. It gives every attribute,
 * property and CSS custom property a row (description, type, default) but a control only where it
 * can infer one from a simple type name: this adds the rest, so a story needs no hand-written
 * argTypes for what the element's JSDoc already says.
 */

/** `'auto' | 'light' | 'dark'` (with or without `| undefined`): the string literals, else null. */
export function literalOptions(typeText: string): string[] | null {
  const members = typeText
    .split('|')
    .map((member) => member.trim())
    .filter((member) => member !== 'undefined' && member !== 'null');
  if (members.length === 0 || !members.every((member) => /^'[^']*'$/.test(member))) return null;
  return members.map((member) => member.slice(1, -1));
}

/** Rows that only document (events, parts, slots, object-typed properties) get no control: `false`. */
function controlFor(name: string, category: string, typeText: string): StrictInputType['control'] {
  if (category === 'css custom properties') return /color|background/.test(name) ? { type: 'color' } : { type: 'text' };
  if (category !== 'attributes' && category !== 'properties') return false;
  const options = literalOptions(typeText);
  if (options) return { type: options.length <= 3 ? 'inline-radio' : 'select' };
  if (typeText === 'boolean') return { type: 'boolean' };
  if (typeText === 'string' || typeText === 'string | undefined') return { type: 'text' };
  if (typeText === 'number') return { type: 'number' };
  return false;
}

/** The categories Storybook files the manifest's rows under (@storybook/web-components). */
const manifestCategories = new Set(['attributes', 'properties', 'events', 'slots', 'css custom properties', 'css shadow parts']);

export const manifestControls: ArgTypesEnhancer = ({ argTypes }) => {
  const enhanced: typeof argTypes = {};
  for (const [key, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category ?? '';
    const typeText = argType.table?.type?.summary ?? '';
    // Only the manifest's rows (a category of its own); a story's own argTypes keep theirs.
    if (!manifestCategories.has(category) || argType.control !== undefined) {
      enhanced[key] = argType;
      continue;
    }
    const control = controlFor(argType.name, category, typeText);
    const options = argType.options ?? (control ? (literalOptions(typeText) ?? undefined) : undefined);
    enhanced[key] = { ...argType, control, ...(options ? { options } : {}) };
  }
  return enhanced;
};
