// Agenda core: conflict detection on 5,000 items, generation of 600 items in 12 rooms over 3
// days, and the generator's gap to the exact optimum (HiGHS) on small instances, with the greedy
// placement alone beside it (the generator is the greedy plus its improvement phase). Pure
// computation in this process, on the compiled domain: `node bench/run.mjs agenda` after a build,
// or on its own, `node bench/agenda.mjs`. See docs/benchmarks.md.
//
// Environment: AGENDA_DIST (the compiled tree, default `dist`, relative to the repository; e.g.
// /tmp/agenda-dist after `npx tsc -p tsconfig.build.json --outDir /tmp/agenda-dist`, run with
// NODE_PATH=node_modules so that a tree outside the repository finds its packages),
// BENCH_AGENDA_RUNS (timed runs per measurement, default 15, after 3 untimed), BENCH_AGENDA_SEEDS
// (small instances, seeds 1..n, default 10), BENCH_JSON (also write the results there, when run on
// its own).
import console from 'node:console';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { fixed, integerSetting, median, table } from './lib.mjs';
import { ROOT } from './startup.mjs';

export const AGENDA_TARGET = { detectMs: 100, generateMs: 2000, gap: 0.05 };

/** The conflict-detection input: a synthetic event of 5,000 items. */
const DETECT_EVENT = { seed: 5000, days: 5, rooms: 40, items: 5000, people: 3000 };
const WARMUP_RUNS = 3;

/** The compiled agenda modules (CommonJS, as `nest build` and tsc emit them). */
function loadAgenda() {
  const dist = resolve(ROOT, process.env.AGENDA_DIST?.trim() || 'dist');
  const base = join(dist, 'src', 'modules', 'agenda');
  const entry = join(base, 'quality', 'synthetic-event.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run npm run build first (or set AGENDA_DIST).`);
  }
  const require = createRequire(import.meta.url);
  return {
    dist,
    ...require(join(base, 'domain', 'conflicts.js')),
    ...require(join(base, 'domain', 'generate-schedule.js')),
    ...require(entry),
    ...require(join(base, 'quality', 'schedule-objective.js')),
    ...require(join(base, 'quality', 'exact-schedule.js')),
  };
}

/**
 * Median and spread of `runs` timed calls after a few untimed ones, in ms of wall time, and the
 * median CPU time of this process over the same calls (which other work on a shared machine
 * inflates far less than the wall time).
 */
function time(runs, work) {
  for (let i = 0; i < WARMUP_RUNS; i++) work();
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    work();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return {
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    cpuMedianMs: median(cpuTimes),
    times,
  };
}

/**
 * A draft rundown as organizers type one in: each room's sessions back to back in program order
 * from the day's opening, stepping over ISHOMA, any-day sessions on the first day; the plenaries
 * where they are pinned. People's clashes, availability and late evenings fall where they fall,
 * so detection has real conflicts to find and word.
 */
function draftRundown(event, days) {
  const cursor = new Map();
  return event.items.map((item) => {
    if (item.start !== null) return item;
    const day = days.find((d) => d.date === item.day) ?? days[0];
    const key = `${day.date}|${item.roomId}`;
    let start = cursor.get(key) ?? day.windows[0].start;
    let end = start + item.durationMinutes * 60_000;
    if (day.ishoma && start < day.ishoma.end && day.ishoma.start < end) {
      start = day.ishoma.end;
      end = start + item.durationMinutes * 60_000;
    }
    cursor.set(key, end);
    return { ...item, start, end, day: day.date };
  });
}

/**
 * The baselines for detection, on the same 5,000 intervals: sorting them by start, end and id (the
 * sweep's own first step, a floor no detection can beat) and the plain all-pairs scan counting
 * overlapping pairs (the naive method, without any wording).
 */
function sortIntervals(intervals, compareTimed) {
  return [...intervals].sort(compareTimed);
}

function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function allPairsOverlaps(intervals) {
  let count = 0;
  for (let i = 0; i < intervals.length; i++) {
    const a = intervals[i];
    for (let j = i + 1; j < intervals.length; j++) {
      const b = intervals[j];
      if (a.start < b.end && b.start < a.end) count += 1;
    }
  }
  return count;
}

export async function runAgenda() {
  const agenda = loadAgenda();
  const runs = integerSetting('BENCH_AGENDA_RUNS', 15, 1, 1000);
  const seeds = integerSetting('BENCH_AGENDA_SEEDS', 10, 1, 50);
  console.log(`\nAgenda core (${agenda.dist}), ${runs} timed runs after ${WARMUP_RUNS} untimed`);

  // 1. Conflict detection on 5,000 items: the draft rundown of a 5-day, 40-room event.
  const big = agenda.syntheticEvent(DETECT_EVENT);
  const detectItems = draftRundown(big, agenda.scheduleDays(big.context));
  const conflicts = agenda.detectConflicts(detectItems, big.context);
  const detect = time(runs, () => agenda.detectConflicts(detectItems, big.context));
  const intervals = detectItems.map(({ id, start, end }) => ({ id, start, end }));
  const sort = time(runs, () => sortIntervals(intervals, agenda.compareTimed));
  const overlapping = allPairsOverlaps(intervals);
  const allPairs = time(runs, () => allPairsOverlaps(intervals));
  const detection = {
    options: DETECT_EVENT,
    items: detectItems.length,
    conflicts: conflicts.length,
    hard: conflicts.filter(agenda.isHardConflict).length,
    byKind: countBy(conflicts.map((c) => c.kind)),
    overlappingPairs: overlapping,
    detect,
    sort,
    allPairs,
  };
  console.log(
    `  detection: ${fixed(detect.medianMs, 1)} ms median for ${detection.items} items ` +
      `(${detection.conflicts} conflicts); sort ${fixed(sort.medianMs, 2)} ms, ` +
      `all-pairs ${fixed(allPairs.medianMs, 1)} ms`,
  );

  // 2. Generation of the large event.
  const large = agenda.syntheticEvent(agenda.LARGE_EVENT);
  const generated = agenda.generateSchedule(large);
  const generate = time(runs, () => agenda.generateSchedule(large));
  const greedyOnly = time(runs, () => agenda.greedySchedule(large));
  const largeGreedy = agenda.greedySchedule(large);
  const check = time(runs, () => agenda.detectConflicts(generated.placed, large.context));
  const largeConflicts = agenda.detectConflicts(generated.placed, large.context);
  const itemIds = new Set(large.items.map((item) => item.id));
  const generation = {
    options: agenda.LARGE_EVENT,
    items: large.items.length,
    placed: generated.placed.filter((p) => itemIds.has(p.id)).length,
    breaks: generated.placed.filter((p) => !itemIds.has(p.id)).length,
    unplaced: generated.unplaced.length,
    unplacedBy: countBy(generated.unplaced.map((u) => u.constraint)),
    conflicts: largeConflicts.length,
    hard: largeConflicts.filter(agenda.isHardConflict).length,
    generate,
    greedyOnly,
    check,
    score: agenda.scoreSchedule(large.context, large.items, generated.placed),
    greedyScore: agenda.scoreSchedule(large.context, large.items, largeGreedy.placed),
  };
  console.log(
    `  generation: ${fixed(generate.medianMs, 1)} ms median, ${generation.placed} of ` +
      `${generation.items} placed, ${generation.hard} hard conflicts`,
  );

  // 3. The generator (and the greedy alone) against the exact optimum on small instances.
  const gaps = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const event = agenda.syntheticEvent(agenda.smallEventOptions(seed));
    const greedyStart = performance.now();
    const generated = agenda.generateSchedule(event);
    const greedyMs = performance.now() - greedyStart;
    const score = agenda.scoreSchedule(event.context, event.items, generated.placed);
    const greedyAlone = agenda.greedySchedule(event);
    const greedyScore = agenda.scoreSchedule(event.context, event.items, greedyAlone.placed);
    const exactStart = performance.now();
    const exact = await agenda.exactSchedule(event, { slotMinutes: 30, timeLimitSeconds: 120 });
    const exactMs = performance.now() - exactStart;
    const optimum = exact.score.objective;
    gaps.push({
      seed,
      items: event.items.length,
      days: event.context.dayWindows.length,
      rooms: event.context.rooms.length,
      greedy: score,
      greedyAlone: greedyScore,
      exact: exact.score,
      status: exact.status,
      gap: optimum > 0 ? (score.objective - optimum) / optimum : score.objective > 0 ? Infinity : 0,
      greedyMs,
      exactMs,
      variables: exact.variables,
      constraints: exact.constraints,
    });
    console.log(
      `  small instance ${seed}/${seeds}: ${event.items.length} items, HiGHS ${exact.status}`,
    );
  }
  return { detection, generation, gaps, runs };
}

export function reportAgenda(results) {
  const { detection, generation, gaps, runs } = results;
  console.log(
    `\nAgenda: conflict detection and generation, median of ${runs} runs after ${WARMUP_RUNS} ` +
      'untimed, in this process',
  );
  console.log(
    table(
      [
        'Measurement',
        ' items',
        ' median ms',
        ' min ms',
        ' max ms',
        ' CPU ms',
        ' baseline ms',
        ' ratio',
      ],
      [
        [
          `detectConflicts (${detection.conflicts} conflicts, ${detection.hard} hard)`,
          detection.items,
          fixed(detection.detect.medianMs, 1),
          fixed(detection.detect.minMs, 1),
          fixed(detection.detect.maxMs, 1),
          fixed(detection.detect.cpuMedianMs, 1),
          '',
          '',
        ],
        [
          '  beside: sort of the same intervals',
          detection.items,
          fixed(detection.sort.medianMs, 2),
          fixed(detection.sort.minMs, 2),
          fixed(detection.sort.maxMs, 2),
          fixed(detection.sort.cpuMedianMs, 2),
          fixed(detection.sort.medianMs, 2),
          `${fixed(detection.detect.medianMs / detection.sort.medianMs, 1)}x`,
        ],
        [
          `  beside: all-pairs overlap scan (${detection.overlappingPairs} pairs)`,
          detection.items,
          fixed(detection.allPairs.medianMs, 1),
          fixed(detection.allPairs.minMs, 1),
          fixed(detection.allPairs.maxMs, 1),
          fixed(detection.allPairs.cpuMedianMs, 1),
          fixed(detection.allPairs.medianMs, 1),
          `${fixed(detection.detect.medianMs / detection.allPairs.medianMs, 2)}x`,
        ],
        [
          `generateSchedule (${generation.placed} placed, ${generation.unplaced} left out)`,
          generation.items,
          fixed(generation.generate.medianMs, 1),
          fixed(generation.generate.minMs, 1),
          fixed(generation.generate.maxMs, 1),
          fixed(generation.generate.cpuMedianMs, 1),
          '',
          '',
        ],
        [
          `  beside: greedySchedule alone (objective ${generation.greedyScore.objective} -> ${generation.score.objective})`,
          generation.items,
          fixed(generation.greedyOnly.medianMs, 1),
          fixed(generation.greedyOnly.minMs, 1),
          fixed(generation.greedyOnly.maxMs, 1),
          fixed(generation.greedyOnly.cpuMedianMs, 1),
          fixed(generation.greedyOnly.medianMs, 1),
          `${fixed(generation.generate.medianMs / generation.greedyOnly.medianMs, 2)}x`,
        ],
        [
          '  beside: detectConflicts on its result',
          generation.placed + generation.breaks,
          fixed(generation.check.medianMs, 1),
          fixed(generation.check.minMs, 1),
          fixed(generation.check.maxMs, 1),
          fixed(generation.check.cpuMedianMs, 1),
          fixed(generation.check.medianMs, 1),
          `${fixed(generation.generate.medianMs / generation.check.medianMs, 1)}x`,
        ],
      ],
    ),
  );
  console.log(
    `  detection input: the draft rundown of ${JSON.stringify(detection.options)}; conflicts ` +
      `by kind: ${JSON.stringify(detection.byKind)}`,
  );
  console.log(
    `  large event: ${generation.hard} hard conflicts, ${generation.conflicts} conflicts in all; ` +
      `left out: ${JSON.stringify(generation.unplacedBy)}; ${generation.breaks} breaks and ISHOMA`,
  );
  console.log(
    '\nSmall instances: the generator against the exact optimum (HiGHS, 30-minute slots)',
  );
  console.log(
    table(
      [
        ' seed',
        ' items',
        ' days',
        ' rooms',
        ' greedy alone',
        ' generated',
        ' (idle/order/out)',
        ' optimum',
        ' (idle/order/out)',
        ' gap',
        ' HiGHS',
        ' gen ms',
        ' exact ms',
      ],
      gaps.map((g) => [
        g.seed,
        g.items,
        g.days,
        g.rooms,
        g.greedyAlone.objective,
        g.greedy.objective,
        `${g.greedy.idleMinutes}/${g.greedy.brokenOrder}/${g.greedy.unplacedMinutes}`,
        g.exact.objective,
        `${g.exact.idleMinutes}/${g.exact.brokenOrder}/${g.exact.unplacedMinutes}`,
        `${fixed(g.gap * 100, 1)} %`,
        g.status,
        fixed(g.greedyMs, 0),
        fixed(g.exactMs, 0),
      ]),
    ),
  );
  const worst = Math.max(...gaps.map((g) => g.gap));
  const within = gaps.filter((g) => g.gap <= AGENDA_TARGET.gap).length;
  console.log(
    `  median gap ${fixed(median(gaps.map((g) => g.gap)) * 100, 1)} %, worst ` +
      `${fixed(worst * 100, 1)} %; ${within} of ${gaps.length} within ` +
      `${AGENDA_TARGET.gap * 100} %`,
  );
  const targets = [
    {
      name: `conflict detection on ${detection.items} items < ${AGENDA_TARGET.detectMs} ms`,
      measured: `${fixed(detection.detect.medianMs, 1)} ms`,
      met: detection.detect.medianMs < AGENDA_TARGET.detectMs,
    },
    {
      name: `generation of ${generation.items} items, 12 rooms, 3 days < ${AGENDA_TARGET.generateMs} ms`,
      measured: `${fixed(generation.generate.medianMs, 1)} ms`,
      met: generation.generate.medianMs < AGENDA_TARGET.generateMs,
    },
    {
      name: 'generation of the large event: zero hard conflicts',
      measured: String(generation.hard),
      met: generation.hard === 0,
    },
    {
      name: `optimality gap <= ${AGENDA_TARGET.gap * 100} % on every small instance`,
      measured: `worst ${fixed(worst * 100, 1)} %`,
      met: worst <= AGENDA_TARGET.gap,
    },
  ];
  console.log('\nAgenda targets');
  console.log(
    table(
      ['Target', ' measured', ' verdict'],
      targets.map((t) => [t.name, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  return targets;
}

/** On its own: `node bench/agenda.mjs`. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cpus = os.cpus();
  console.log(
    `Rakor agenda benchmark, ${new Date().toISOString()}: ${cpus.length} CPUs ` +
      `(${cpus[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ` +
      `${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  const results = await runAgenda();
  results.targets = reportAgenda(results);
  const json = process.env.BENCH_JSON?.trim();
  if (json) writeFileSync(json, `${JSON.stringify({ agenda: results }, null, 2)}\n`);
}
