// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent } from '@lit/react';
import * as React from 'react';
import { ConectaProvider as ConectaProviderElement } from '../context/conecta-provider.js';

/** `<conecta-provider>` as a React component. Gives every Conecta element inside it one shared client: the page's client for `server` + `getToken` (a CRM signing its user on, tokens renewed before they expire), for `server` + `token`, or the one set on its `client` property. */
export const ConectaProvider = createComponent({
  react: React,
  tagName: 'conecta-provider',
  elementClass: ConectaProviderElement,
  displayName: 'ConectaProvider',
  events: {},
});
