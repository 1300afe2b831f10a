import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup } from 'rollup';
import { minifyCss, minifyHtml, minifyTemplates } from '../../build/minify-templates.mjs';

/** Bundles one in-memory module through the plugin; returns the output's code. */
async function bundle(source: string): Promise<string> {
  const build = await rollup({
    input: 'entry',
    external: ['lit'],
    plugins: [
      { name: 'memory', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? source : null) },
      minifyTemplates({ include: /^entry$/ }),
    ],
  });
  const { output } = await build.generate({ format: 'es', sourcemap: true });
  return output[0].code;
}

describe('minifyCss', () => {
  it('drops comments and the whitespace around braces, semicolons, commas and after colons', () => {
    const css = `
      /* a comment, with a quote: don't */
      :host {
        display: flex;
        font-family: system-ui, 'Segoe UI';
      }
      .row > .field { flex: 1; }
    `;
    assert.equal(minifyCss(css), ` :host{display:flex;font-family:system-ui,'Segoe UI'}.row>.field{flex:1}`);
  });

  it('keeps the spaces that carry meaning: descendants, values, calc() and strings', () => {
    assert.equal(
      minifyCss(`[part='header'] :focus-visible { padding: 1px 2px; inline-size: calc(100% - 2rem); content: 'a ;  b'; }`),
      `[part=header] :focus-visible{padding:1px 2px;inline-size:calc(100% - 2rem);content:'a ;  b'}`,
    );
  });

  it('unquotes attribute selectors whose value is a plain name, and keeps the quotes any other value needs', () => {
    assert.equal(
      minifyCss(`[part='panel'] [part~="star"], :host([theme='dark']), [lang|='pt-BR'], [title='a b'], [data-x='1a'], [href$='.pdf'] {}`),
      `[part=panel] [part~=star],:host([theme=dark]),[lang|=pt-BR],[title='a b'],[data-x='1a'],[href$='.pdf']{}`,
    );
  });

  it('drops the zero before a decimal point, and only there', () => {
    assert.equal(
      minifyCss(`a { opacity: 0.6; margin: -0.25rem 0.5em; inline-size: calc(100% - 0.5rem); line-height: 10.5px; content: '0.5'; }`),
      `a{opacity:.6;margin:-.25rem .5em;inline-size:calc(100% - .5rem);line-height:10.5px;content:'0.5'}`,
    );
  });

  it('leaves alone a piece whose string goes on past an interpolation', () => {
    const piece = `content: '  ${'$'}`;
    assert.equal(minifyCss(piece), piece);
  });
});

describe('minifyHtml', () => {
  it('makes each line break with its indentation one space', () => {
    assert.equal(minifyHtml('<p>\n        <b>a</b>\n      </p>'), '<p> <b>a</b> </p>');
  });

  it('keeps the spaces between words, and the whitespace before </textarea> (its value)', () => {
    assert.equal(minifyHtml('<b>a</b> <i>b</i>'), '<b>a</b> <i>b</i>');
    assert.equal(minifyHtml('<textarea\n  rows="3">\n    </textarea>'), '<textarea rows=3>\n    </textarea>');
  });

  it('unquotes the attribute values that are a plain word, and keeps the quotes any other value needs', () => {
    assert.equal(minifyHtml('<p part="day-separator" class="day">'), '<p part=day-separator class=day>');
    assert.equal(
      minifyHtml('<a rel="noopener noreferrer" href="/x" title="" id="a.b"><input hidden part="input"/>'),
      '<a rel="noopener noreferrer" href="/x" title="" id="a.b"><input hidden part="input"/>',
    );
  });
});

describe('minifyTemplates', () => {
  it('minifies css and html templates around their interpolations, and nothing else', async () => {
    const code = await bundle(
      [
        "import { css, html } from 'lit';",
        'const gap = css`1px`;',
        'export const styles = css`\n  :host {\n    padding: ${gap} ${gap};\n  }\n`;',
        'export const view = (name) => html`<p>\n  ${name}\n</p>`;',
        'export const text = `keep   this\n  as it is`;',
      ].join('\n'),
    );
    assert.match(code, /css`:host\{padding:\$\{gap\} \$\{gap\}\}`/);
    assert.match(code, /html`<p> \$\{name\} <\/p>`/);
    assert.match(code, /`keep {3}this\n {2}as it is`/);
  });

  it('leaves alone a template whose whitespace is content: a <pre>, a <textarea> with text', async () => {
    const pre = await bundle("import { html } from 'lit';\nexport const view = html`<pre>\n  a\n    b\n</pre>`;");
    assert.match(pre, /<pre>\n {2}a\n {4}b\n<\/pre>/);
    const textarea = await bundle(
      "import { html } from 'lit';\nexport const view = (v) => html`<div>\n  <textarea>${v}\n  more</textarea>\n</div>`;",
    );
    assert.match(textarea, /<div>\n {2}<textarea>\$\{v\}\n {2}more<\/textarea>\n<\/div>/);
  });
});
