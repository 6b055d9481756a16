// The hostile programs of issue #21 (crates/engine/tests/hostile/, whose
// native table says how each must end and checks that against CPython where
// CPython ends at all), run in the playground of the release build: each
// ends the same way in the browser, the tab never crashes, and the page
// keeps answering while the engine works. For each program the test prints
// the real time to its end and the longest main-thread task Chromium
// reported (the goal is no task over 50 ms; figures, not assertions, since
// a loaded 2-core machine stretches every task — the assertion is only that
// the page was never frozen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, cpus } from 'node:os';
import { ROOT, serveApp, openPage } from './harness.mjs';

const app = serveApp();
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

// How each program ends: the last lines of its stdout, and the end line
// (`finished`, `hang`, `uncaught: <last line>`, or `limit: <which>` with a
// phrase its message contains). Default limits, as a learner has them.
const TABLE = [
  { name: 'drop_linked_list', stdout: ['ok'], end: 'finished' },
  { name: 'del_nested_list', stdout: ['ok'], end: 'finished' },
  { name: 'drop_generator_chain', stdout: ['ok'], end: 'finished' },
  { name: 'drop_exception_chain', stdout: ['ok'], end: 'finished' },
  { name: 'eq_nested_lists', stdout: ['RecursionError: maximum recursion depth exceeded in comparison'], end: 'finished' },
  { name: 'hash_nested_tuple', stdout: ['RecursionError: maximum recursion depth exceeded'], end: 'finished' },
  { name: 'print_cause_chain', stdout: [], end: 'uncaught: ValueError: 19999' },
  { name: 'slice_huge_step', stdout: ['b', '[3]', '(1,)', '[1, 3]', '[9, 3]'], end: 'finished' },
  { name: 'sleep_forever', stdout: ['start'], end: 'hang' },
  { name: 'sleep_1e18', stdout: ['start'], end: 'hang' },
  { name: 'timeout_infinite', stdout: ['done 5.0', 'timeout(inf) ok 6.0'], end: 'finished' },
  { name: 'timeout_1e10', stdout: ['done 5.0', 'timeout(1e10) ok 6.0'], end: 'finished' },
  { name: 'recursion_traceback', stdout: [], end: 'uncaught: RecursionError: maximum recursion depth exceeded' },
  // A loop inside a built-in (sum over a huge range): it loops in Python,
  // so the run pauses between items until the step limit (it held the
  // page for 16 s when sum looped in Rust).
  { name: 'generator_sum', stdout: ['333332833333500000'], end: 'finished' },
  { name: 'native_loop_sum', stdout: ['start'], end: 'limit: step', says: 'without reaching an await' },
  // `in` over an endless generator: it searches in Python too.
  { name: 'search_endless_generator', stdout: ['start'], end: 'limit: step', says: 'without reaching an await' },
  { name: 'async_spin_sleep0', stdout: ['start'], end: 'limit: step', says: 'stood still at 0.000 s' },
  { name: 'async_spin_two_tasks', stdout: [], end: 'limit: step', says: 'stood still at 1.500 s' },
  // One task per loop step, each sleeping 1,000 s, until the step limit
  // (~90,000 tasks, 2,000,000 events): the timeline draws at most 100
  // lanes, the panels 50 rows a list and 4 badges a line, a showing copies
  // no state (persistent snapshots), and the panels are told less often
  // while a showing is costly (`live::show_pause`).
  { name: 'async_task_memory', stdout: ['start'], end: 'limit: step', says: 'stood still at 0.000 s' },
];

test('hostile programs end in the browser as the native table says, and the page keeps answering', async (t) => {
  const figures = [];
  for (const row of TABLE) await t.test(row.name, async () => {
    const code = readFileSync(join(ROOT, 'crates/engine/tests/hostile', `${row.name}.py`), 'utf8');
    const { page, context, problems } = await openPage(app.browser, `${app.url}?play#code=${encodeURIComponent(code)}`);
    const editor = page.getByTestId('editor');
    await editor.waitFor();
    // The warm-up's tasks are not the run's: let it finish first.
    await page.waitForFunction(() => performance.getEntriesByName('looplab:warm').length > 0, null, { timeout: 60_000 });
    // Chromium's long tasks (over 50 ms) from here on.
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByTestId('speed').selectOption('4×');
    const t0 = Date.now();
    await editor.focus();
    await page.keyboard.press(`${MOD}+Enter`);
    // The page answers while the engine works: a frame is painted between
    // slices (measured from here; the assertion only rules out a freeze).
    let slowestFrame = 0;
    const ended = page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])');
    while (!(await ended.count()) && Date.now() - t0 < 180_000) {
      const f0 = Date.now();
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
      slowestFrame = Math.max(slowestFrame, Date.now() - f0);
      await page.waitForTimeout(100);
    }
    await ended.waitFor({ timeout: 5_000 });
    const secs = (Date.now() - t0) / 1000;
    const long = await page.evaluate(() => window.__long);
    const longest = Math.max(0, ...long);

    const stdout = (await page
      .locator('[data-testid=console] .console-line:not(.stderr):not(.warning) .console-text')
      .allTextContents()).flatMap((c) => c.split('\n')).filter((l) => l !== '');
    assert.deepEqual(stdout.slice(stdout.length - row.stdout.length), row.stdout, 'the last lines printed');
    const [kind, detail] = [row.end.split(': ')[0], row.end.split(': ').slice(1).join(': ')];
    if (kind === 'limit') {
      const limit = page.getByTestId('limit-message');
      assert.equal(await limit.count(), 1, 'a limit ended the run');
      assert.equal(await limit.getAttribute('data-limit'), detail);
      assert.ok((await limit.textContent()).includes(row.says), await limit.textContent());
    } else {
      assert.equal(await page.getByTestId('limit-message').count(), 0, 'no limit');
      const end = (await page.locator('[data-testid=console] .console-end').innerText()).trim();
      const want = {
        finished: '— program finished —',
        hang: 'the program hangs: nothing can ever happen again',
        uncaught: detail,
      }[kind];
      assert.equal(end, want);
    }
    assert.equal(await page.locator('.player-error').count(), 0, 'no player error');
    assert.deepEqual(problems.filter((p) => !p.includes('main.py')), []);
    // Per program: how many tasks went over 50 ms, the longest, and the
    // first few (issue #21's goal is none; printed, never asserted).
    const shown = long.slice(0, 8).map((d) => Math.round(d)).join(', ');
    figures.push(`${row.name.padEnd(22)} ${secs.toFixed(1).padStart(6)} s   ${String(long.length).padStart(3)} long tasks, ` +
      `longest ${String(Math.round(longest)).padStart(4)} ms   slowest frame ${String(slowestFrame).padStart(4)} ms` +
      (long.length ? `   (${shown}${long.length > 8 ? ', …' : ''})` : ''));
    assert.ok(slowestFrame < 2000, `${row.name}: the page froze for ${slowestFrame} ms`);
    await context.close();
  });
  console.log('# hostile programs in Chromium (release build at 4×; time to the end of the run; main-thread tasks over 50 ms; ' +
    `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores):`);
  for (const f of figures) console.log(`# ${f}`);
});
