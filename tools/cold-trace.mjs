#!/usr/bin/env node
// Where a cold load's main-thread time goes (issue #19), from a Chrome
// trace: one or more cold loads of ?lesson=ID (or ?embed=ID), Run clicked
// as soon as it responds (the clicker of tools/bench-web.mjs), traced until
// the first printed line. Prints, in order, every main-thread task of 2 ms
// or more and the app's `looplab:*` marks, in ms since navigation, each
// task with what it spent its own time on (trace event names: `v8.compile`,
// `FunctionCall` for script and wasm, `Layout`, `Paint`, ...), then the
// totals of the window per name. Prints figures only.
//
//   node tools/cold-trace.mjs [--embed] [--lesson ID] [--runs N] [--dist DIR] [--save FILE.json]
//
// A release build in dist/ (`trunk build --release --offline=true`);
// --save writes the (last) raw trace for chrome://tracing or Perfetto.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, serveDir, launchBrowser } from '../tests/e2e/harness.mjs';
import { CLICKER, BREAKDOWN } from './cold-load.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const LESSON = opt('--lesson', 'sleep');
const RUNS = Number(opt('--runs', '1'));
const DIST = opt('--dist', join(ROOT, 'dist'));
const SAVE = opt('--save', null);
const ROUTE = args.includes('--embed') ? 'embed' : 'lesson';

const CATEGORIES = [
  'toplevel',
  'fonts',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.wasm',
  'v8.execute',
];

/** The renderer main thread: the CrRendererMain whose events carry the app's marks. */
function mainThread(events) {
  const mark = events.find((e) => e.name === 'looplab:start');
  if (mark) return { pid: mark.pid, tid: mark.tid };
  const t = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return { pid: t.pid, tid: t.tid };
}

/** Per event name, the self time (µs) of complete events nested in `task`. */
function selfTimes(nested) {
  // Events sorted by start, longest first at equal starts; a stack gives
  // each event's parent, and a child's time is taken off its parent's.
  const out = new Map();
  const stack = [];
  const add = (name, us) => out.set(name, (out.get(name) ?? 0) + us);
  for (const e of nested) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) add(parent.e.name, -e.dur);
    add(e.name, e.dur);
    stack.push({ e, end: e.ts + e.dur });
  }
  return out;
}

function analyse(events, page) {
  const { pid, tid } = mainThread(events);
  const own = events.filter((e) => e.pid === pid && e.tid === tid);
  // The trace's clock against the page's: the `looplab:start` mark is at
  // `page.start` ms after navigation.
  const mark = own.find((e) => e.name === 'looplab:start');
  const origin = mark.ts - page.start * 1000;
  const at = (us) => (us - origin) / 1000;
  const endUs = origin + page.lineAt * 1000;
  const complete = own.filter((e) => e.ph === 'X' && e.dur != null && e.ts <= endUs).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level tasks: `RunTask`s not inside another.
  const tasks = [];
  for (const e of complete) {
    if (e.name !== 'RunTask') continue;
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur) continue;
    tasks.push(e);
  }
  const marks = own
    .filter((e) => e.name.startsWith('looplab:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i' || e.ph === 'n' || e.ph === 'b'))
    .map((e) => ({ t: at(e.ts), name: e.name }));
  const rows = [];
  const totals = new Map();
  let busy = 0;
  for (const task of tasks) {
    const nested = complete.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const self = selfTimes([task, ...nested]);
    for (const [n, us] of self) if (n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask') totals.set(n, (totals.get(n) ?? 0) + us);
    busy += task.dur;
    if (task.dur < 2000) continue;
    const top = [...self].filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask').sort((a, b) => b[1] - a[1]).slice(0, 4).filter(([, us]) => us >= 500);
    const script = nested.find((e) => e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'EventDispatch' || e.name === 'FireAnimationFrame' || e.name === 'EvaluateScript');
    const what = script ? ` [${script.name}${script.args?.data?.functionName ? ` ${script.args.data.functionName}` : script.args?.data?.type ? ` ${script.args.data.type}` : ''}]` : '';
    rows.push({ t: at(task.ts), line: `task ${(task.dur / 1000).toFixed(1).padStart(6)} ms${what}: ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}` });
  }
  for (const m of marks) rows.push({ t: m.t, line: `mark ${m.name}` });
  rows.sort((a, b) => a.t - b.t);
  for (const r of rows) console.log(`  ${r.t.toFixed(0).padStart(6)}  ${r.line}`);
  console.log(`  main thread busy ${(busy / 1000).toFixed(0)} ms of ${page.lineAt.toFixed(0)}; self time by kind (ms):`);
  const list = [...totals].filter(([, us]) => us >= 1000).sort((a, b) => b[1] - a[1]);
  console.log(`    ${list.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`);
}

const server = await serveDir(DIST);
const browser = await launchBrowser();
try {
  const url = `${server.url}?${ROUTE}=${LESSON}`;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(CLICKER);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.lineAt != null, null, { timeout: 60_000, polling: 50 });
    const b = await page.evaluate(() => window.__bench);
    const stages = await page.evaluate(BREAKDOWN);
    const raw = await browser.stopTracing();
    await context.close();
    const trace = JSON.parse(raw.toString('utf8'));
    const events = trace.traceEvents ?? trace;
    if (SAVE) writeFileSync(SAVE, raw);
    console.log(`${url} (load ${loadavg()[0].toFixed(1)}): Run acted on ${Math.round(b.runAt)} ms, first line ${Math.round(b.lineAt)} ms; ` +
      `html ${Math.round(stages['html received'])}, js ${Math.round(stages['js received'])}, wasm ${Math.round(stages['wasm received'])} ms received`);
    analyse(events, { start: stages['wasm compiled, main() starts'], lineAt: b.lineAt });
  }
} finally {
  await browser.close();
  await server.close();
}
