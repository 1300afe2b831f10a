/**
 * `data-color` as `--conecta-color-brand` for one channel's placeholder and widget, through a
 * constructed stylesheet adopted by the document: strict CSP forbids style attributes and `<style>`,
 * not adopted sheets. Returns the function that takes it away again.
 */
export function applyBrandColor(channel: string, color: string | undefined): () => void {
  const sheets = document.adoptedStyleSheets;
  // Validated, so a `data-color` cannot smuggle in other rules.
  if (!color || !sheets || !CSS.supports('color', color)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`[channel="${CSS.escape(channel)}"]:is(conecta-webchat,conecta-webchat-placeholder){--conecta-color-brand:${color}}`);
  document.adoptedStyleSheets = [...sheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
  };
}
