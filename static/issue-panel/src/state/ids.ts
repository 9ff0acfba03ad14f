/**
 * Ids for new entries and links: `crypto.randomUUID()` where the page is a
 * secure context (Forge's https iframe, http://localhost); elsewhere (a plain
 * http host) the same v4 UUID shape from `crypto.getRandomValues`. Either way
 * the id matches the backend's rule /^[A-Za-z0-9_-]{1,64}$/.
 */
interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues: <T extends Uint8Array>(array: T) => T;
}

export function newId(source: CryptoLike = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
