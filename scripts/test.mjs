// `npm test`: every check, in as little wall time as a small machine allows. Steps that do not
// need each other run side by side (a browser suite spends much of its time waiting on its
// browser); each step's output is printed whole when it ends, with its time.
import { spawn } from 'node:child_process';

/**
 * In order of priority: a step starts once the steps it `needs` have passed and fewer than `JOBS`
 * others are running. The browser suites come first among the rest: they take longest. Installs
 * are not counted among the `JOBS`: the checks run while a browser unpacks.
 */
const STEPS = [
  { name: 'chromium', run: 'node scripts/ensure-chromium.mjs', install: true },
  // apt takes one install at a time.
  { name: 'firefox', run: 'node scripts/ensure-firefox.mjs', needs: ['chromium'], install: true },
  { name: 'build', run: 'npm run build' },
  {
    name: 'e2e:chromium',
    run: 'node --test-reporter=spec tests/e2e/suite.mjs',
    needs: ['chromium', 'build'],
  },
  {
    name: 'e2e:firefox',
    run: 'node --test --test-concurrency=1 --test-reporter=spec tests/e2e-firefox/',
    needs: ['firefox', 'build'],
  },
  { name: 'lint:firefox', run: 'npm run lint:firefox', needs: ['build'] },
  { name: 'typecheck', run: 'npm run typecheck' },
  { name: 'lint', run: 'npm run lint' },
  { name: 'format', run: 'npm run format:check' },
  { name: 'unit', run: 'npm run test:unit' },
];

// Three at once: on a fresh 2-core machine (both browsers installed by the run) 301–313 s, against
// 319 s with two.
const JOBS = Number(process.env.ALD_TEST_JOBS) || 3;
const only = process.argv.slice(2);
const steps = only.length ? STEPS.filter((s) => only.includes(s.name)) : STEPS;
const state = new Map(steps.map((s) => [s.name, 'waiting']));
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const started = performance.now();
let running = 0;

function runStep(step) {
  state.set(step.name, 'running');
  if (!step.install) running++;
  console.log(`▶ ${step.name}: ${step.run}`);
  const t0 = performance.now();
  const child = spawn(step.run, { shell: true, env: { ...process.env, FORCE_COLOR: '0' } });
  const output = [];
  child.stdout.on('data', (d) => output.push(d));
  child.stderr.on('data', (d) => output.push(d));
  child.on('close', (code) => {
    if (!step.install) running--;
    step.time = seconds(t0);
    state.set(step.name, code === 0 ? 'passed' : 'failed');
    const mark = code === 0 ? '✔' : '✖';
    console.log(`\n${mark} ${step.name} (${step.time} s)\n${Buffer.concat(output).toString()}`);
    schedule();
  });
}

function schedule() {
  for (const step of steps) {
    if (state.get(step.name) !== 'waiting') continue;
    const needs = (step.needs ?? []).filter((n) => state.has(n));
    if (needs.some((n) => ['failed', 'skipped'].includes(state.get(n)))) {
      state.set(step.name, 'skipped');
      step.time = '-';
      continue;
    }
    if ((step.install || running < JOBS) && needs.every((n) => state.get(n) === 'passed'))
      runStep(step);
  }
  if (![...state.values()].some((s) => s === 'waiting' || s === 'running')) finish();
}

function finish() {
  console.log(`\nnpm test: ${seconds(started)} s`);
  for (const step of steps)
    console.log(
      `  ${state.get(step.name).padEnd(7)}  ${String(step.time).padStart(6)} s  ${step.name}`,
    );
  const failed = steps.filter((s) => state.get(s.name) !== 'passed').map((s) => s.name);
  if (failed.length) {
    console.error(`\nNot passed: ${failed.join(', ')} (each step's output is above).`);
    process.exit(1);
  }
}

schedule();
