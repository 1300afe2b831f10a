import MagicString from 'magic-string';

/*
 * Terser leaves the text of template literals alone, so the CSS of `css` and the markup of `html`
 * templates would reach the webchat's bundle indented as in the source (about 750 bytes of its
 * gzip). The published minifiers of template literals do not fit: minify-literals 2 (lightningcss)
 * stops on our styles ("did not preserve template expression placeholders": it rewrites declarations
 * such as `padding-block: ${a}; padding-inline: ${b}` together) and wants Node 22; the older ones are
 * no longer maintained. This one only takes out what cannot matter, in the static text between the
 * interpolations, so whatever is interpolated stays where it was.
 */

/** Quoted strings, kept as they are. */
const QUOTED = /('[^'\n]*'|"[^"\n]*")/;

/**
 * An attribute selector's quoted value that is a plain name (`[part='panel']`): CSS takes it unquoted.
 * Values that are not (`'a b'`, `'1a'`, `'.pdf'`) keep their quotes.
 */
const PLAIN_ATTRIBUTE_VALUE = /\[([\w-]+)([~|^$*]?=)(['"])([A-Za-z_][\w-]*)\3\]/g;

/** A piece of CSS without comments and without the whitespace that means nothing. */
export function minifyCss(css) {
  const uncommented = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(PLAIN_ATTRIBUTE_VALUE, '[$1$2$4]');
  const parts = uncommented.split(QUOTED);
  // An unbalanced quote (a string that goes on past an interpolation): leave the piece alone.
  if (parts.some((part, index) => index % 2 === 0 && /['"]/.test(part))) return css;
  return parts
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            // Not around `+` or `-` (calc() needs them), nor before `:` (`a :focus` is not `a:focus`).
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}')
            // `0.5` is `.5`; only after a separator, so `10.5` (or an interpolated digit before) stays.
            .replace(/([\s:,(]-?)0\.(\d)/g, '$1.$2'),
    )
    .join('');
}

/**
 * A piece of Lit markup with each line break and the indentation around it made one space, which
 * renders the same (templates hold no text of their own: texts come from bindings), and the quotes
 * around plain-word attribute values dropped. Except where whitespace is content: what comes before
 * `</textarea>` stays (see `keepsWhitespace` for the rest).
 */
export function minifyHtml(html) {
  return (
    html
      .replace(/\s*\n\s*/g, (run, at) => (html.startsWith('</textarea', at + run.length) ? run : ' '))
      // `part="input"` is `part=input`; only a plain word followed by a space or `>` (before `/>` it would take the slash).
      .replace(/(\s[\w-]+=)"([\w-]+)"(?=[\s>])/g, '$1$2')
  );
}

/** Markup whose whitespace may be content: a `<pre>`, or a `<textarea>` with text (or a binding) inside. */
const keepsWhitespace = (html) => /<pre\b|<textarea\b[^>]*>(?!\s*<\/textarea>)/i.test(html);

function* taggedTemplates(node) {
  if (!node || typeof node.type !== 'string') return;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) yield* taggedTemplates(child);
    else if (value && typeof value === 'object') yield* taggedTemplates(value);
  }
}

/**
 * A Rollup plugin that minifies Lit's `css` and `html` (and `svg`) templates of the files `include`
 * matches. Place it after the plugin that turns TypeScript into JavaScript.
 */
export function minifyTemplates({ include = /\/src\/.*\.ts$/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const output = new MagicString(code);
      for (const template of taggedTemplates(this.parse(code))) {
        const tag = template.tag.name;
        const minify = tag === 'css' ? minifyCss : tag === 'html' || tag === 'svg' ? minifyHtml : null;
        const quasis = template.quasi.quasis;
        if (!minify || (minify === minifyHtml && keepsWhitespace(quasis.map((quasi) => quasi.value.raw).join('${}')))) continue;
        quasis.forEach((quasi, index) => {
          let text = minify(quasi.value.raw);
          // Around the whole stylesheet, whitespace is nothing.
          if (tag === 'css' && index === 0) text = text.trimStart();
          if (tag === 'css' && index === quasis.length - 1) text = text.trimEnd();
          if (text === quasi.value.raw) return;
          if (text) output.update(quasi.start, quasi.end, text);
          else output.remove(quasi.start, quasi.end);
        });
      }
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
