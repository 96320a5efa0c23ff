// Reading Chrome's trace of one page load: the main thread of the page's renderer, its top-level tasks (what
// the thread was busy with, long tasks included), and the self time of every kind of work inside them, so the
// lab can say where a load's main-thread time goes and which of the banner's files it runs.

/** What the lab asks Chrome to record: enough for the timeline panel's own view of the main thread. */
export const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'v8.execute', 'blink.user_timing'];

/** A task this long (ms) blocks input noticeably: the Long Tasks API's threshold. */
const LONG_TASK_MS = 50;

/** The events of the main thread of the renderer that parsed `pageUrl`. */
function mainThread(events, pageUrl) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(pageUrl));
  if (!parse) throw new Error(`no ParseHTML of ${pageUrl} in the trace`);
  return events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && typeof e.dur === 'number');
}

/** The script a trace event names, if any. */
function urlOf(event) {
  const data = event.args?.data ?? event.args?.beginData;
  return data?.url || data?.stackTrace?.[0]?.url || data?.scriptName || undefined;
}

/** Events that mean a task ran script: the lab's host page has none of its own, so with the tag they are the banner's. */
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'v8.run', 'v8.callFunction']);

/**
 * The main thread of one load: `busyMs` (the sum of its top-level tasks), `longTasks` (those of 50 ms or more),
 * `scriptTaskMs` (the longest task that ran script) and `longScriptTasks` (how many such tasks took 50 ms or
 * more), and `self`, the self time (ms) of each kind of event, and `byFile`, the self time spent in each script's
 * own work (events inside an evaluation or call of that script).
 */
export function readTrace(json, pageUrl) {
  const thread = mainThread(JSON.parse(json).traceEvents ?? [], pageUrl);
  const tasks = thread.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  // Both names can wrap one task; count the outermost only.
  const outer = [];
  for (const task of tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = outer.at(-1);
    if (!last || task.ts >= last.ts + last.dur) outer.push(task);
  }
  const busyMs = outer.reduce((sum, t) => sum + t.dur, 0) / 1000;
  // Thread time: what the thread itself ran (the throttling included), without the time it waited.
  const cpuMs = outer.reduce((sum, t) => sum + (t.tdur ?? t.dur), 0) / 1000;
  const longTasks = outer.filter((t) => t.dur / 1000 >= LONG_TASK_MS).length;
  const scripted = outer.filter((task) => thread.some((e) => SCRIPT.has(e.name) && e.ts >= task.ts && e.ts < task.ts + task.dur));
  const scriptTaskMs = Math.max(0, ...scripted.map((t) => t.dur / 1000));
  const longScriptTasks = scripted.filter((t) => t.dur / 1000 >= LONG_TASK_MS).length;

  // Self time: every event's duration less its children's, on a stack of the events that contain it.
  const self = {};
  const byFile = {};
  const stack = [];
  const nodes = [];
  for (const event of [...thread].sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= event.ts) stack.pop();
    const parent = stack.at(-1);
    const node = { ts: event.ts, dur: event.dur, name: event.name, children: 0, url: urlOf(event) ?? parent?.url };
    if (parent) parent.children += Math.min(event.dur, parent.ts + parent.dur - event.ts);
    stack.push(node);
    nodes.push(node);
  }
  for (const node of nodes) {
    const ms = Math.max(0, node.dur - node.children) / 1000;
    self[node.name] = (self[node.name] ?? 0) + ms;
    if (node.url) byFile[node.url] = (byFile[node.url] ?? 0) + ms;
  }
  return { busyMs, cpuMs, longTasks, scriptTaskMs, longScriptTasks, self, byFile };
}
