const HEX = /^#([\da-f]{3}|[\da-f]{6})$/i;
const DARK_TEXT = '#1b2430';

/** WCAG relative luminance of a `#rgb` / `#rrggbb` colour. */
function luminance(hex: string): number {
  let digits = hex.slice(1);
  if (digits.length === 3) digits = [...digits].map((digit) => digit + digit).join('');
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(digits.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The channel's accent colour and the text colour that reads on it (white or near-black, whichever
 * contrasts more), or `null` for anything but a hex colour: only a plain colour may reach the CSSOM.
 */
export function accentColors(color: string | null | undefined): { accent: string; onAccent: string } | null {
  const accent = color?.trim() ?? '';
  if (!HEX.test(accent)) return null;
  const l = luminance(accent);
  // Contrast ratios against white (L = 1) and against DARK_TEXT (L ≈ 0.0171).
  return { accent, onAccent: 1.05 / (l + 0.05) >= (l + 0.05) / 0.0671 ? '#fff' : DARK_TEXT };
}
