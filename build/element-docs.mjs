/**
 * The per-element reference, docs/elements/, made from the elements manifest: one page per element
 * (attributes and properties, methods, events, slots, parts, CSS properties, custom states) and an
 * index. Run by `npm run manifest`; the manifest test fails when the pages are stale.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { elementsOf, firstParagraph, root } from './manifest.mjs';
import { entryName, eventProp } from './react-wrappers.mjs';

const folder = join(root, 'docs/elements');
const header =
  '<!-- Made from the elements manifest (custom-elements.json) by build/element-docs.mjs: edit the JSDoc, then `npm run manifest`. -->\n';

/** Text for a table cell: one line, pipes escaped. */
const cell = (text = '') =>
  text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replaceAll('|', '\\|');
const code = (text) => (text ? `\`${text.replaceAll('|', '\\|')}\`` : '');
const table = (heads, rows) =>
  rows.length
    ? `| ${heads.join(' | ')} |\n| ${heads.map(() => '---').join(' | ')} |\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n`
    : '';

function page({ declaration }) {
  const tag = declaration.tagName;
  const entry = entryName(tag);
  const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  const methods = (declaration.members ?? []).filter((member) => member.kind === 'method' && !member.static);
  const attributeOf = new Map((declaration.attributes ?? []).map((attribute) => [attribute.fieldName, attribute]));
  const sections = [];
  const properties = fields.map((field) => [
    attributeOf.has(field.name) ? code(attributeOf.get(field.name).name) : '',
    code(field.name),
    code(field.type?.text),
    code(field.default),
    cell(field.description) + (field.readonly ? ' (read-only)' : ''),
  ]);
  const attributesOnly = (declaration.attributes ?? []).filter((attribute) => !attribute.fieldName);
  for (const attribute of attributesOnly)
    properties.push([code(attribute.name), '', code(attribute.type?.text), code(attribute.default), cell(attribute.description)]);
  if (properties.length)
    sections.push(
      `## Attributes and properties\n\nAn attribute takes a string in markup; its property takes any value from script.\n\n${table(['attribute', 'property', 'type', 'default', 'description'], properties)}`,
    );
  if (methods.length) {
    const rows = methods.map((method) => {
      const parameters = (method.parameters ?? []).map(
        (parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`,
      );
      return [code(`${method.name}(${parameters.join(', ')})`), code(method.return?.type?.text ?? 'void'), cell(method.description)];
    });
    sections.push(`## Methods\n\n${table(['method', 'returns', 'description'], rows)}`);
  }
  if (declaration.events?.length) {
    const rows = declaration.events.map((event) => [
      code(event.name),
      code(eventProp(event.name)),
      code(event.type?.text),
      code(event.detail?.text),
      cell(event.description),
    ]);
    sections.push(
      `## Events\n\nEvery event bubbles and crosses shadow roots (\`composed\`): listen on the element or any ancestor, even \`document\`.\n\n${table(['event', 'React prop', 'class', 'detail', 'description'], rows)}`,
    );
  }
  const simple = (title, items, name = (item) => code(item.name)) =>
    items?.length
      ? `## ${title}\n\n${table(
          ['name', 'description'],
          items.map((item) => [name(item), cell(item.description)]),
        )}`
      : '';
  sections.push(
    simple('Slots', declaration.slots, (slot) => (slot.name ? code(slot.name) : '(default)')),
    simple('CSS parts', declaration.cssParts, (part) => code(`::part(${part.name})`)),
    simple('CSS custom properties', declaration.cssProperties),
    simple('Custom states', declaration.cssStates, (state) => code(`:state(${state.name})`)),
  );
  const usage = `\`\`\`js\nimport 'conecta-elements/${entry}'; // defines <${tag}>\nimport { ${declaration.name} } from 'conecta-elements/react/${entry}'; // or, in React, the wrapper\n\`\`\`\n`;
  return `${header}\n# \`<${tag}>\`\n\n${cell(firstParagraph(declaration.summary ?? declaration.description))}\n\n${(
    declaration.summary ??
    declaration.description ??
    ''
  )
    .trim()
    .split(/\n\s*\n/)
    .slice(1)
    .map((paragraph) => cell(paragraph))
    .join('\n\n')}\n\n${usage}\n${sections.filter(Boolean).join('\n')}`;
}

/** Every page of docs/elements/, by file name, formatted as the repository's Markdown. */
export async function elementDocs(manifest) {
  const elements = elementsOf(manifest).sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  const pages = new Map(elements.map((element) => [`${element.declaration.tagName}.md`, page(element)]));
  const index = table(
    ['element', 'what it is'],
    elements.map(({ declaration }) => [
      `[\`<${declaration.tagName}>\`](${declaration.tagName}.md)`,
      cell(firstParagraph(declaration.summary ?? declaration.description)),
    ]),
  );
  pages.set(
    'README.md',
    `${header}\n# Elements reference\n\nEvery element's attributes, properties, methods, events, slots, CSS parts, CSS custom properties and custom states, from the JSDoc in \`src/\` through the elements manifest (\`custom-elements.json\`, shipped in the package). Using them from React, Vue, Angular or plain HTML: [../frameworks.md](../frameworks.md); theming: [../embedding.md](../embedding.md).\n\n${index}`,
  );
  const options = await resolveConfig(join(folder, 'README.md'));
  for (const [name, text] of pages) pages.set(name, await format(text, { ...options, filepath: join(folder, name) }));
  return pages;
}

/** Writes docs/elements/ (and removes the page of an element that is gone). */
export async function writeElementDocs(manifest) {
  const pages = await elementDocs(manifest);
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) if (!pages.has(name)) rmSync(join(folder, name));
  for (const [name, text] of pages) {
    let current = '';
    try {
      current = readFileSync(join(folder, name), 'utf8');
    } catch {
      // A new page.
    }
    if (current !== text) writeFileSync(join(folder, name), text);
  }
}
