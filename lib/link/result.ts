import { addProblems } from './problems';
import {
  MY_ACCESS_HOSTS,
  type LinkAnalysis,
  type MyAccessHost,
  type Need,
  type ProblemCode,
} from './types';

export function isOfficialHost(host: string): host is MyAccessHost {
  return (MY_ACCESS_HOSTS as readonly string[]).includes(host);
}

export function result(
  input: string,
  link: string,
  verdict: LinkAnalysis['verdict'],
  codes: ProblemCode[],
  extra: Partial<LinkAnalysis> = {},
): LinkAnalysis {
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

/**
 * An analysis of a link on an official host, argument by argument: the hot paths build these, and
 * result()'s spread of extras cost more there than judging the link. Same fields, same order.
 */
export function officialResult(
  input: string,
  link: string,
  verdict: LinkAnalysis['verdict'],
  codes: ProblemCode[],
  host: MyAccessHost,
  directoryHint: string | null,
  accessPackageId: string | null,
  canonical: string | null,
  needs: Need[],
): LinkAnalysis {
  return {
    input,
    verdict,
    host,
    directoryHint,
    accessPackageId,
    canonical,
    needs,
    unwrapped: [],
    problems: addProblems([], ...codes),
    realHost: null,
    link,
  };
}

/** A verdict for input that is not a link to judge at all. */
export function notALink(input: string, code: ProblemCode): LinkAnalysis {
  return result(input, input, 'invalid', [code]);
}
