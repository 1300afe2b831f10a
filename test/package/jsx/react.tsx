// React 19 with the elements as plain tags: the types come from `conecta-elements/jsx/react`.
import type {} from 'conecta-elements/jsx/react';
import type { SessionAcceptedEvent } from 'conecta-elements/queue';

export const Desk = ({ onAccepted }: { onAccepted: (event: SessionAcceptedEvent) => void }) => (
  <conecta-provider server="https://conecta.example" token="t">
    <conecta-queue phase="pending" with-alerts lang="en" onconecta-session-accepted={onAccepted} />
    <conecta-session
      session-id="s-1"
      onconecta-call-request={(event) => console.log(event.detail.phone.toUpperCase(), event.detail.extension)}
    />
    <conecta-webchat
      server="https://conecta.example"
      channel="site"
      theme="dark"
      onconecta-webchat-unread={(event) => event.detail.count + 1}
    />
  </conecta-provider>
);

// @ts-expect-error: the queue's phase is one of its three phases.
export const wrongPhase = <conecta-queue phase="closed" />;
// @ts-expect-error: an event's detail is typed (the unread count is a number).
export const wrongDetail = <conecta-webchat onconecta-webchat-unread={(event) => event.detail.count.toUpperCase()} />;
// @ts-expect-error: no such element.
export const unknownTag = <conecta-nothing />;
