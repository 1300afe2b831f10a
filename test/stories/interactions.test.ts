import './storybook-env.js';
import { expect, waitUntil } from '@open-wc/testing';
import { storyFiles } from './all-stories.js';
import { newCanvas, toleratingResizeObserverLoops } from './run-story.js';

// Every story of stories/ rendered as in Storybook, with its play function: the interaction tests
// (accept, send, validation, login error, webchat open and send, pause…) live in the stories, so a
// designer watches in the Interactions panel exactly what runs here.
for (const { file, tag, stories } of storyFiles) {
  describe(file, () => {
    toleratingResizeObserverLoops();
    for (const [name, story] of stories) {
      it(`${name} renders${story.play ? ' and its play function passes' : ''}`, async function (this: MochaContext) {
        this.timeout(20_000);
        const canvasElement = newCanvas();
        await story.run({ canvasElement });
        if (!tag) {
          expect(canvasElement.textContent?.trim(), 'what the story drew').not.to.equal('');
          return;
        }
        const element = canvasElement.querySelector(tag);
        expect(element, `<${tag}> in the story`).to.exist;
        // Some draw only once their first answer arrives (the webchat: its channel's settings).
        await waitUntil(() => (element!.shadowRoot?.childElementCount ?? 0) > 0, `<${tag}> rendered nothing`, { timeout: 5_000 });
        // What the Accessibility panel shows for the story: axe finds nothing, after its play function too.
        await expect(canvasElement).to.be.accessible();
      });
    }
  });
}
