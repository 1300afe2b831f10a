/** @jsxImportSource solid-js */
// Solid with the elements as plain tags: the types come from `conecta-elements/jsx/solid`.
import type {} from 'conecta-elements/jsx/solid';

export const Desk = () => (
  <conecta-provider server="https://conecta.example" token="t">
    <conecta-contact-form contact-id="c-1" on:conecta-contact-saved={(event) => event.detail.contact.name.toUpperCase()} />
  </conecta-provider>
);

// @ts-expect-error: an event's detail is typed (a contact's name is a string).
export const wrongDetail = <conecta-contact-form on:conecta-contact-saved={(event) => event.detail.contact.name.toFixed()} />;
