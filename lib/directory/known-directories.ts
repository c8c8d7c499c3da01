// Directories (domains or tenant ids) an organisation trusts, and how a link's directory stands
// against them. Pure and offline: deciding this never makes a network call.
import { parseDirectoryHint } from '../link/hint';

export interface KnownDirectory {
  /** A directory hint as links carry it: a lower-case domain or tenant id. */
  directory: string;
  /** What people call it ('Fabrikam'); the directory itself when none was given. */
  name: string;
  /** Where the entry comes from: the organisation's policy, or the user's own options. */
  source: 'policy' | 'user';
}

export const MAX_KNOWN_DIRECTORIES = 500;
const MAX_NAME = 100;

/** One entry from storage or policy, or undefined when it is not a usable directory. */
export function parseKnownDirectory(
  raw: unknown,
  source: KnownDirectory['source'],
): KnownDirectory | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { directory, name } = raw as Record<string, unknown>;
  if (typeof directory !== 'string') return undefined;
  const hint = parseDirectoryHint(directory);
  if (!hint.ok) return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  const label = (name ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
  return { directory: hint.value, name: label || hint.value, source };
}

/** The entries of a list, each on its own: a bad entry is dropped (its index reported), not the list. */
export function parseKnownDirectories(
  raw: unknown,
  source: KnownDirectory['source'],
): { list: KnownDirectory[]; rejected: number[] } {
  const list: KnownDirectory[] = [];
  const rejected: number[] = [];
  if (!Array.isArray(raw)) return { list, rejected };
  raw.slice(0, MAX_KNOWN_DIRECTORIES).forEach((entry, i) => {
    const parsed = parseKnownDirectory(entry, source);
    if (!parsed) rejected.push(i);
    else if (!list.some((k) => k.directory === parsed.directory)) list.push(parsed);
  });
  return { list, rejected };
}

/** The policy's entries first (their names win), then the user's own that the policy lacks. */
export function mergeKnownDirectories(
  policy: readonly KnownDirectory[],
  user: readonly KnownDirectory[],
): KnownDirectory[] {
  const seen = new Set(policy.map((k) => k.directory));
  return [...policy, ...user.filter((k) => !seen.has(k.directory))];
}

export type DirectoryStanding =
  /** No list, or no directory in the link: nothing to say. */
  | { kind: 'no-list' }
  | { kind: 'known'; directory: string; name: string }
  | { kind: 'unknown'; directory: string };

/** Whether a link's directory hint is one of the known directories (exact, case-insensitive). */
export function directoryStanding(
  hint: string | null,
  known: readonly KnownDirectory[],
): DirectoryStanding {
  if (known.length === 0 || !hint) return { kind: 'no-list' };
  const directory = hint.toLowerCase();
  const match = known.find((k) => k.directory === directory);
  return match ? { kind: 'known', directory, name: match.name } : { kind: 'unknown', directory };
}

/**
 * The known directories in effect, from the raw stored settings and the raw policy, for places
 * that cannot load the whole settings module (the in-page notice). Same rules as the settings:
 * the policy's list first; the user's own unless the policy locks the list.
 */
export function knownDirectoriesFrom(stored: unknown, policy: unknown): KnownDirectory[] {
  const field = (o: unknown, k: string) =>
    typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;
  const locked = field(policy, 'locked');
  const userList =
    Array.isArray(locked) && locked.includes('knownDirectories')
      ? []
      : field(stored, 'knownDirectories');
  return mergeKnownDirectories(
    parseKnownDirectories(field(policy, 'knownDirectories'), 'policy').list,
    parseKnownDirectories(userList, 'user').list,
  );
}
