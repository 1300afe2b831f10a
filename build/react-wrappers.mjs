/**
 * React wrappers (`conecta-elements/react`, one module per element) made with @lit/react from the
 * elements manifest: each element's documented events become typed `on…` props. Writes src/react/;
 * the manifest test checks the files are current. Run by `npm run manifest`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { elementsOf, firstParagraph, root } from './manifest.mjs';

const folder = join(root, 'src/react');
const header = '// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.\n';

/** `conecta-session-accepted` → `onSessionAccepted`. */
export const eventProp = (eventName) =>
  'on' + eventName.replace(/^conecta-/, '').replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

/** `conecta-contact-form` → `contact-form` (the module's name, as the package's other entry points). */
export const entryName = (tagName) => tagName.replace(/^conecta-/, '');

/** An import path from src/react/ to a source module (`src/…/x.ts`). */
const importPath = (modulePath) => {
  const path = relative('src/react', modulePath).replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
};

/** A one-line JSDoc comment. */
const comment = (text, indent = '') => `${indent}/** ${firstParagraph(text).replaceAll('*/', '*\\/')} */\n`;

/** The source of one element's wrapper module. */
export function wrapperSource({ module, declaration }) {
  const elementAlias = `${declaration.name}Element`;
  const eventImports = new Map();
  for (const event of declaration.events ?? []) {
    for (const reference of event.type?.references ?? []) {
      const names = eventImports.get(reference.module) ?? new Set();
      eventImports.set(reference.module, names.add(reference.name));
    }
  }
  const events = (declaration.events ?? [])
    .map(
      (event) =>
        `${comment(event.description ?? '', '    ')}    ${eventProp(event.name)}: '${event.name}' as EventName<${event.type?.text ?? 'Event'}>,\n`,
    )
    .join('');
  const imports = [
    `import { createComponent${events ? ', type EventName' : ''} } from '@lit/react';`,
    `import * as React from 'react';`,
    `import { ${declaration.name} as ${elementAlias} } from '${importPath(module.path)}';`,
    ...[...eventImports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, names]) => `import type { ${[...names].sort().join(', ')} } from '${importPath(path)}';`),
  ];
  return `${header}${imports.join('\n')}

${comment(`\`<${declaration.tagName}>\` as a React component. ${declaration.summary ?? declaration.description ?? ''}`)}export const ${declaration.name} = createComponent({
  react: React,
  tagName: '${declaration.tagName}',
  elementClass: ${elementAlias},
  displayName: '${declaration.name}',
  events: {
${events}  },
});
`;
}

/** Every file of src/react/, by name: one per element, and the index of them all (formatted as the repository's). */
export async function wrapperFiles(manifest) {
  const elements = elementsOf(manifest).sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const files = new Map(elements.map((element) => [`${entryName(element.declaration.tagName)}.ts`, wrapperSource(element)]));
  const index = elements.map(({ declaration }) => `export { ${declaration.name} } from './${entryName(declaration.tagName)}.js';`);
  files.set(
    'index.ts',
    `${header}/** \`conecta-elements/react\`: every element as a React component (@lit/react). */\n${index.join('\n')}\n`,
  );
  const options = await resolveConfig(join(folder, 'index.ts'));
  for (const [name, source] of files) files.set(name, await format(source, { ...options, filepath: join(folder, name) }));
  return files;
}

/** Writes src/react/; true when a file changed. */
export async function writeWrappers(manifest) {
  mkdirSync(folder, { recursive: true });
  let changed = false;
  for (const [name, source] of await wrapperFiles(manifest)) {
    const path = join(folder, name);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // A new element: its wrapper is new too.
    }
    if (current !== source) {
      writeFileSync(path, source);
      changed = true;
    }
  }
  return changed;
}
