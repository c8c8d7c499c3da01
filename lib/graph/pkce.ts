// Proof Key for Code Exchange (RFC 7636), S256 only. Web Crypto is a language-level global in
// browsers and Node alike; it is passed in so tests can make it deterministic.

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string of 43 characters (32 bytes): the verifier, or a `state` value. */
export function randomToken(crypto: Crypto = globalThis.crypto): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function challengeFor(
  verifier: string,
  crypto: Crypto = globalThis.crypto,
): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export async function createPkce(crypto: Crypto = globalThis.crypto): Promise<Pkce> {
  const verifier = randomToken(crypto);
  return { verifier, challenge: await challengeFor(verifier, crypto) };
}
