import type { Plugin } from 'rollup';

/** A piece of CSS without comments and without the whitespace that means nothing. */
export function minifyCss(css: string): string;
/** A piece of Lit markup with each line break and the indentation around it made one space. */
export function minifyHtml(html: string): string;
/** A Rollup plugin that minifies Lit's `css` and `html` templates of the files `include` matches. */
export function minifyTemplates(options?: { include?: RegExp }): Plugin;
