import { editDistance, skeleton } from './text';

const HOST_TARGETS = ['myaccessmicrosoftcom', 'myaccessmicrosoftus'];

/** Whether a host looks like a My Access host: confusables, typos, prefixes, suffixes and hyphens. */
export function resemblesMyAccessHost(host: string, sk = skeleton(host)): boolean {
  // `myacces` also finds `myaccess`.
  if (sk.includes('myacces') || sk.includes('myacess')) return true;
  if (HOST_TARGETS.some((t) => editDistance(sk, t, 3) <= 3)) return true;
  // A one-letter slip in the first label: `myaccses`, `myacccess`, `nyaccess`.
  const dot = host.indexOf('.');
  const first = skeleton(dot < 0 ? host : host.slice(0, dot));
  return first.length >= 6 && first.length <= 10 && editDistance(first, 'myaccess', 2) <= 2;
}

/** Whether any part of a string imitates a My Access link (used to decide what is worth reporting). */
export function resemblesMyAccess(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower.includes('myaccess') || lower.includes('access-packages')) return true;
  const sk = skeleton(s);
  return sk.includes('accesspackages') || sk.includes('myacces') || sk.includes('myacess');
}
