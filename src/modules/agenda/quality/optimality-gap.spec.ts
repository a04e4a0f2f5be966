import { detectConflicts } from '../domain/conflicts';
import { generateSchedule } from '../domain/generate-schedule';
import { exactSchedule, type ExactResult } from './exact-schedule';
import { scoreSchedule, type ScheduleScore } from './schedule-objective';
import { smallEventOptions, syntheticEvent, type SyntheticEvent } from './synthetic-event';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Compared {
  seed: number;
  event: SyntheticEvent;
  greedy: ScheduleScore;
  exact: ExactResult;
}

describe('the greedy generator against the exact optimum on small instances', () => {
  const compared: Compared[] = [];

  beforeAll(async () => {
    for (const seed of SEEDS) {
      const event = syntheticEvent(smallEventOptions(seed));
      const greedy = scoreSchedule(event.context, event.items, generateSchedule(event).placed);
      const exact = await exactSchedule(event, { slotMinutes: 30, timeLimitSeconds: 60 });
      compared.push({ seed, event, greedy, exact });
    }
  }, 120_000);

  it('should prove every optimum when given instances of up to 30 items', () => {
    for (const { event, exact } of compared) {
      expect(event.items.length).toBeLessThanOrEqual(30);
      expect(exact.status).toBe('Optimal');
    }
  });

  it('should score the exact schedule as the solver does when the model and the objective agree', () => {
    for (const { exact } of compared) {
      expect(exact.solverObjective).toBeCloseTo(exact.score.objective, 6);
    }
  });

  it('should find exact schedules without any conflict', () => {
    for (const { event, exact } of compared) {
      expect(detectConflicts(exact.placed, event.context)).toEqual([]);
    }
  });

  it('should never find the greedy better than the optimum', () => {
    for (const { greedy, exact } of compared) {
      expect(exact.score.objective).toBeLessThanOrEqual(greedy.objective);
    }
  });

  // The target is a gap of at most 5 %; the greedy does not meet it on these instances (see
  // docs/benchmarks.md). These are the measured figures, kept so that a change to the generator
  // shows up here, for better or worse.
  it('should keep the measured objectives when generating the small instances', () => {
    expect(
      compared.map(({ seed, event, greedy, exact }) => ({
        seed,
        items: event.items.length,
        greedy: greedy.objective,
        optimum: exact.score.objective,
      })),
    ).toEqual(MEASURED);
  });
});

const MEASURED: { seed: number; items: number; greedy: number; optimum: number }[] = [
  { seed: 1, items: 19, greedy: 1170, optimum: 1050 },
  { seed: 2, items: 26, greedy: 180, optimum: 180 },
  { seed: 3, items: 14, greedy: 1350, optimum: 1290 },
  { seed: 4, items: 21, greedy: 360, optimum: 300 },
  { seed: 5, items: 28, greedy: 2310, optimum: 1830 },
  { seed: 6, items: 16, greedy: 300, optimum: 240 },
  { seed: 7, items: 23, greedy: 1770, optimum: 1770 },
  { seed: 8, items: 30, greedy: 300, optimum: 240 },
  { seed: 9, items: 18, greedy: 990, optimum: 960 },
  { seed: 10, items: 25, greedy: 1410, optimum: 1020 },
];
