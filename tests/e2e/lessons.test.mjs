// Every lesson, end to end, on the release build (dist/): it opens, its
// player runs the main snippet live (4x, long idle gaps compressed) to the
// end without console or page errors, and what it printed, when, and how
// the run ended are what CPython says (lessons/expected/<id>/<name>.out,
// written by tools/regen-lessons from real CPython, never by the app).
//
// The lessons come from the app's own index, so a new lesson is covered
// without touching this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serveApp, openPage, screenshot } from './harness.mjs';

const app = serveApp();


/**
 * CPython's run of a lesson snippet, from the oracle's `--timed` file:
 * printed lines with their virtual times, the uncaught exception line (if
 * the lesson lets one escape on purpose), and stderr (if any).
 */
function expectedRun(id, name) {
  const dir = join(ROOT, 'lessons', 'expected', id);
  const out = readFileSync(join(dir, `${name}.out`), 'utf8').replace(/\n$/, '');
  const lines = [];
  let uncaught = null;
  for (const line of out ? out.split('\n') : []) {
    if (line.startsWith('!! uncaught')) {
      uncaught = line.replace(/^!! uncaught:?\s*/, '');
      continue;
    }
    if (line.startsWith('!! ')) continue;
    const m = line.match(/^\[t=([0-9.]+)\] (.*)$/);
    assert.ok(m, `${id}/${name}.out: a timed line: ${JSON.stringify(line)}`);
    lines.push({ t: m[1], text: m[2] });
  }
  const errFile = join(dir, `${name}.err`);
  const stderr = existsSync(errFile) ? readFileSync(errFile, 'utf8') : '';
  return { lines, uncaught, stderr };
}

/** The lesson's first ```predict block's fields (`snippet`, `explain`, …), from its Markdown. */
function predictBlock(id) {
  const file = readdirSync(join(ROOT, 'lessons')).find((f) => f.endsWith(`-${id}.md`));
  const block = readFileSync(join(ROOT, 'lessons', file), 'utf8').match(/^```predict\n([\s\S]*?)^```/m)?.[1];
  if (!block) return null;
  return Object.fromEntries(block.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

async function lessonIds(page) {
  const cards = page.getByTestId('lesson-card');
  await cards.first().waitFor();
  return cards.evaluateAll((els) => els.map((e) => e.dataset.lesson));
}

/** The stdout lines in the player's console (stderr chunks left out). */
async function consoleStdout(page) {
  const chunks = await page
    .locator('[data-testid=console] .console-line:not(.stderr):not(.warning) .console-text')
    .allTextContents();
  return chunks.flatMap((c) => c.split('\n'));
}

test('every lesson opens and runs its main snippet live to the end, as CPython does', async (t) => {
  const index = await openPage(app.browser, app.url);
  const ids = await lessonIds(index.page);
  assert.deepEqual(index.problems, []);
  await index.context.close();
  assert.ok(ids.length >= 12, `the index lists ${ids.length} lessons`);

  // One subtest per lesson, so a failure names its lesson and the others
  // still run.
  for (const id of ids) await t.test(`lesson ${id}`, async () => {
    const { page, context, problems } = await openPage(app.browser, `${app.url}?lesson=${id}`, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByTestId('lesson').waitFor();
    // The snippet the player opens with is the lesson's main one.
    const name = await page.locator('[data-testid=snippet].in-player').getAttribute('data-snippet');
    const want = expectedRun(id, name);
    assert.ok(want.lines.length > 0, `${id}/${name} prints something`);
    const player = page.getByTestId('player');
    await player.waitFor();
    assert.equal(await player.getAttribute('data-events'), '0', `${id}: nothing ran before Run`);

    await page.getByTestId('speed').selectOption('4×');
    await page.getByTestId('run').click();
    await page.locator('[data-testid=player][data-live=idle]:not([data-events="0"])').waitFor({ timeout: 60_000 });

    // The live run ended on its last step, with CPython's output.
    const last = Number(await page.getByTestId('scrubber').getAttribute('max'));
    assert.equal(Number(await player.getAttribute('data-step')), last, `${id}: the run shows its last step`);
    assert.deepEqual(await consoleStdout(page), want.lines.map((l) => l.text), `${id}: console = CPython's stdout`);
    const tokens = await page.getByTestId('timeline-token').evaluateAll((els) =>
      els.filter((e) => !e.classList.contains('stderr')).map((e) => ({ text: e.title, step: Number(e.dataset.step) })),
    );
    assert.deepEqual(tokens.map((t) => t.text), want.lines.map((l) => l.text), `${id}: timeline tokens`);

    // How it ended: normally, or with the exception CPython reports.
    const end = page.locator('[data-testid=console] .console-end');
    assert.equal(await end.count(), 1, `${id}: one end-of-run line`);
    if (want.uncaught) {
      assert.equal(await end.getAttribute('class'), 'console-end error');
      assert.equal((await end.innerText()).trim(), want.uncaught, `${id}: the uncaught exception`);
    } else {
      assert.equal(await end.getAttribute('class'), 'console-end', `${id}: ended normally`);
      assert.equal((await end.innerText()).trim(), '— program finished —');
    }
    assert.equal(await page.getByTestId('limit-message').count(), 0, `${id}: no limit hit`);
    assert.equal(await page.locator('.player-error').count(), 0, `${id}: no player error`);
    if (want.stderr) {
      const err = await page.locator('[data-testid=console] .console-line.stderr .console-text').allTextContents();
      assert.ok(err.length > 0, `${id}: CPython wrote to stderr, so does the player`);
    }

    // Each line was printed at CPython's virtual time: the step that
    // printed it (its token's) began at or before that time and ended at or
    // after it. (A step can move the clock itself: a blocking time.sleep.)
    const clockAt = async (step) => {
      await page.getByTestId('scrubber').fill(String(step));
      await page.locator(`[data-testid=player][data-step="${step}"]`).waitFor();
      return Number((await page.getByTestId('clock').innerText()).match(/t = ([0-9.]+) s/)[1]);
    };
    for (const [i, tok] of tokens.entries()) {
      const at = Number(want.lines[i].t);
      const before = tok.step > 0 ? await clockAt(tok.step - 1) : 0;
      // Clicking the token shows the step that printed it.
      await page.locator(`[data-testid=timeline-token][data-step="${tok.step}"]`).first().dispatchEvent('click');
      await page.locator(`[data-testid=player][data-step="${tok.step}"]`).waitFor();
      const after = Number((await page.getByTestId('clock').innerText()).match(/t = ([0-9.]+) s/)[1]);
      assert.ok(before <= at && at <= after, `${id}: "${tok.text}" printed at t=${at} (CPython), its step runs from t=${before} to t=${after}`);
    }

    await screenshot(page, `lesson-${id}-live-end`);

    // The predict exercise explains a wrong order (the offered order is a
    // shuffle, never CPython's; predict.test.mjs checks the right one is
    // accepted for every lesson).
    // (The first exercise, if the lesson has several.)
    const predict = predictBlock(id);
    assert.ok(predict, `${id} has a predict block`);
    const ex = page.locator(`[data-testid=predict][data-snippet="${predict.snippet}"]`);
    await ex.getByTestId('predict-line').first().waitFor();
    const offered = await ex.getByTestId('predict-line').evaluateAll((els) => els.map((e) => e.dataset.text));
    const real = expectedRun(id, predict.snippet).lines.map((l) => l.text);
    assert.notDeepEqual(offered, real, `${id}: the offered order is not already right`);
    await ex.getByTestId('predict-check').click();
    assert.equal(await ex.getByTestId('predict-result').getAttribute('data-correct'), 'false', `${id}: wrong order refused`);
    assert.equal((await ex.getByTestId('predict-explain').innerText()).trim(), predict.explain, `${id}: the lesson's explanation`);
    assert.deepEqual(problems, [], `${id}: no console errors, page errors or failed requests`);
    await context.close();
  });
});
