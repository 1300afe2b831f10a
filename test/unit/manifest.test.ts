import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Package } from 'custom-elements-manifest/schema';
import ts from 'typescript';
import { analyzeElements, elementsOf, root, type ElementDeclaration } from '../../build/manifest.mjs';
import { elementDocs } from '../../build/element-docs.mjs';
import { wrapperFiles } from '../../build/react-wrappers.mjs';

/** Every `.ts` file under a folder of src/, recursively. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each tag the SDK registers, with the file that registers it: `define('conecta-…', Class)`. */
function registeredTags(): Map<string, string> {
  const tags = new Map<string, string>();
  for (const file of sourcesUnder('src')) {
    for (const [, tag] of readFileSync(file, 'utf8').matchAll(/\bdefine\(\s*'([a-z]+-[a-z-]+)'/g)) tags.set(tag!, file);
  }
  return tags;
}

describe('the elements manifest', () => {
  let manifest: Package;
  let elements: Map<string, ElementDeclaration>;
  before(async () => {
    manifest = await analyzeElements();
    elements = new Map(elementsOf(manifest).map(({ declaration }) => [declaration.tagName!, declaration]));
  });

  it('has an entry, with a summary, for every element the SDK registers', () => {
    const tags = registeredTags();
    assert.ok(tags.size >= 10, `found only ${tags.size} define() calls`);
    for (const tag of tags.keys()) {
      const element = elements.get(tag);
      assert.ok(element, `${tag} has no entry in the manifest (is it registered with define('${tag}', Class)?)`);
      assert.ok(element.summary || element.description, `${tag} has no @summary`);
    }
  });

  it('describes every attribute, property, method, event, part, CSS property, state and slot of every element', () => {
    for (const [tag, element] of elements) {
      const kinds = ['attributes', 'members', 'events', 'cssParts', 'cssProperties', 'cssStates', 'slots'] as const;
      for (const kind of kinds) {
        for (const item of (element[kind] ?? []) as { name: string; description?: string }[]) {
          assert.ok(item.description?.trim(), `${tag}: ${kind} ${item.name} has no description`);
        }
      }
      // The provider renders nothing of its own; every other element has parts to style.
      if (tag !== 'conecta-provider') assert.ok(element.cssParts?.length, `${tag} documents no @csspart`);
    }
  });

  it('keeps internal state out: no @state, private, protected or #private members, no attribute for them', () => {
    for (const [tag, element] of elements) {
      for (const member of element.members ?? []) {
        const privacy = 'privacy' in member ? member.privacy : undefined;
        assert.ok(privacy !== 'private' && privacy !== 'protected' && !member.name.startsWith('#'), `${tag}.${member.name} is not public`);
        assert.notEqual(member.name, 'clientController', `${tag}: the internal clientController is listed`);
      }
      // An attribute is there for a public property (the webchat's internal state once showed up as attributes).
      for (const attribute of element.attributes ?? []) {
        assert.ok(
          element.members?.some((member) => member.name === attribute.fieldName),
          `${tag}: attribute ${attribute.name} reflects no public property`,
        );
      }
    }
    // The queue's @state fields (e.g. the notification permission) are not part of its API.
    assert.ok(!elements.get('conecta-queue')!.members?.some((member) => member.name === 'notificationPermission'));
  });

  it('types every event an element fires with its class and detail, each documented on that element', () => {
    for (const { module, declaration } of elementsOf(manifest)) {
      const fired = new Set<string>();
      // The events an element's own folder constructs: `new SessionAcceptedEvent(…)`.
      for (const file of sourcesUnder(dirname(module.path))) {
        for (const [, eventClass] of readFileSync(file, 'utf8').matchAll(/\bnew ([A-Z]\w*Event)\(/g)) fired.add(eventClass!);
      }
      const documented = new Map((declaration.events ?? []).map((event) => [event.type?.text, event]));
      for (const eventClass of fired) {
        assert.ok(documented.has(eventClass), `${declaration.tagName} fires ${eventClass} without an @event for it`);
      }
      for (const event of declaration.events ?? []) {
        assert.match(event.name, /^conecta-[a-z-]+$/, `${declaration.tagName}: event ${event.name}`);
        assert.ok(event.type?.text.endsWith('Event'), `${declaration.tagName}: ${event.name} has no event class`);
        assert.ok(event.detail?.text, `${declaration.tagName}: ${event.name} has no detail type`);
      }
    }
    const queueEvents = elements.get('conecta-queue')!.events!;
    assert.deepEqual(
      queueEvents.find((event) => event.name === 'conecta-session-accepted'),
      {
        name: 'conecta-session-accepted',
        description: queueEvents.find((event) => event.name === 'conecta-session-accepted')!.description,
        type: {
          text: 'SessionAcceptedEvent',
          references: [{ name: 'SessionAcceptedEvent', module: 'src/elements/conecta-queue/events.ts' }],
        },
        detail: { text: 'SessionEventDetail' },
      },
    );
  });

  it('has made the React wrappers of src/react/ (else run `npm run manifest`)', async () => {
    const files = await wrapperFiles(manifest);
    assert.deepEqual(readdirSync(join(root, 'src/react')).sort(), [...files.keys()].sort());
    for (const [name, source] of files)
      assert.equal(readFileSync(join(root, 'src/react', name), 'utf8'), source, `src/react/${name} is stale`);
  });

  it('has every element class and event class exported by the package (its main entry and the element’s own)', () => {
    const entries = readdirSync(join(root, 'src')).filter((file) => file.endsWith('.ts'));
    const program = ts.createProgram(
      entries.map((file) => join(root, 'src', file)),
      {
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        // Only the modules' exports are read.
        types: [],
        skipLibCheck: true,
      },
    );
    const checker = program.getTypeChecker();
    const exportsOf = (file: string) =>
      new Set(
        checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(root, file))!)!).map((symbol) => symbol.name),
      );
    const main = exportsOf('src/index.ts');
    for (const [tag, element] of elements) {
      const entry = tag === 'conecta-provider' ? 'src/provider.ts' : `src/${tag.replace(/^conecta-/, '')}.ts`;
      const own = exportsOf(entry);
      for (const name of [element.name, ...(element.events ?? []).map((event) => event.type!.text)]) {
        assert.ok(main.has(name), `conecta-elements does not export ${name}`);
        assert.ok(own.has(name), `${entry} (the entry of <${tag}>) does not export ${name}`);
      }
    }
  });

  it('types inherited members with what each element gives the base (the webchat a visitor client)', () => {
    const client = (tag: string) => elements.get(tag)!.members!.find((member) => member.name === 'client') as { type?: { text: string } };
    assert.equal(client('conecta-queue').type?.text, 'ConectaClientApi | undefined');
    assert.equal(client('conecta-webchat').type?.text, 'VisitorClientApi | undefined');
  });

  it('has made the reference of docs/elements/ (else run `npm run manifest`)', async () => {
    const pages = await elementDocs(manifest);
    assert.deepEqual(readdirSync(join(root, 'docs/elements')).sort(), [...pages.keys()].sort());
    for (const [name, text] of pages)
      assert.equal(readFileSync(join(root, 'docs/elements', name), 'utf8'), text, `docs/elements/${name} is stale`);
  });

  it('is declared in package.json and shipped', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { customElements: string; files: string[] };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
  });
});
