/** @jsxImportSource preact */
// Preact with the elements as plain tags: the types come from `conecta-elements/jsx/preact`.
import type {} from 'conecta-elements/jsx/preact';

export const Desk = () => (
  <conecta-provider server="https://conecta.example" token="t">
    <conecta-queue phase="active" onconecta-session-selected={(event) => event.detail.session.id.toUpperCase()} />
  </conecta-provider>
);

// @ts-expect-error: the queue's phase is one of its three phases.
export const wrongPhase = <conecta-queue phase="closed" />;
// @ts-expect-error: an event's detail is typed (a session id is a string).
export const wrongDetail = <conecta-queue onconecta-session-selected={(event) => event.detail.session.id.toFixed()} />;
