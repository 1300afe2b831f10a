import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ratingStyles } from '../../src/elements/conecta-webchat/webchat-rating.styles.js';
import { webchatStyles } from '../../src/elements/conecta-webchat/conecta-webchat.styles.js';
import { tokens } from '../../src/styles/tokens.js';

// The rating stage's styles write the tokens out rather than import them (see webchat-rating.styles.ts):
// they must stay the tokens' own text, and the colours they read without fallback the panel's.
describe('the rating stage styles', () => {
  it('read the spacing and radius tokens with the fallbacks tokens.ts gives them', () => {
    assert.ok(ratingStyles.cssText.includes(tokens.spaceXs.cssText), 'gap: the spaceXs token');
    assert.ok(ratingStyles.cssText.includes(tokens.radiusS.cssText), 'border-radius: the radiusS token');
  });

  it('read only colour tokens the panel sets', () => {
    const read = [...ratingStyles.cssText.matchAll(/var\((--conecta-color-[\w-]+)\)/g)].map((match) => match[1]);
    assert.deepEqual(read.sort(), ['--conecta-color-focus', '--conecta-color-muted']);
    for (const property of read) assert.ok(webchatStyles.cssText.includes(`${property}: var(--_`), `the panel sets ${property}`);
  });
});
