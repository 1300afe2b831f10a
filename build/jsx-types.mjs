/**
 * JSX types made from the elements manifest: one framework-neutral map of every element's
 * attributes, properties and events (`conecta-elements/jsx`), and what declares it to React 19,
 * Preact and Solid (`conecta-elements/jsx/react`, `…/preact`, `…/solid`). Written to dist/types/jsx/
 * beside the declarations tsc emits, by `npm run manifest`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { elementsOf, firstParagraph, root } from './manifest.mjs';

const folder = join(root, 'dist/types/jsx');
const header = '// Made from the elements manifest by build/jsx-types.mjs: do not edit.\n';

/** An import path from dist/types/jsx/ to the declaration of a source module (`src/…/x.ts`). */
const importPath = (modulePath) => relative('src/jsx', modulePath).replace(/\.ts$/, '.js');
const doc = (text, indent = '  ') => (text ? `${indent}/** ${firstParagraph(text).replaceAll('*/', '*\\/')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The neutral map: `conecta-elements/jsx`. */
export function elementsMap(manifest) {
  const elements = elementsOf(manifest).sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const imports = new Map();
  const use = (module, name) => imports.set(module, (imports.get(module) ?? new Set()).add(name));
  const blocks = [];
  const entries = [];
  for (const { module, declaration } of elements) {
    const element = declaration.name;
    use(module.path, element);
    const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly);
    const attributes = (declaration.attributes ?? [])
      .map((attribute) => {
        const type = attribute.fieldName ? `${element}['${attribute.fieldName}']` : (attribute.type?.text ?? 'string');
        return `${doc(attribute.description)}  ${key(attribute.name)}?: ${type};\n`;
      })
      .join('');
    const properties = fields.map((field) => `${doc(field.description)}  ${key(field.name)}?: ${element}['${field.name}'];\n`).join('');
    const events = (declaration.events ?? [])
      .map((event) => {
        const reference = event.type?.references?.[0];
        if (reference) use(reference.module, reference.name);
        return `${doc(event.description)}  '${event.name}': ${event.type?.text ?? 'CustomEvent'};\n`;
      })
      .join('');
    blocks.push(
      `/** Attributes of \`<${declaration.tagName}>\` (strings in markup). */\nexport interface ${element}Attributes {\n${attributes}}\n`,
      `/** Properties of \`<${declaration.tagName}>\` (any value, set on the element). */\nexport interface ${element}Properties {\n${properties}}\n`,
      `/** Events of \`<${declaration.tagName}>\`, by name. */\nexport interface ${element}Events {\n${events}}\n`,
    );
    entries.push(
      `${doc(declaration.summary ?? declaration.description)}  '${declaration.tagName}': {\n    element: ${element};\n    attributes: ${element}Attributes;\n    properties: ${element}Properties;\n    events: ${element}Events;\n  };\n`,
    );
  }
  const importLines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, names]) => `import type { ${[...names].sort().join(', ')} } from '${importPath(path)}';`);
  return `${header}${importLines.join('\n')}

${blocks.join('\n')}
/** Every Conecta element by tag: its class, attributes, properties and events. */
export interface ConectaElements {
${entries.join('')}}

/** Handlers named \`<prefix><event name>\`: \`on\` for React 19 and Preact, \`on:\` for Solid. */
export type EventHandlers<Events, Prefix extends string> = {
  [Name in keyof Events & string as \`\${Prefix}\${Name}\`]?: (event: Events[Name]) => void;
};

/** What a framework's JSX accepts on an element, besides its own HTML attributes. */
export type ElementProps<Tag extends keyof ConectaElements, EventPrefix extends string> = Partial<
  ConectaElements[Tag]['attributes'] & ConectaElements[Tag]['properties']
> &
  EventHandlers<ConectaElements[Tag]['events'], EventPrefix>;
`;
}

const frameworks = {
  react: `${header}// React 19 sets a prop as a property when the element has one, else as an attribute, and listens
// to \`on<event name>\`. Import once, e.g. \`import type {} from 'conecta-elements/jsx/react'\`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ConectaElements, ElementProps } from './index.js';

export type ConectaReactElements = {
  [Tag in keyof ConectaElements]: DetailedHTMLProps<HTMLAttributes<ConectaElements[Tag]['element']>, ConectaElements[Tag]['element']> &
    ElementProps<Tag, 'on'>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ConectaReactElements {}
  }
}
`,
  preact: `${header}// Preact sets a prop as a property when the element has one, and listens to \`on<event name>\`.
// Import once, e.g. \`import type {} from 'conecta-elements/jsx/preact'\`.
import type { JSX } from 'preact';
import type { ConectaElements, ElementProps } from './index.js';

export type ConectaPreactElements = {
  [Tag in keyof ConectaElements]: JSX.HTMLAttributes<ConectaElements[Tag]['element']> & ElementProps<Tag, 'on'>;
};

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements extends ConectaPreactElements {}
  }
}
`,
  solid: `${header}// Solid sets a custom element's props as properties and listens to \`on:<event name>\`.
// Import once, e.g. \`import type {} from 'conecta-elements/jsx/solid'\`.
import type { JSX } from 'solid-js';
import type { ConectaElements, ElementProps } from './index.js';

export type ConectaSolidElements = {
  [Tag in keyof ConectaElements]: JSX.HTMLAttributes<ConectaElements[Tag]['element']> & ElementProps<Tag, 'on:'>;
};

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements extends ConectaSolidElements {}
  }
}
`,
};

/** Writes dist/types/jsx/. */
export function writeJsxTypes(manifest) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.d.ts'), elementsMap(manifest));
  for (const [name, source] of Object.entries(frameworks)) writeFileSync(join(folder, `${name}.d.ts`), source);
}
