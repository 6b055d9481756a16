#!/usr/bin/env node
// Compares the step benchmark (tests/e2e/step-bench.mjs: one step's render
// on a >10,000-event trace) between two builds of the app, back to back in
// one run so both see the same machine load. Prints figures only.
//
//   node tools/bench-steps.mjs DIST_BEFORE DIST_AFTER [--rounds N]
//
// Each round opens the benchmark page once in each build (alternating which
// goes first), in a fresh browser context; the medians over rounds of each
// build's median and p95 step render, and its DOM mutations per step, are
// printed with the ratio after/before.
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { serveDir, launchBrowser, openPage } from '../tests/e2e/harness.mjs';
import { stepBenchUrl, measureSteps } from '../tests/e2e/step-bench.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 5;
if (args.length !== 2) {
  console.error('usage: node tools/bench-steps.mjs DIST_BEFORE DIST_AFTER [--rounds N]');
  process.exit(2);
}
const builds = [
  { name: 'before', dir: resolve(args[0]), runs: [] },
  { name: 'after', dir: resolve(args[1]), runs: [] },
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

console.log(`bench-steps: ${rounds} rounds; load ${load()}`);
for (const b of builds) b.server = await serveDir(b.dir);
const browser = await launchBrowser();
try {
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) {
      const { page, context } = await openPage(browser, stepBenchUrl(b.server.url), { viewport: { width: 1280, height: 900 } });
      const m = await measureSteps(page);
      await context.close();
      b.runs.push(m);
      console.log(`  round ${r + 1} ${b.name}: median ${m.median.toFixed(2)} ms, p95 ${m.p95.toFixed(2)} ms, ${m.mutations.toFixed(1)} mutations/step (${m.events} events, ${m.steps} steps)`);
    }
  }
} finally {
  await browser.close();
  for (const b of builds) await b.server.close();
}
const summary = builds.map((b) => ({
  name: b.name,
  median: median(b.runs.map((m) => m.median)),
  p95: median(b.runs.map((m) => m.p95)),
  mutations: median(b.runs.map((m) => m.mutations)),
}));
for (const s of summary) {
  console.log(`${s.name}: step render median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, ${s.mutations.toFixed(1)} DOM mutations per step (medians of ${rounds} rounds)`);
}
const [a, b] = summary;
console.log(`after / before: median ${(b.median / a.median).toFixed(2)}×, p95 ${(b.p95 / a.p95).toFixed(2)}×, mutations ${(b.mutations / a.mutations).toFixed(2)}×; load ${load()}`);
