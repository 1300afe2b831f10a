import MagicString from 'magic-string';

/*
 * What Lit's production build carries that no visitor's browser uses, taken out of the webchat's
 * bundles (1,065 bytes of the widget's gzip):
 *   - the hooks for `lit/polyfill-support.js` (ShadyDOM, for browsers without shadow DOM: none that
 *     runs the widget's ES2022) and for SSR hydration (the widget is never server-rendered);
 *   - the fallback to `<style>` elements for browsers without constructed stylesheets: every browser
 *     that runs the widget's ES2022 (class static blocks) has them but Firefox 93–100 (2021–22), and
 *     a strict CSP (docs/embedding.md) forbids those `<style>` elements anyway;
 *   - the support of decorators (initializers, property metadata, accessors they wrap): the widget
 *     declares its properties statically, as ConectaElement explains;
 *   - the property options the webchat never sets (`state`, `useDefault`) and symbol-named properties;
 *   - the global lists of loaded Lit versions (`litHtmlVersions`…), read only by Lit's development
 *     build and tools;
 *   - the attribute converters of Number, Object and Array properties: the webchat's are Boolean or
 *     String (ConectaElement, <conecta-webchat>), which the default converter keeps;
 *   - the `svg` and `mathml` templates' wrapping: the webchat draws its icons inside `html` templates;
 *   - the support of directives (`repeat`, `live`, `ref`…), of what only they read of a part (its
 *     nodes, whether it is connected) and of the element bindings only they use (`<div ${ref(…)}>`):
 *     the webchat's templates bind plain values, and the build fails if a directive comes in (an
 *     element binding throws: it would shift the values of the bindings after it);
 *   - the support of templates prepared at build time by @lit-labs/compiler, which the widget does not use;
 *   - event listeners bound as objects (`@click=${{ handleEvent, once: true }}`): the webchat binds functions;
 *   - the texts of errors thrown only when source code misuses Lit (`html` called without a
 *     template, a non-`css` value in `css`): the errors stay, without their texts.
 * Each cut must match exactly once, so a new Lit fails the build here instead of being patched wrongly.
 */

/** By file under node_modules: [what (a RegExp on the minified code), what it becomes]. */
const CUTS = {
  'lit-html/lit-html.js': [
    [/throw Error\("invalid template strings array"\)/, 'throw Error()'],
    // `svg`/`mathml` template results (types 2 and 3): the webchat's templates are all `html` (type 1).
    [/(\w+)=2===(\w+)\?"<svg>":3===\2\?"<math>":""/, '$1=""'],
    [/\+\(2===\w+\?"<\/svg>":3===\w+\?"<\/math>":""\)/, ''],
    [/,2===\w+\|\|3===\w+\)\{const (\w+)=this\.el\.content\.firstChild;\1\.replaceWith\(\.\.\.\1\.childNodes\)\}/, ',0);'],
    // Directives: the webchat uses none (the build fails if one comes in, see below).
    [
      /let (\w+)=void 0!==(\w+)\?(\w+)\._\$Co\?\.\[\2\]:\3\._\$Cl;.*?,void 0!==\1&&\(\w+=\w+\(\w+,\1\._\$AS\(\w+,\w+\.values\),\1,\2\)\),(\w+)\}/,
      'return $4}',
    ],
    [/else (\w+\.startsWith\(\w+\))&&\(\w+\.push\(\{type:6,index:\w+\}\),\w+\.removeAttribute\(\w+\)\)/, 'else if($1)throw Error()'],
    [/:6===\w+\.type&&\(\w+=new \w+\(\w+,this,\w+\)\)/, ':0'],
    // Listener objects (`@click=${{ handleEvent, once: true }}`): the webchat binds functions.
    [/\|\|(\w+)\.capture!==(\w+)\.capture\|\|\1\.once!==\2\.once\|\|\1\.passive!==\2\.passive/, ''],
    [
      /"function"==typeof this\._\$AH\?(this\._\$AH\.call\(this\.options\?\.host\?\?this\.element,\w+\)):this\._\$AH\.handleEvent\(\w+\)/,
      '$1',
    ],
    // What only directives read of a part (async ones are told when it connects or goes away).
    [/this\._\$AV=\[\],this\._\$AN=void 0,/, 'this._$AV=[],'],
    [/get parentNode\(\)\{return this\._\$AM\.parentNode\}get _\$AU\(\)\{return this\._\$AM\._\$AU\}/, ''],
    [/get _\$AU\(\)\{return this\._\$AM\?\._\$AU\?\?this\._\$Cv\}/, ''],
    [/(this\.type=2,this\._\$AH=\w+,)this\._\$AN=void 0,/, '$1'],
    [
      /,this\._\$Cv=\w+\?\.isConnected\?\?!0\}get parentNode\(\)\{let (\w+)=this\._\$AA\.parentNode;const (\w+)=this\._\$AM;return void 0!==\2&&11===\1\?\.nodeType&&\(\1=\2\.parentNode\),\1\}get startNode\(\)\{return this\._\$AA\}get endNode\(\)\{return this\._\$AB\}/,
      '}',
    ],
    [/for\(this\._\$AP\?\.\(!1,!0,\w+\);/, 'for(;'],
    [/setConnected\((\w+)\)\{void 0===this\._\$AM&&\(this\._\$Cv=\1,this\._\$AP\?\.\(\1\)\)\}/, 'setConnected(){}'],
    [/get tagName\(\)\{return this\.element\.tagName\}get _\$AU\(\)\{return this\._\$AM\._\$AU\}/, ''],
    [/(this\.type=1,this\._\$AH=\w+,)this\._\$AN=void 0,/, '$1'],
    [
      /"number"==typeof (\w+)\?(this\._\$AC\(\w+\)):\(void 0===\1\.el&&\(\1\.el=\w+\.createElement\(\w+\(\1\.h,\1\.h\[0\]\),this\.options\)\),\1\)/,
      '$2',
    ],
    [/,(\w+)=(\w+)\.litHtmlPolyfillSupport;\1\?\.\([\w$]+,[\w$]+\),\(\2\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ';'],
  ],
  'lit-element/lit-element.js': [
    [
      /,(\w+)\.litElementHydrateSupport\?\.\(\{LitElement:[\w$]+\}\);const (\w+)=\1\.litElementPolyfillSupport;\2\?\.\(\{LitElement:[\w$]+\}\);/,
      ';',
    ],
    [/\((\w+)\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ''],
    // Only async directives read whether a part is connected.
    [/this\.hasUpdated\|\|\(this\.renderOptions\.isConnected=this\.isConnected\),/, ''],
  ],
  '@lit/reactive-element/reactive-element.js': [
    // Decorators' support: the widget declares its properties statically (see ConectaElement).
    // Number, Object and Array attributes: the webchat has none (see above); Boolean and String stay.
    [/case Object:case Array:\w+=null==\w+\?\w+:JSON\.stringify\(\w+\)/, ''],
    [
      /case Number:\w+=null===\w+\?null:Number\(\w+\);break;case Object:case Array:try\{\w+=JSON\.parse\(\w+\)\}catch\(\w+\)\{\w+=null\}/,
      '',
    ],
    [/Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/, ''],
    // Options the webchat's properties never set: `state` (reactive, without an attribute), `useDefault`
    // (reflect a default only once changed), symbol names; nor own accessors (`wrapped`: decorators').
    [
      /if\(\w+\.state&&\(\w+\.attribute=!1\),(this\._\$Ei\(\)),this\.prototype\.hasOwnProperty\(\w+\)&&\(\(\w+=Object\.create\(\w+\)\)\.wrapped=!0\),/,
      'if($1,',
    ],
    [
      /const (\w+)=this\.constructor\.elementProperties;if\(\1\.size>0\)for\(const\[(\w+),(\w+)\]of \1\)\{const\{wrapped:\w+\}=\3,\w+=this\[\2\];[^}]*\}/,
      '',
    ],
    [
      /(\w+)\((\w+),(\w+),\{useDefault:(\w+),reflect:(\w+),wrapped:(\w+)\},(\w+)\)\{\4&&!\(this\._\$Ej\?\?=new Map\)\.has\(\2\)&&\(this\._\$Ej\.set\(\2,\7\?\?\3\?\?this\[\2\]\),!0!==\6\|\|void 0!==\7\)\|\|\((this\._\$AL\.has\(\2\)\|\|\(this\.hasUpdated)\|\|\4(\|\|\(\3=void 0\),this\._\$AL\.set\(\2,\3\)\),!0===\5&&this\._\$Em!==\2&&\(this\._\$Eq\?\?=new Set\)\.add\(\2\))\)\}/,
      '$1($2,$3,{reflect:$5}){$8$9}',
    ],
    [/\|\|(\w+)\.useDefault&&\1\.reflect&&\w+===this\._\$Ej\?\.get\(\w+\)&&!this\.hasAttribute\(\w+\._\$Eu\(\w+,\1\)\)/, ''],
    [/=(\w+)\?\?this\._\$Ej\?\.get\(\w+\)\?\?\1/, '=$1'],
    [/,useDefault:!1/, ''],
    [/\[\.\.\.(\w+)\((\w+)\),\.\.\.\w+\(\2\)\]/, '$1($2)'],
    [/getOwnPropertySymbols:\w+,/, ''],
    [
      /const (\w+)=this\[Symbol\.metadata\];if\(null!==\1\)\{const (\w+)=litPropertyMetadata\.get\(\1\);if\(void 0!==\2\)for\(const\[\w+,\w+\]of \2\)this\.elementProperties\.set\(\w+,\w+\)\}/,
      '',
    ],
    [/static addInitializer\((\w+)\)\{this\._\$Ei\(\),\(this\.l\?\?=\[\]\)\.push\(\1\)\}/, ''],
    [/void 0!==(\w+)\.l&&\(this\.l=\[\.\.\.\1\.l\]\),/, ''],
    [/,this\.constructor\.l\?\.forEach\(\w+=>\w+\(this\)\)\}/, '}'],
    [/,(\w+)=\w+\.reactiveElementPolyfillSupport,/, ',$1=void 0,'],
    [/,\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ';'],
  ],
  '@lit/reactive-element/css-tag.js': [
    // Constructed stylesheets taken as there: the `<style>` fallback goes (see above).
    [
      /,(\w+)=\w+\.ShadowRoot&&\(void 0===\w+\.ShadyCSS\|\|\w+\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype,/,
      ',$1=!0,',
    ],
    [/throw Error\("CSSResult is not constructable[^"]*"\)/, 'throw Error()'],
    [/throw Error\("Value passed to 'css' function must be a 'css' function result: "\+(\w+)\+"[^"]*"\)/, 'throw Error($1)'],
  ],
};

/** Lit's directives (`lit/directives/*` re-export these): their support is cut, so none may come in. */
const DIRECTIVES = /\/node_modules\/lit-html\/(?:directives\/|(?:async-)?directive(?:-helpers)?\.js$)/;

/** A Rollup plugin that makes those cuts in the Lit modules it is given. */
export function leanLit() {
  return {
    name: 'lean-lit',
    transform(code, id) {
      if (DIRECTIVES.test(id.replaceAll('\\', '/'))) {
        this.error(`lean-lit: ${id} is a Lit directive, which the webchat's lean Lit cannot run (see build/lean-lit.mjs).`);
      }
      const file = Object.keys(CUTS).find((name) => id.replaceAll('\\', '/').endsWith(`/node_modules/${name}`));
      if (!file) return null;
      const lean = new MagicString(code);
      for (const [pattern, replacement] of CUTS[file]) {
        const matches = [...code.matchAll(new RegExp(pattern, 'g'))];
        if (matches.length !== 1) {
          this.error(`lean-lit: ${pattern} matches ${matches.length} times in ${file}: see build/lean-lit.mjs for this Lit version.`);
        }
        const [match] = matches;
        lean.overwrite(match.index, match.index + match[0].length, match[0].replace(pattern, replacement));
      }
      return { code: lean.toString(), map: lean.generateMap({ hires: true }) };
    },
  };
}
