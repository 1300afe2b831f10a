/**
 * Analyzer plugins for how this SDK is written (see custom-elements-manifest.config.mjs).
 */

/**
 * Elements register through `define(tag, ctor)` (idempotent, src/dom/define.ts), which the analyzer
 * does not recognise as `customElements.define`: record the same definition it would.
 */
export function registeredThroughDefine() {
  return {
    name: 'conecta-define-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ctor || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: ctor.text, module: moduleDoc.path } },
      ];
    },
  };
}

/**
 * Keep what an adopter may use: no `private`/`protected`/`#private` members, no `@state` (Lit's
 * internal reactive state), and no attribute that only such a field reflects. (`@internal` members
 * the analyzer leaves out itself.) Abstract bases without a tag are not elements one can place.
 */
export function publicApiOnly() {
  const stateFields = new Set();
  return {
    name: 'conecta-public-api-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
        const isState = decorators.some((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === 'state');
        if (isState && member.name) stateFields.add(`${moduleDoc.path}#${node.name.text}.${member.name.getText()}`);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const origin = (member) => member.inheritedFrom?.module ?? module.path;
          const originClass = (member) => member.inheritedFrom?.name ?? declaration.name;
          const hidden = (member) =>
            member.privacy === 'private' ||
            member.privacy === 'protected' ||
            member.name.startsWith('#') ||
            stateFields.has(`${origin(member)}#${originClass(member)}.${member.name}`);
          const hiddenFields = new Set((declaration.members ?? []).filter(hidden).map((m) => m.name));
          if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden(m));
          if (declaration.attributes)
            declaration.attributes = declaration.attributes.filter((a) => !a.fieldName || !hiddenFields.has(a.fieldName));
          if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
        }
      }
    },
  };
}

/**
 * Events, typed: each `@event name - …` of an element gets the class that makes it (a
 * `CustomEvent<Detail>` subclass, found by the name it passes to `super` or its static `eventName`)
 * and its detail type. Events the analyzer guessed from `dispatchEvent(…)` calls (no name, or the
 * name of a variable) give way to the documented ones: the JSDoc is the contract.
 */
export function typedEvents() {
  /** event name → { className, module, detail } */
  const eventClasses = new Map();
  const eventNameOf = (ts, klass) => {
    for (const member of klass.members) {
      if (
        ts.isPropertyDeclaration(member) &&
        member.name.getText() === 'eventName' &&
        member.initializer &&
        ts.isStringLiteral(member.initializer)
      )
        return member.initializer.text;
    }
    let found;
    const visit = (node) => {
      if (found) return;
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const [first] = node.arguments;
        if (first && ts.isStringLiteral(first)) found = first.text;
        else if (first && ts.isPropertyAccessExpression(first) && first.name.text === 'eventName') found = eventNameOf(ts, klass);
        return;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(klass, visit);
    return found;
  };
  return {
    name: 'conecta-typed-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      if (!heritage || !['CustomEvent', 'Event'].includes(heritage.expression.getText())) return;
      const name = eventNameOf(ts, node);
      if (!name) return;
      eventClasses.set(name, {
        className: node.name.text,
        module: moduleDoc.path,
        detail: heritage.typeArguments?.[0]?.getText() ?? 'null',
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class' || !declaration.events) continue;
          const documented = new Map();
          for (const event of declaration.events) {
            if (!event.name || !event.description || documented.has(event.name)) continue;
            const eventClass = eventClasses.get(event.name);
            documented.set(event.name, {
              name: event.name,
              description: event.description,
              ...(eventClass && {
                type: { text: eventClass.className, references: [{ name: eventClass.className, module: eventClass.module }] },
                detail: { text: eventClass.detail },
              }),
              ...(event.inheritedFrom && { inheritedFrom: event.inheritedFrom }),
            });
          }
          declaration.events = [...documented.values()];
        }
      }
    },
  };
}

/**
 * Inherited members typed with a base class's type parameter (`client: C | undefined` of
 * `ConectaElement<T, C>`) get the type each element gives it (`ConectaClientApi | undefined`).
 */
export function resolvedTypeParameters() {
  /** class name → { parameters: [{name, default}], base: name, args: [text] } */
  const classes = new Map();
  return {
    name: 'conecta-resolved-type-parameters',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      classes.set(node.name.text, {
        parameters: (node.typeParameters ?? []).map((parameter) => ({ name: parameter.name.text, default: parameter.default?.getText() })),
        base: heritage?.expression.getText(),
        args: heritage?.typeArguments?.map((argument) => argument.getText()) ?? [],
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      const substitute = (text, bindings) => text.replace(/\b[A-Z]\b/g, (name) => bindings.get(name) ?? name);
      /** The text each type parameter of `base` stands for, seen from `className`. */
      const bindingsOf = (className, base) => {
        const chain = [];
        for (let name = className; name && name !== base; name = classes.get(name)?.base) chain.push(name);
        let bindings = new Map();
        for (const name of chain) {
          const own = classes.get(name);
          const parent = classes.get(own?.base);
          if (!own || !parent) return new Map();
          const next = new Map();
          parent.parameters.forEach((parameter, index) => {
            const given = own.args[index] ?? parameter.default;
            if (given) next.set(parameter.name, substitute(given, bindings));
          });
          bindings = next;
        }
        return bindings;
      };
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          for (const member of declaration.members ?? []) {
            if (!member.inheritedFrom || !member.type?.text) continue;
            const bindings = bindingsOf(declaration.name, member.inheritedFrom.name);
            if (bindings.size) member.type = { ...member.type, text: substitute(member.type.text, bindings) };
          }
        }
      }
    },
  };
}
