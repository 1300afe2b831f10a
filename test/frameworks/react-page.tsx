// A React 19 page with the wrappers of `conecta-elements/react` on a mock client (see react.test.ts).
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ConectaQueue } from '../../src/react/index.js';
import type { SessionAcceptedEvent } from '../../src/queue.js';
import { createMockClient, queueFixture } from '../fixtures/index.js';

const client = createMockClient(queueFixture());
const accepted: string[] = [];

function Desk() {
  const [alerts, setAlerts] = useState(false);
  return (
    <>
      <button id="alerts" onClick={() => setAlerts(!alerts)}>
        alerts
      </button>
      <ConectaQueue
        client={client}
        phase="waiting"
        withAlerts={alerts}
        lang="en"
        onSessionAccepted={(event: SessionAcceptedEvent) => accepted.push(`${event.detail.session.id} ${event.detail.contact.name}`)}
      />
    </>
  );
}

const scenario = {
  render() {
    const root = createRoot(document.getElementById('app')!);
    flushSync(() => root.render(<Desk />));
  },
  accepted: () => accepted,
  accepts: () => client.received('session.accept'),
};
Object.assign(window, { scenario });
