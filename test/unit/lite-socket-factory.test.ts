import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { io } from 'socket.io-client';
import { liteSocket } from '../../src/client/socket/lite-socket.js';
import { socketFactoryFor } from '../../src/client/socket/socket-factory.js';

describe('socketFactoryFor', () => {
  it('gives visitors the lite socket and agents socket.io-client', async () => {
    assert.equal(await socketFactoryFor('visitor'), liteSocket);
    assert.equal(await socketFactoryFor('agent'), io);
  });
});
