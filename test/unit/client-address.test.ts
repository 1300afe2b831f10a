import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAddress } from '../../server/src/limits/client-address.js';

describe('clientAddress', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    assert.equal(clientAddress('198.51.100.7', '203.0.113.1', 0), '198.51.100.7');
    assert.equal(clientAddress('::ffff:198.51.100.7', undefined, 0), '198.51.100.7');
  });

  it('takes the entry the trusted proxies appended, ignoring what the client wrote before it', () => {
    assert.equal(clientAddress('10.0.0.2', 'forged, 203.0.113.9', 1), '203.0.113.9');
    assert.equal(clientAddress('10.0.0.3', ['forged, 203.0.113.9', '10.0.0.2'], 2), '203.0.113.9');
    assert.equal(clientAddress('10.0.0.2', undefined, 1), '10.0.0.2', 'no header: the proxy itself');
  });

  it('counts an IPv6 client by its /64', () => {
    assert.equal(clientAddress('2001:db8:1:2:aaaa::1', undefined, 0), '2001:db8:1:2::/64');
    assert.equal(clientAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee', undefined, 0), '2001:db8:1:2::/64');
    assert.equal(clientAddress('2001:db8::1', undefined, 0), '2001:db8:0:0::/64');
  });
});
