// The step benchmark (issues #16 and #19): how long one step of the player
// takes to render on a trace of more than 10,000 events, and how many DOM
// changes it makes. Shared by the e2e test that prints it
// (player.test.mjs) and by tools/bench-steps.mjs, which compares two builds
// of the app back to back at the same load.

/** 40 tasks taking 60 turns each: thousands of steps, >10,000 events. */
export const STEP_BENCH_CODE = [
  'import asyncio',
  '',
  'async def worker(n):',
  '    for i in range(60):',
  '        if i % 20 == 0:',
  '            print(n, i)',
  '        await asyncio.sleep(0)',
  '',
  'async def main():',
  '    await asyncio.gather(*(worker(n) for n in range(40)))',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

/** The page that opens the benchmark program at step 1200. */
export function stepBenchUrl(appUrl) {
  return `${appUrl}?play#code=${encodeURIComponent(STEP_BENCH_CODE)}&step=1200`;
}

/** On a page opened at `stepBenchUrl`: waits for step 1200, then times 200
 *  steps (three forward, one back) after 60 to warm up, and counts the
 *  mutation records of 100 more. Returns the trace's size, the sorted
 *  durations (ms), their median and p95, and mutations per step. */
export async function measureSteps(page) {
  await page.locator('[data-testid=player][data-step="1200"]').waitFor({ timeout: 120_000 });
  const steps = Number(await page.getByTestId('scrubber').getAttribute('max')) + 1;
  const events = Number(await page.getByTestId('player').getAttribute('data-events'));
  const measured = await page.evaluate(async () => {
    const out = [];
    const forward = document.querySelector('[data-testid=step-forward]');
    const back = document.querySelector('[data-testid=step-back]');
    // The next macrotask. (Not setTimeout(0): chained timers are clamped to
    // 4 ms after five levels of nesting, which the figure would include.)
    const channel = new MessageChannel();
    const nextTask = () => new Promise((r) => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
    // Warm up first (the wasm engine tiers up hot code after a while).
    for (let i = 0; i < 60; i++) {
      forward.click();
      await nextTask();
    }
    for (let i = 0; i < 200; i++) {
      performance.mark('step-start');
      (i % 4 === 3 ? back : forward).click();
      // Leptos applies DOM updates in microtasks: a macrotask later they are
      // all done; reading layout includes style and layout work.
      await nextTask();
      void document.body.offsetHeight;
      performance.mark('step-end');
      out.push(performance.measure('step', 'step-start', 'step-end').duration);
    }
    // Then the DOM work per step, a figure the machine's load cannot blur:
    // mutation records (attribute, text and child-list changes).
    let records = 0;
    const observer = new MutationObserver((list) => { records += list.length; });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    for (let i = 0; i < 100; i++) {
      (i % 4 === 3 ? back : forward).click();
      await nextTask();
    }
    records += observer.takeRecords().length;
    observer.disconnect();
    return { durations: out, mutations: records / 100 };
  });
  const durations = [...measured.durations].sort((a, b) => a - b);
  return {
    steps,
    events,
    durations,
    median: durations[Math.floor(durations.length / 2)],
    p95: durations[Math.floor(durations.length * 0.95)],
    mutations: measured.mutations,
  };
}
