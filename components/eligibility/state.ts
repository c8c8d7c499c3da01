import { computed, signal } from '@preact/signals';
import {
  combineFacts,
  openQuestions,
  type Answers,
  type Question,
} from '../../lib/eligibility/answers';
import { eligibilityFindings, type PackageFacts } from '../../lib/eligibility/rules';
import type { GraphPackage } from '../../lib/graph/facts';
import { asGraphProblem, type GraphProblem } from '../../lib/graph/problems';
import type { GraphEnv } from '../graph/graph-env';

/** What the eligibility check needs from the world. */
export interface EligibilityEnv {
  graph: Pick<GraphEnv, 'signedIn' | 'readPackage'>;
  answers(packageId: string): Promise<Answers>;
  saveAnswers(packageId: string, answers: Answers): Promise<void>;
  openOptions(): Promise<void>;
}

export type GraphStatus =
  | { kind: 'off' }
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done' }
  | { kind: 'problem'; problem: GraphProblem };

/**
 * One package's eligibility: the page's facts, Graph's when signed in, the admin's answers and
 * the partner typed; findings follow from them.
 */
export function createEligibilityState(
  env: EligibilityEnv,
  packageId: string,
  page: PackageFacts,
  graphConfigured: boolean,
) {
  const graph = signal<GraphPackage | null>(null);
  const status = signal<GraphStatus>(graphConfigured ? { kind: 'idle' } : { kind: 'off' });
  const answers = signal<Answers>({});
  const partner = signal('');

  const known = computed(() => combineFacts(graph.value?.facts, page, {}));
  const facts = computed<PackageFacts>(() => ({
    ...combineFacts(graph.value?.facts, page, answers.value),
    partner: partner.value,
  }));
  const findings = computed(() => eligibilityFindings(facts.value));
  const questions = computed<Question[]>(() => openQuestions(known.value));

  async function check() {
    status.value = { kind: 'loading' };
    try {
      graph.value = await env.graph.readPackage(packageId);
      status.value = { kind: 'done' };
    } catch (e) {
      status.value = { kind: 'problem', problem: asGraphProblem(e) };
    }
  }

  return {
    graph,
    status,
    answers,
    partner,
    facts,
    findings,
    questions,
    check,
    async load() {
      answers.value = await env.answers(packageId).catch(() => ({}));
      // Signed in already: check at once. Otherwise the panel offers the way to sign in.
      if (graphConfigured && (await env.graph.signedIn().catch(() => null))) await check();
    },
    async answer(question: Question, value: boolean | undefined) {
      const next = { ...answers.value };
      if (value === undefined) delete next[question];
      else next[question] = value;
      answers.value = next;
      await env.saveAnswers(packageId, next);
    },
    /** What the admin typed in the partner field (an email or a domain). */
    typePartner(value: string) {
      partner.value = value;
    },
    openOptions: () => env.openOptions(),
  };
}

export type EligibilityState = ReturnType<typeof createEligibilityState>;
