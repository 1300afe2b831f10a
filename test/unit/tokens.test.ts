// The colour tokens, light (the fallbacks) and dark: text readable (WCAG AA 4.5:1), controls and
// the focus ring visible against their surfaces (3:1, WCAG 1.4.11).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { darkColors, tokens, type ColorToken } from '../../src/styles/tokens.js';

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The light theme is the tokens' fallbacks: `var(--conecta-color-x, #rrggbb)`. */
function lightColor(name: ColorToken): string {
  const fallback = /,\s*(#[0-9a-f]{6})\)$/i.exec(tokens[name].cssText)?.[1];
  assert.ok(fallback, `${name} has a #rrggbb fallback`);
  return fallback;
}

const colorNames = Object.keys(darkColors) as ColorToken[];
const themes: Record<string, (name: ColorToken) => string> = { light: lightColor, dark: (name) => darkColors[name] };

const textPairs: [ColorToken, ColorToken][] = [
  ['text', 'surface'],
  ['text', 'surfaceAlt'],
  ['muted', 'surface'],
  ['muted', 'surfaceAlt'],
  ['brand', 'surface'],
  ['onBrand', 'brand'],
  ['danger', 'surface'],
  ['danger', 'surfaceAlt'],
  ['success', 'surface'],
  ['success', 'surfaceAlt'],
  ['warning', 'surface'],
  ['info', 'surface'],
  ['onDanger', 'danger'],
  ['onSuccess', 'success'],
  ['onWarning', 'warning'],
  ['onInfo', 'info'],
];
const uiPairs: [ColorToken, ColorToken][] = [
  ['controlBorder', 'surface'],
  ['controlBorder', 'surfaceAlt'],
  ['focus', 'surface'],
  ['focus', 'surfaceAlt'],
  ['brand', 'surfaceAlt'],
];

describe('colour tokens', () => {
  it('has every colour in both themes, each a --conecta-color-* property', () => {
    for (const name of colorNames) {
      assert.match(tokens[name].cssText, /^var\(--conecta-color-[a-z-]+, #[0-9a-f]{6}\)$/, name);
      assert.match(darkColors[name], /^#[0-9a-f]{6}$/, name);
    }
    const everyColor = Object.keys(tokens).filter((name) => tokens[name as keyof typeof tokens].cssText.startsWith('var(--conecta-color-'));
    assert.deepEqual(everyColor.sort(), [...colorNames].sort());
  });

  for (const [theme, color] of Object.entries(themes)) {
    it(`keeps text at 4.5:1 or more on its surface in the ${theme} theme`, () => {
      for (const [fore, back] of textPairs) {
        const ratio = contrast(color(fore), color(back));
        assert.ok(ratio >= 4.5, `${theme}: ${fore} on ${back} is ${ratio.toFixed(2)}:1`);
      }
    });

    it(`keeps control borders and the focus ring at 3:1 or more in the ${theme} theme`, () => {
      for (const [fore, back] of uiPairs) {
        const ratio = contrast(color(fore), color(back));
        assert.ok(ratio >= 3, `${theme}: ${fore} on ${back} is ${ratio.toFixed(2)}:1`);
      }
    });
  }
});
