import { describe, expect, it } from 'vitest';
import {
  directoryStanding,
  knownDirectoriesFrom,
  mergeKnownDirectories,
  parseKnownDirectories,
  type KnownDirectory,
} from '../../lib/directory/known-directories';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const known: KnownDirectory[] = [
  { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
  { directory: TENANT, name: 'Northwind', source: 'user' },
];

describe('known directories', () => {
  it.each([
    // An empty list says nothing, whatever the link.
    ['contoso-partners.com', [], { kind: 'no-list' }],
    [null, known, { kind: 'no-list' }],
    ['fabrikam.com', known, { kind: 'known', directory: 'fabrikam.com', name: 'Fabrikam' }],
    ['FABRIKAM.COM', known, { kind: 'known', directory: 'fabrikam.com', name: 'Fabrikam' }],
    [TENANT, known, { kind: 'known', directory: TENANT, name: 'Northwind' }],
    // Near misses are not the known directory: an attacker's own tenant looks like this.
    ['contoso-partners.com', known, { kind: 'unknown', directory: 'contoso-partners.com' }],
    [
      'fabrikam.com.evil.example',
      known,
      { kind: 'unknown', directory: 'fabrikam.com.evil.example' },
    ],
    ['fabrikam.onmicrosoft.com', known, { kind: 'unknown', directory: 'fabrikam.onmicrosoft.com' }],
  ] as const)('%s → %j', (hint, list, standing) => {
    expect(directoryStanding(hint, list)).toEqual(standing);
  });

  it('keeps good entries and reports the bad ones by index', () => {
    expect(
      parseKnownDirectories(
        [
          { directory: '@Fabrikam.com.', name: 'Fabrikam' },
          { directory: 'xn--fabrikm-3ya.com', name: 'look-alike' },
          { directory: 'fabrikam', name: 'no dot' },
          { directory: 'partner.example', name: 7 },
          { name: 'no directory' },
          { directory: `{${TENANT.toUpperCase()}}` },
        ],
        'policy',
      ),
    ).toEqual({
      list: [
        { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
        { directory: TENANT, name: TENANT, source: 'policy' },
      ],
      rejected: [1, 2, 3, 4],
    });
    expect(parseKnownDirectories('fabrikam.com', 'user')).toEqual({ list: [], rejected: [] });
  });

  it('merges the policy list first; its names win', () => {
    expect(
      mergeKnownDirectories(
        [{ directory: 'fabrikam.com', name: 'Fabrikam (policy)', source: 'policy' }],
        [
          { directory: 'fabrikam.com', name: 'mine', source: 'user' },
          { directory: 'contoso.com', name: 'Contoso', source: 'user' },
        ],
      ),
    ).toEqual([
      { directory: 'fabrikam.com', name: 'Fabrikam (policy)', source: 'policy' },
      { directory: 'contoso.com', name: 'Contoso', source: 'user' },
    ]);
  });
});

describe('knownDirectoriesFrom (raw storage and policy, for the in-page notice)', () => {
  const stored = { knownDirectories: [{ directory: 'northwind.example', name: 'Northwind' }] };
  it.each([
    [undefined, undefined, []],
    [stored, undefined, [{ directory: 'northwind.example', name: 'Northwind', source: 'user' }]],
    [
      stored,
      { knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }] },
      [
        { directory: 'fabrikam.com', name: 'Fabrikam', source: 'policy' },
        { directory: 'northwind.example', name: 'Northwind', source: 'user' },
      ],
    ],
    [
      stored,
      { knownDirectories: [{ directory: 'fabrikam.com' }], locked: ['knownDirectories'] },
      [{ directory: 'fabrikam.com', name: 'fabrikam.com', source: 'policy' }],
    ],
    ['corrupt', { knownDirectories: 'fabrikam.com' }, []],
  ])('%j with policy %j', (s, p, expected) => {
    expect(knownDirectoriesFrom(s, p)).toEqual(expected);
  });
});
