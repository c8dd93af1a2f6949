import { isIP } from 'node:net';

/**
 * Which webhook endpoints may be called (server-side request forgery): https only, and no
 * loopback, private, link-local or unique-local address unless `allowPrivate` (development and tests).
 * Checks the URL as written; the sender (webhookSink) checks the addresses the name resolves to when it
 * connects, and connects to the address it checked.
 */
export function endpointProblem(url: string, policy: { allowPrivate: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.username || parsed.password) return 'credentials in the URL';
  if (parsed.protocol !== 'https:' && !(policy.allowPrivate && parsed.protocol === 'http:')) return 'not https';
  if (policy.allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || host.endsWith('.local')) return 'private host';
  if (isIP(host) && isPrivateAddress(host)) return 'private address';
  return null;
}

/**
 * Whether an address is not a public unicast one: unspecified, loopback, private, shared (CGNAT),
 * link-local, benchmarking, documentation (TEST-NET), IETF-reserved, multicast and reserved IPv4; and in
 * IPv6 the same plus unique-local, site-local, multicast, documentation, the IETF protocol block
 * 2001::/23 (Teredo tunnels to any IPv4 address) and local-use NAT64, and any IPv4 address embedded
 * in it (mapped, SIIT-translated, compatible, NAT64, 6to4) judged as that IPv4 address.
 */
export function isPrivateAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isPrivateV4(address.split('.').map(Number));
  if (kind !== 6) return true; // not an address: never connect
  const h = hextets(address.toLowerCase());
  if (!h) return true;
  const zeroUpTo = (n: number) => h.slice(0, n).every((x) => x === 0);
  const v4At = (i: number) => [h[i] >> 8, h[i] & 0xff, h[i + 1] >> 8, h[i + 1] & 0xff];
  if (zeroUpTo(8)) return true; // ::
  if (zeroUpTo(7) && h[7] === 1) return true; // ::1
  if (zeroUpTo(5) && h[5] === 0xffff) return isPrivateV4(v4At(6)); // ::ffff:a.b.c.d
  if (zeroUpTo(4) && h[4] === 0xffff && h[5] === 0) return isPrivateV4(v4At(6)); // ::ffff:0:a.b.c.d (SIIT, RFC 7915)
  if (zeroUpTo(6)) return isPrivateV4(v4At(6)); // ::a.b.c.d (deprecated compatible form)
  if (h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1) return true; // NAT64 local-use 64:ff9b:1::/48: a local translator
  if (h[0] === 0x64 && h[1] === 0xff9b) return isPrivateV4(v4At(6)); // NAT64 64:ff9b::/96
  if (h[0] === 0x2001 && h[1] < 0x200) return true; // 2001::/23 IETF protocol assignments: Teredo 2001::/32 tunnels to any IPv4, ORCHID, benchmarking
  if (h[0] === 0x2002) return isPrivateV4(v4At(1)); // 6to4
  if ((h[0] & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((h[0] & 0xffc0) === 0xfe80 || (h[0] & 0xffc0) === 0xfec0) return true; // link-local, site-local
  if ((h[0] & 0xff00) === 0xff00) return true; // multicast
  if ((h[0] === 0x2001 && h[1] === 0x0db8) || (h[0] === 0x3fff && (h[1] & 0xf000) === 0)) return true; // documentation 2001:db8::/32, 3fff::/20
  if (h[0] === 0x100 && zeroUpTo(4)) return true; // 100::/64 discard
  return false;
}

function isPrivateV4([a, b, c]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) || // IETF assignments, TEST-NET-1
    (a === 192 && b === 88 && c === 99) || // deprecated 6to4 relay anycast
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) || // TEST-NET-2
    (a === 203 && b === 0 && c === 113) || // TEST-NET-3
    a >= 224
  );
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included), or null. */
function hextets(address: string): number[] | null {
  let text = address.split('%')[0];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((x) => parseInt(x, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const groups = text.includes('::') ? [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back] : front;
  return groups.length === 8 && groups.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? groups : null;
}
