#!/usr/bin/env node
// The browser half of the benchmarks of issue #19 (docs/performance.md).
// Prints figures only: nothing here fails on a slow result.
//
//   node tools/bench-web.mjs [--runs N] [--lesson ID] [--native FILE.json] [--programs a,b,...] [--program-timeout S] [--dist DIR] [--cold-only] [--no-traced]
//
// Against the release build in dist/ (`trunk build --release --offline=true`),
// served on 127.0.0.1 by the e2e harness (tests/e2e/harness.mjs), in Debian's
// headless Chromium:
//  1. cold load of ?lesson=ID and of ?embed=ID, N times each (default 5), each
//     in a fresh browser context (empty cache): "Run responds" = the time from
//     navigation to the first click on the first player's Run that the app
//     acts on (the player leaves its idle state; a script clicks as soon as
//     the button is there and enabled, retrying every 100 ms while a click is
//     ignored), and "first line" = navigation to the first line in that
//     player's console. Medians are printed with every run, and where the
//     time goes: the median time of each stage (html, js and wasm received,
//     main() starts, mounted, first paint, warm-up, Run pressed, the run's
//     library compiled, its first slice, first line), from the page's
//     resource timing and the app's `looplab:*` performance marks.
//  2. Pyodide (the npm package pyodide, served from node_modules, nothing
//     fetched from elsewhere) on the same lesson's first snippet, cold, N
//     times: navigation to its first printed line; the ratio
//     Pyodide / Looplab of the medians.
//  3. The engine's benchmark programs (crates/engine/benches/programs/),
//     first as the native benchmark runs them: untraced, to the end, in the
//     page (`?bench`: the app's `window.looplabBench(source)`, the run alone
//     timed by the page's clock, best of 3 in one page after a first run
//     that compiles what the program imports), compared with the native
//     engine's wall and CPU time read from FILE.json (written by
//     `tools/bench.py --json`): the goal's figure (≤ 1.6×). Then (unless
//     --no-traced) what a learner waits for: through the app's `#step=` route (`?play#code=…&step=1`: the wasm
//     engine runs the program to its end, traced, in slices, before showing
//     step 1). The time is navigation to that step, less the same for an
//     empty program (page load, warm-up); compared with the native engine's
//     wall and CPU time read from FILE.json (written by `tools/bench.py
//     --json`). A page gives no CPU time: on a loaded machine the ratio to
//     native wall time is the fairer one.
//     The browser figure includes recording the trace and folding it into
//     steps, which the native untraced run does not: read it as an upper
//     bound of the engine's own cost.
import { readFileSync, mkdtempSync, symlinkSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, serveDir, launchBrowser } from '../tests/e2e/harness.mjs';
import { CLICKER, BREAKDOWN } from './cold-load.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const RUNS = Number(opt('--runs', '5'));
const LESSON = opt('--lesson', 'sleep');
const NATIVE = opt('--native', null);
const ONLY = opt('--programs', null)?.split(',');
// Per program in the browser: past this it is printed as n/a.
const PROGRAM_TIMEOUT_MS = Number(opt('--program-timeout', '120')) * 1000;
const DIST = opt('--dist', join(ROOT, 'dist'));
// Only the cold loads (section 1): no Pyodide, no engine programs.
const COLD_ONLY = args.includes('--cold-only');
// Section 3 without the traced `#step=` runs.
const NO_TRACED = args.includes('--no-traced');
const PROGRAMS = join(ROOT, 'crates', 'engine', 'benches', 'programs');

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)} ms`);
const load = () => `load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/** The first ```python fence of the lesson whose file is NN-ID.md. */
function firstSnippet(id) {
  const file = readdirSync(join(ROOT, 'lessons')).find((f) => f.replace(/^\d+-/, '') === `${id}.md`);
  if (!file) throw new Error(`no lesson file for ${id}`);
  const text = readFileSync(join(ROOT, 'lessons', file), 'utf8');
  const m = text.match(/^```python[^\n]*\n([\s\S]*?)^```/m);
  if (!m) throw new Error(`no python snippet in ${file}`);
  return m[1];
}

/** The median time of each stage over `runs`, in the order they happen. */
function printBreakdown(runs) {
  const names = Object.keys(runs[0].stages);
  const rows = names.map((n) => [n, median(runs.map((r) => r.stages[n]))]).sort((a, b) => (a[1] ?? Infinity) - (b[1] ?? Infinity));
  let prev = 0;
  console.log('  where the time goes (median ms since navigation, +ms since the stage before):');
  for (const [n, t] of rows) {
    console.log(`    ${n.padEnd(30)} ${t == null ? '   n/a' : String(Math.round(t)).padStart(6)}${t == null ? '' : `  (+${Math.round(t - prev)})`}`);
    if (t != null) prev = t;
  }
}

async function coldLoads(browser, url) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = [];
    page.on('requestfinished', (req) => sizes.push(req.sizes().then((s) => s.responseBodySize, () => 0)));
    await page.addInitScript(CLICKER);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.lineAt != null, null, { timeout: 60_000, polling: 50 });
    // The warm-up may still be going: wait (a little) for its end mark.
    await page.waitForFunction(() => performance.getEntriesByName('looplab:warm').length > 0, null, { timeout: 10_000, polling: 50 }).catch(() => {});
    const b = await page.evaluate(() => window.__bench);
    const stages = await page.evaluate(BREAKDOWN);
    const bytes = (await Promise.all(sizes)).reduce((a, n) => a + n, 0);
    out.push({ run: b.runAt, line: b.lineAt, clicks: b.clicks, bytes, stages: { ...stages, 'Run acted on': b.runAt, 'first line shown': b.lineAt } });
    await context.close();
  }
  return out;
}

function printCold(label, runs) {
  const run = median(runs.map((r) => r.run));
  const line = median(runs.map((r) => r.line));
  console.log(`${label}: median of ${runs.length} cold loads: Run responds ${ms(run)} (goal ≤ 200 ms), first printed line ${ms(line)} (goal ≤ 250 ms); ${(runs[0].bytes / 1024).toFixed(0)} KiB over the wire uncompressed`);
  console.log(`  runs (Run responds / first line / clicks): ${runs.map((r) => `${ms(r.run)} / ${ms(r.line)} / ${r.clicks}`).join(', ')}`);
  printBreakdown(runs);
  return line;
}

/** A page that loads Pyodide from ./pyodide/ and runs `code` (its
 *  `asyncio.run(main())` made a top-level `await main()`: Pyodide runs on the
 *  browser's event loop). */
function pyodideDir(code) {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-bench-pyodide-'));
  symlinkSync(join(ROOT, 'node_modules', 'pyodide'), join(dir, 'pyodide'));
  const src = code.replace(/^asyncio\.run\((.*)\)\s*$/m, 'await $1');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>pyodide bench</title>
<script type="module">
window.__bench = { lineAt: null, lines: [] };
import { loadPyodide } from './pyodide/pyodide.mjs';
const py = await loadPyodide({ indexURL: './pyodide/', stdout: (l) => { window.__bench.lineAt ??= performance.now(); window.__bench.lines.push(l); } });
window.__bench.readyAt = performance.now();
try { await py.runPythonAsync(${JSON.stringify(src)}); } catch (e) { window.__bench.error = String(e); }
window.__bench.doneAt = performance.now();
</script>`);
  return dir;
}

async function pyodideLoads(browser, url) {
  const out = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.doneAt != null, null, { timeout: 120_000, polling: 50 });
    out.push(await page.evaluate(() => window.__bench));
    await context.close();
  }
  return out;
}

/**
 * `code` run untraced in the page (`?bench`), `runs` times after a first
 * run: the best time in ms, its stdout, and whether it completed.
 */
async function untraced(browser, appUrl, code, runs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${appUrl}?bench`);
    await page.waitForFunction(() => typeof window.looplabBench === 'function', null, { timeout: 60_000 });
    const bench = (src) => page.evaluate((s) => window.looplabBench(s), src);
    const first = await bench(code);
    let best = Infinity;
    for (let i = 0; i < runs; i++) best = Math.min(best, (await bench(code))[0]);
    return { ms: best, first: first[0], out: first[1], completed: first[2] };
  } finally {
    await context.close().catch(() => {});
  }
}

/** Navigation to step 1 of `code` through the #step= route, in ms. */
async function stepRoute(browser, appUrl, code) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  await page.goto(`${appUrl}?play#code=${encodeURIComponent(code)}&step=1`, { waitUntil: 'commit' });
  const player = page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])');
  try {
    await player.waitFor({ timeout: PROGRAM_TIMEOUT_MS });
  } catch (e) {
    await context.close().catch(() => {});
    throw new Error(crashed ? 'the page crashed (out of memory? the trace is kept in the page)' : `not done after ${PROGRAM_TIMEOUT_MS / 1000} s`);
  }
  const t = await page.evaluate(() => performance.now());
  const events = Number(await player.getAttribute('data-events'));
  const status = await page.getByTestId('step-status').innerText().catch(() => '');
  await context.close();
  return { t, events, status };
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log('bench-web: no release build in dist/ (run `trunk build --release --offline=true`)');
    process.exit(1);
  }
  console.log(`bench-web: ${RUNS} runs each; ${load()}`);
  const app = await serveDir(DIST);
  const browser = await launchBrowser();
  try {
    const lessonLine = printCold(`cold load ?lesson=${LESSON}`, await coldLoads(browser, `${app.url}?lesson=${LESSON}`));
    printCold(`cold load ?embed=${LESSON}`, await coldLoads(browser, `${app.url}?embed=${LESSON}`));
    if (COLD_ONLY) return;

    const dir = pyodideDir(firstSnippet(LESSON));
    const py = await serveDir(dir);
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pyodide', 'package.json'), 'utf8')).version;
    const runs = await pyodideLoads(browser, py.url);
    await py.close();
    const err = runs.find((r) => r.error)?.error;
    const pyLine = median(runs.map((r) => r.lineAt));
    console.log(`pyodide ${version}, same snippet: median of ${runs.length} cold loads: ready ${ms(median(runs.map((r) => r.readyAt)))}, first printed line ${ms(pyLine)}${err ? `; ERROR ${err.slice(0, 200)}` : ''}`);
    console.log(`  first line Pyodide / Looplab: ${pyLine && lessonLine ? (pyLine / lessonLine).toFixed(1) : 'n/a'}× (goal ≥ 15×); Pyodide's first line: ${JSON.stringify(runs[0].lines[0] ?? null)}`);

    const native = NATIVE && existsSync(NATIVE) ? JSON.parse(readFileSync(NATIVE, 'utf8')) : {};
    const names = (ONLY ?? readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort());
    console.log(`engine in the browser, untraced (?bench: best of 3 runs after a first), ${load()}:`);
    for (const name of names) {
      const code = readFileSync(join(PROGRAMS, `${name}.py`), 'utf8');
      try {
        const r = await untraced(browser, app.url, code, 3);
        const s = r.ms / 1000;
        const nat = native[name];
        const ratio = nat?.engine_s
          ? `${(s / nat.engine_s).toFixed(2)}× native wall ${nat.engine_s.toFixed(2)}s, ${(s / nat.engine_cpu_s).toFixed(2)}× native cpu ${nat.engine_cpu_s.toFixed(2)}s`
          : 'native n/a';
        const same = nat?.cpython_output == null ? '' : r.out === nat.cpython_output ? ', output as CPython' : ', OUTPUT DIFFERS from CPython';
        console.log(`  ${name}: browser ${s.toFixed(3)}s (first run ${(r.first / 1000).toFixed(3)}s${r.completed ? '' : ', DID NOT COMPLETE'}${same}), ${ratio} (goal ≤ 1.6×)`);
      } catch (e) {
        console.log(`  ${name}: browser n/a (${String(e.message).split('\n')[0]})`);
      }
    }
    if (NO_TRACED) return;
    const base = [];
    for (let i = 0; i < 3; i++) base.push((await stepRoute(browser, app.url, 'print(0)\n')).t);
    const empty = median(base);
    console.log(`engine in the browser (#step= route, traced; less an empty program's ${ms(empty)}), ${load()}:`);
    for (const name of names) {
      const code = readFileSync(join(PROGRAMS, `${name}.py`), 'utf8');
      let line;
      try {
        const r = await stepRoute(browser, app.url, code);
        const s = (r.t - empty) / 1000;
        // Browser time is wall time (no CPU time from a page): on a loaded
        // machine compare it with native wall time; on an idle one both agree.
        const nat = native[name];
        const ratio = nat?.engine_s
          ? `${(s / nat.engine_s).toFixed(2)}× native wall ${nat.engine_s.toFixed(2)}s, ${(s / nat.engine_cpu_s).toFixed(2)}× native cpu ${nat.engine_cpu_s.toFixed(2)}s`
          : 'native n/a';
        line = `${name}: browser ${s.toFixed(2)}s (${r.events} events), ${ratio} (goal ≤ 1.6×)`;
      } catch (e) {
        line = `${name}: browser n/a (${String(e.message).split('\n')[0]})`;
      }
      console.log(`  ${line}`);
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
