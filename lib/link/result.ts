import { addProblems } from './problems';
import { MY_ACCESS_HOSTS, type LinkAnalysis, type MyAccessHost, type ProblemCode } from './types';

export function isOfficialHost(host: string): host is MyAccessHost {
  return (MY_ACCESS_HOSTS as readonly string[]).includes(host);
}

export function result(input: string, link: string, verdict: LinkAnalysis['verdict'], codes: ProblemCode[], extra: Partial<LinkAnalysis> = {}): LinkAnalysis {
  return {
    input,
    verdict,
    host: null,
    directoryHint: null,
    accessPackageId: null,
    canonical: null,
    needs: [],
    unwrapped: [],
    problems: addProblems([], ...codes),
    realHost: null,
    link,
    ...extra,
  };
}

/** A verdict for input that is not a link to judge at all. */
export function notALink(input: string, code: ProblemCode): LinkAnalysis {
  return result(input, input, 'invalid', [code]);
}

