// Long tasks of live runs (issue #21): runs each hostile program
// (crates/engine/tests/hostile/) and the 8 processes × 4 threads program of
// issue #15 live in the playground of the built app (dist/), and prints, per
// program, the number of main-thread tasks over 50 ms Chromium reported and
// the longest. With --profile it also samples the main thread (Chrome's
// profiler over CDP) and prints, for the long tasks, where their time went:
// the self time of the functions sampled inside them, heaviest first.
//
//   node tools/longtasks.mjs [--profile] [NAME...]   (names: hostile file
//   names without .py, `8x4`, or the path of any .py file; default: all of them; DIST=dir serves
//   another build; STOP_AFTER=ms presses Stop that long after Run and
//   counts the long tasks of the 5 s after it; CHAIN=n names n callers
//   deep in the profile, 6 by default; TOP=n also groups the samples by
//   the n frames nearest the root, which tells which handler a long task
//   ran: a showing, a fold, an engine slice)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveDir, launchBrowser } from '../tests/e2e/harness.mjs';
import { PROCESSES_CODE } from '../tests/e2e/programs.mjs';

const args = process.argv.slice(2);
const profile = args.includes('--profile');
// STOP_AFTER=ms: press Stop that long after Run instead of waiting for the end.
const stopAfter = Number(process.env.STOP_AFTER ?? 0);
// CHAIN=n: how many callers of each sampled function the profile names (6).
const CHAIN = Number(process.env.CHAIN ?? 6);
// TOP=n: group the long tasks' samples by their n outermost frames too (0: not).
const TOP = Number(process.env.TOP ?? 0);
/** Frames that only pass a call on (skipped by TOP). */
const PLUMBING = /^(real|\?)$|wasm_bindgen|js-to-wasm|wasm-to-js|js_sys::futures|closure_once|call_once|vtable\.shim|Pin<|::poll$|__wbg_|handleError/;
let names = args.filter((a) => !a.startsWith('--'));
const HOSTILE = join(ROOT, 'crates/engine/tests/hostile');
if (!names.length) {
  names = readdirSync(HOSTILE).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
  names.push('8x4');
}

const server = await serveDir(process.env.DIST ?? join(ROOT, 'dist'));
const browser = await launchBrowser();
const rows = [];
for (const name of names) {
  const eightByFour = name === '8x4';
  const code = eightByFour ? PROCESSES_CODE(8, 4, 200_000)
    : readFileSync(name.endsWith('.py') ? name : join(HOSTILE, `${name}.py`), 'utf8');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?play#code=${encodeURIComponent(code)}${eightByFour ? '&cpu=model' : ''}`);
  await page.getByTestId('editor').waitFor();
  // Let the warm-up finish first: its tasks are not the run's.
  await page.waitForFunction(() => performance.getEntriesByName('looplab:warm').length > 0, null, { timeout: 60_000 });
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
  let cdp;
  let origin = 0;
  if (profile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.SAMPLE_US ?? 200) });
    await cdp.send('Profiler.start');
    // A marker the profile can be aligned on: a named busy function whose
    // start is known on the page's clock.
    origin = await page.evaluate(() => {
      const t = performance.now();
      (function __looplabSync() { const end = performance.now() + 5; while (performance.now() < end); })();
      return t;
    });
  }
  await page.getByTestId('speed').selectOption('4×');
  const t0 = Date.now();
  await page.getByTestId('run').click();
  if (stopAfter) {
    // Stop midway, and count the tasks from the click on (freeing the
    // stopped run's objects is what this measures).
    await page.waitForTimeout(stopAfter);
    await page.evaluate(() => { window.__long = []; });
    await page.getByTestId('stop').click();
    await page.waitForTimeout(5_000);
    const long = await page.evaluate(() => window.__long);
    const durations = long.map(([, d]) => Math.round(d));
    rows.push(`${name.padEnd(22)} stopped after ${stopAfter} ms: ${durations.length} long tasks in the 5 s after, longest ${Math.max(0, ...durations)} ms`);
    console.log(rows.at(-1));
    if (profile) attribute((await cdp.send('Profiler.stop')).profile, long, origin);
    await context.close();
    continue;
  }
  const ended = page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])');
  if (!(await ended.waitFor({ timeout: 300_000 }).then(() => true, () => false))) {
    rows.push(`${name.padEnd(22)} did not end within 300 s`);
    console.log(rows.at(-1));
    await context.close();
    continue;
  }
  const secs = (Date.now() - t0) / 1000;
  await page.waitForTimeout(300);
  const long = await page.evaluate(() => window.__long);
  // When each started, ms after the Run click (the `looplab:run` mark).
  const ran = await page.evaluate(() => performance.getEntriesByName('looplab:run')[0]?.startTime ?? 0);
  const events = await page.getByTestId('player').getAttribute('data-events');
  const durations = long.map(([, d]) => Math.round(d));
  const when = long.map(([s, d]) => `${Math.round(d)} at +${Math.round(s - ran)}`);
  rows.push(`${name.padEnd(22)} ${secs.toFixed(1).padStart(6)} s  ${String(events).padStart(8)} events  ` +
    `${String(durations.length).padStart(4)} long tasks, longest ${Math.max(0, ...durations)} ms` +
    (when.length ? `  (${when.slice(0, 12).join(', ')}${when.length > 12 ? ', …' : ''} ms)` : ''));
  console.log(rows.at(-1));
  if (profile) {
    const { profile: p } = await cdp.send('Profiler.stop');
    attribute(p, long, origin);
  }
  await context.close();
}
await browser.close();
await server.close();
console.log('\n# long tasks of live runs (release build at 4×; tasks over 50 ms):');
for (const r of rows) console.log(`# ${r}`);

/** Prints the self time of the functions sampled inside the long tasks. */
function attribute(p, long, origin) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'}${f.url ? ' ' + f.url.split('/').pop() + ':' + f.lineNumber : ''}`;
  };
  // The profile's clock (µs) against performance.now() (ms): the sync
  // marker function ran, sampled, from `sync` ms on.
  let t = p.startTime;
  let total = 0;
  const samples = [];
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    samples.push([t, p.samples[i], p.timeDeltas[i + 1] ?? 0]);
  }
  const first = samples.find(([, id]) => byId.get(id).callFrame.functionName === '__looplabSync');
  const best = first ? first[0] - origin * 1000 : 0;
  const self = new Map();
  const chains = new Map();
  const per = long.map(() => new Map());
  const tops = new Map();
  for (const [st, id, dt] of samples) {
    const x = st - best;
    const li = long.findIndex(([s, d]) => x >= s * 1000 && x <= (s + d) * 1000);
    if (li < 0) continue;
    const n = byId.get(id);
    const k = label(n);
    per[li].set(k, (per[li].get(k) ?? 0) + dt);
    self.set(k, (self.get(k) ?? 0) + dt);
    total += dt;
    // The chain: the nearest JS frames above (who called into the wasm).
    let chain = [];
    for (let q = id; q && chain.length < CHAIN; q = parent.get(q)) chain.push(byId.get(q).callFrame.functionName || '?');
    const ck = chain.join(' < ');
    chains.set(ck, (chains.get(ck) ?? 0) + dt);
    if (TOP) {
      const outer = [];
      for (let q = id; q; q = parent.get(q)) outer.push(short(byId.get(q).callFrame.functionName || '?'));
      // (Without the frames that only pass a call on: the bindings'
      // shims, the executor's queue.)
      const tk = outer.reverse().slice(1).filter((f) => !PLUMBING.test(f)).slice(0, TOP).join(' > ');
      tops.set(tk, (tops.get(tk) ?? 0) + dt);
    }
  }
  if (process.env.PER_TASK) {
    long.forEach(([s, d], i) => {
      const top3 = [...per[i].entries()].sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([k, us]) => `${k.replace(/ looplab-app.*$/, '')} ${(us / 1000).toFixed(0)}`).join('; ');
      console.log(`   task at ${(s / 1000).toFixed(2)} s: ${Math.round(d)} ms  ${top3}`);
    });
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`   sampled inside long tasks: ${(total / 1000).toFixed(0)} ms`);
  for (const [k, us] of top) console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  const topc = [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  for (const [k, us] of topc) console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  const topt = [...tops.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  if (TOP) console.log(`   outermost ${TOP} frames:`);
  for (const [k, us] of topt) console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/** A function's name without its hash and generic arguments. */
function short(name) {
  return name.replace(/::h[0-9a-f]{16}$/, '').replace(/<[^<>]*(<[^<>]*(<[^<>]*>[^<>]*)*>[^<>]*)*>/g, '<…>');
}
