// Main-thread tasks of the page's renderer from a Chromium trace: every task, not only the
// ones over 50 ms that the Long Tasks API reports.
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

export const startTrace = (page) => page.tracing.start({categories: CATEGORIES});

/** Durations (ms) of the renderer main thread's tasks recorded since startTrace. */
export async function stopTrace(page) {
  const buf = await page.tracing.stop();
  const {traceEvents = []} = JSON.parse(Buffer.from(buf).toString('utf8'));
  const main = new Set(
    traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`)
  );
  return traceEvents
    .filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && main.has(`${e.pid}:${e.tid}`))
    .map((e) => e.dur / 1000);
}
