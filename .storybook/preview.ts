import type { Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';

const preview: Preview = {
  // Logs the events named in each story's `parameters.actions.handles` in the Actions panel.
  decorators: [withActions],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
  },
};

export default preview;
