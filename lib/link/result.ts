import { addProblems } from './problems';
import { MY_ACCESS_HOSTS, type LinkAnalysis, type MyAccessHost, type ProblemCode } from './types';

export function isOfficialHost(host: string): host is MyAccessHost {
  return (MY_ACCESS_HOSTS as readonly string[]).includes(host);
}

const NO_EXTRA: Partial<LinkAnalysis> = {};

export function result(input: string, link: string, verdict: LinkAnalysis['verdict'], codes: ProblemCode[], extra: Partial<LinkAnalysis> = NO_EXTRA): LinkAnalysis {
  // Every analysis is built with the same fields in the same order (one object shape keeps the
  // engine's hot path fast); `extra` fills what the verdict knows.
  return {
    input,
    verdict,
    host: extra.host ?? null,
    directoryHint: extra.directoryHint ?? null,
    accessPackageId: extra.accessPackageId ?? null,
    canonical: extra.canonical ?? null,
    needs: extra.needs ?? [],
    unwrapped: extra.unwrapped ?? [],
    problems: addProblems([], ...codes),
    realHost: extra.realHost ?? null,
    link,
  };
}

/** A verdict for input that is not a link to judge at all. */
export function notALink(input: string, code: ProblemCode): LinkAnalysis {
  return result(input, input, 'invalid', [code]);
}

