import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_TTL_MS,
  checkDirectory,
  cloudMismatch,
  discoveryUrl,
  parseCachedCheck,
  readDiscovery,
  type CachedCheck,
  type CheckDeps,
} from '../../lib/directory/openid-check';

const saved = (name: string) => readFileSync(`tests/fixtures/openid/${name}`, 'utf8');

describe('readDiscovery (saved responses)', () => {
  it.each([
    [
      'found.json',
      200,
      {
        kind: 'found',
        tenantId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
        cloud: 'global',
        personal: false,
      },
    ],
    [
      'usgov-gcc-high.json',
      200,
      {
        kind: 'found',
        tenantId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
        cloud: 'usgov-high',
        personal: false,
      },
    ],
    [
      'gcc.json',
      200,
      {
        kind: 'found',
        tenantId: 'c4d5e6f7-0819-4a2b-bc3d-4e5f60718293',
        cloud: 'gcc',
        personal: false,
      },
    ],
    [
      'consumers.json',
      200,
      {
        kind: 'found',
        tenantId: '9188040d-6c67-4c5b-b112-36a304b66dad',
        cloud: 'global',
        personal: true,
      },
    ],
    ['not-found.json', 400, { kind: 'not-found' }],
    ['malformed.txt', 200, { kind: 'not-checked', reason: 'unexpected' }],
    // A server error or throttling says nothing about the tenant.
    ['not-found.json', 500, { kind: 'not-checked', reason: 'unexpected' }],
    ['found.json', 429, { kind: 'not-checked', reason: 'unexpected' }],
  ])('%s (HTTP %i)', (file, status, expected) => {
    expect(readDiscovery(status, saved(file))).toEqual(expected);
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['no issuer', '{"tenant_region_scope":"EU"}'],
    ['an issuer without a tenant id', '{"issuer":"https://login.microsoftonline.com/common/v2.0"}'],
    ['an issuer that is not a URL', '{"issuer":"nope"}'],
    [
      'an http issuer',
      '{"issuer":"http://login.microsoftonline.com/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/v2.0"}',
    ],
  ])('a 200 with %s is "not checked"', (_, body) => {
    expect(readDiscovery(200, body)).toEqual({ kind: 'not-checked', reason: 'unexpected' });
  });

  it.each([
    [{ tenant_region_scope: 'USG' }, 'usgov'],
    [{ tenant_region_scope: 'USGov', tenant_region_sub_scope: 'DOD' }, 'usgov-dod'],
    [{ cloud_instance_name: 'microsoftonline.us' }, 'usgov'],
    [{ cloud_instance_name: 'partner.microsoftonline.cn' }, 'china'],
    [{ tenant_region_scope: 'NA', tenant_region_sub_scope: 'GCC' }, 'gcc'],
    [{ tenant_region_scope: 'WW' }, 'global'],
  ])('cloud from %j is %s', (fields, cloud) => {
    const body = JSON.stringify({
      issuer: 'https://login.microsoftonline.com/3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b/v2.0',
      ...fields,
    });
    expect(readDiscovery(200, body)).toMatchObject({ kind: 'found', cloud });
  });

  it.each([
    ['myaccess.microsoft.com', 'usgov-high', true],
    ['myaccess.microsoft.com', 'usgov-dod', true],
    ['myaccess.microsoft.com', 'usgov', true],
    ['myaccess.microsoft.com', 'gcc', false],
    ['myaccess.microsoft.com', 'global', false],
    ['myaccess.microsoft.us', 'global', true],
    ['myaccess.microsoft.us', 'usgov-high', false],
    ['myaccess.microsoft.com', 'china', false],
  ] as const)('a link on %s to a %s tenant: mismatch %s', (host, cloud, mismatch) => {
    expect(cloudMismatch(host, cloud)).toBe(mismatch);
  });

  it('builds the discovery URL from the hint, encoded', () => {
    expect(discoveryUrl('contoso.com')).toBe(
      'https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration',
    );
    expect(discoveryUrl('a/../b')).toContain('/a%2F..%2Fb/v2.0/');
  });
});

describe('checkDirectory', () => {
  afterEach(() => vi.useRealTimers());

  function deps(over: Partial<CheckDeps> & { answer?: [number, string] } = {}) {
    const cache = new Map<string, CachedCheck>();
    let now = 1_000_000;
    const d = {
      cache,
      tick: (ms: number) => void (now += ms),
      fetch: vi.fn((_url: string, _init: { signal: AbortSignal }) => {
        const [status, body] = over.answer ?? [200, saved('found.json')];
        return Promise.resolve({ status, text: () => Promise.resolve(body) });
      }),
      now: () => now,
      readCache: (h: string) => Promise.resolve(cache.get(h)),
      writeCache: (h: string, e: CachedCheck) => {
        cache.set(h, e);
        return Promise.resolve();
      },
      ...over,
    };
    return d;
  }

  it('asks once per hint and day, then again', async () => {
    const d = deps();
    const first = await checkDirectory('Contoso.com', d);
    expect(first).toMatchObject({ kind: 'found', cloud: 'global' });
    expect(d.fetch).toHaveBeenCalledWith(
      'https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration',
      expect.anything(),
    );
    expect(await checkDirectory('contoso.com', d)).toEqual(first);
    expect(d.fetch).toHaveBeenCalledTimes(1);
    d.tick(CHECK_TTL_MS + 1);
    await checkDirectory('contoso.com', d);
    expect(d.fetch).toHaveBeenCalledTimes(2);
  });

  it('caches "not found" too, but never "not checked"', async () => {
    const nf = deps({ answer: [400, saved('not-found.json')] });
    expect(await checkDirectory('contoso-partnrs.com', nf)).toEqual({ kind: 'not-found' });
    expect(nf.cache.get('contoso-partnrs.com')?.result).toEqual({ kind: 'not-found' });
    const bad = deps({ answer: [200, saved('malformed.txt')] });
    expect(await checkDirectory('contoso.com', bad)).toMatchObject({ kind: 'not-checked' });
    expect(bad.cache.size).toBe(0);
  });

  it('offline is "not checked", not an error', async () => {
    const d = deps({
      fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    });
    expect(await checkDirectory('contoso.com', d)).toEqual({
      kind: 'not-checked',
      reason: 'offline',
    });
  });

  it('gives up after the timeout (the request is aborted)', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const d = deps({
      timeoutMs: 5000,
      fetch: vi.fn(
        (_url: string, init: { signal: AbortSignal }) =>
          new Promise<never>((_, reject) => {
            signal = init.signal;
            init.signal.addEventListener('abort', () => reject(new DOMException('', 'AbortError')));
          }),
      ),
    });
    const pending = checkDirectory('contoso.com', d);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toEqual({ kind: 'not-checked', reason: 'timeout' });
    expect(signal?.aborted).toBe(true);
  });

  it('ignores a cache entry from the future or of the wrong shape', async () => {
    const d = deps();
    d.cache.set('contoso.com', { at: 9e15, result: { kind: 'not-found' } });
    expect(await checkDirectory('contoso.com', d)).toMatchObject({ kind: 'found' });
    expect(
      parseCachedCheck({ at: 1, result: { kind: 'found', tenantId: 'x', cloud: 'global' } }),
    ).toBe(undefined);
    expect(parseCachedCheck({ at: 1, result: { kind: 'not-checked' } })).toBe(undefined);
    expect(parseCachedCheck('x')).toBe(undefined);
  });
});
