import { isIPv6 } from 'node:net';

/**
 * The address rate limits count a client by. `X-Forwarded-For` is honoured only for the number of
 * proxies the operator says stand in front (`trustedProxyHops`, default 0): each appends the address
 * it saw, so the client is that many entries from the right, and whatever the client wrote to the
 * left of it is ignored (anyone can send the header). An IPv6 client is counted by its /64, which a
 * single subscriber usually holds whole.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxyHops: number,
): string {
  const forwarded =
    trustedProxyHops > 0
      ? [forwardedFor ?? []]
          .flat()
          .join(',')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, socketAddress ?? 'unknown'];
  return addressKey(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]!);
}

function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
