// What the cold-load benchmarks install in the page (tools/bench-web.mjs,
// tools/cold-trace.mjs): the Run clicker and the stages of a cold load.

// Installed in the page before its scripts: clicks the first Run as soon as
// it is there and enabled, and notes when a click was acted on and when the
// first console line showed. Times are performance.now(), i.e. since navigation.
export const CLICKER = () => {
  const b = (window.__bench = { clicks: 0, runAt: null, lineAt: null });
  let last = -Infinity;
  const player = () => document.querySelector('[data-testid=player]');
  const watch = () => {
    const p = player();
    if (!p) return;
    if (b.runAt == null && b.clicks > 0 && (p.dataset.live !== 'idle' || p.dataset.events !== '0')) b.runAt = b.clickAt;
    if (b.lineAt == null && p.closest('body').querySelector('[data-testid=console] .console-line')) b.lineAt = performance.now();
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const poll = () => {
    watch();
    if (b.runAt != null) return;
    const p = player();
    const run = p?.querySelector('[data-testid=run]') ?? document.querySelector('[data-testid=run]');
    const now = performance.now();
    if (run && !run.disabled && now - last >= 100) {
      last = now;
      b.clicks += 1;
      b.clickAt = now;
      run.click();
      watch();
    }
    setTimeout(poll, 2);
  };
  poll();
};

// In the page once its first line showed: when each stage of the cold load
// ended, in ms since navigation (null when it did not happen). The
// `looplab:*` marks are set by the app (src/lib.rs, src/player/driver.rs).
export const BREAKDOWN = () => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const end = (re) => res.find((r) => re.test(r.name))?.responseEnd ?? null;
  const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
  const paint = (n) => performance.getEntriesByName(n).find((e) => e.entryType === 'paint')?.startTime ?? null;
  return {
    'html received': nav?.responseEnd ?? null,
    'js received': end(/\.js(\?|$)/),
    'wasm received': end(/\.wasm(\?|$)/),
    'wasm compiled, main() starts': mark('looplab:start'),
    'app mounted': mark('looplab:mounted'),
    'first contentful paint': paint('first-contentful-paint'),
    'warm-up starts': mark('looplab:warm-up'),
    'Run pressed': mark('looplab:run'),
    "run's library compiled": mark('looplab:run-compiled'),
    'first engine slice done': mark('looplab:first-slice'),
    'warm-up done': mark('looplab:warm'),
  };
};
