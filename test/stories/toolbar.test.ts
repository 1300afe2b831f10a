import './storybook-env.js';
import { expect } from '@open-wc/testing';
import { storyFiles } from './all-stories.js';
import { conectaElements, newCanvas, toleratingResizeObserverLoops } from './run-story.js';

// The toolbar's switches (theme, density, language, direction) reach every element of every story,
// whatever the story's own args say (.storybook/appearance.ts).
const toolbar = { theme: 'dark', density: 'compact', locale: 'en', direction: 'rtl' };

for (const { file, renders } of storyFiles) {
  describe(`${file} follows the toolbar`, () => {
    toleratingResizeObserverLoops();
    for (const [name, story] of renders) {
      it(name, async function (this: MochaContext) {
        this.timeout(20_000);
        const canvasElement = newCanvas();
        await story.run({ canvasElement, globals: toolbar });
        await new Promise((resolve) => setTimeout(resolve, 0));
        const elements = conectaElements(canvasElement);
        expect(elements, 'Conecta elements in the story').not.to.be.empty;
        for (const element of elements) {
          const where = `<${element.localName}>`;
          expect(element.getAttribute('theme'), `${where} theme`).to.equal('dark');
          expect(element.getAttribute('density'), `${where} density`).to.equal('compact');
          expect(element.getAttribute('lang'), `${where} lang`).to.equal('en');
          expect(getComputedStyle(element).direction, `${where} direction`).to.equal('rtl');
        }
        // Dark, compact and right to left, every story is as clean for axe as in its own settings.
        await expect(canvasElement).to.be.accessible();
      });
    }
  });
}
