import { detectConflicts } from '../domain/conflicts';
import { generateSchedule, greedySchedule, type PlacedItem } from '../domain/generate-schedule';
import { exactSchedule, type ExactResult } from './exact-schedule';
import { scoreSchedule, type ScheduleScore } from './schedule-objective';
import { smallEventOptions, syntheticEvent, type SyntheticEvent } from './synthetic-event';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

interface Compared {
  seed: number;
  event: SyntheticEvent;
  /** The generator's schedule (the greedy placement, then its improvement phase), scored. */
  generated: ScheduleScore;
  placed: PlacedItem[];
  /** The greedy placement alone. */
  greedy: ScheduleScore;
  exact: ExactResult;
}

/** (generated − optimum) / optimum. */
const gap = ({ generated, exact }: Compared) =>
  (generated.objective - exact.score.objective) / exact.score.objective;

describe('the generator against the exact optimum on small instances', () => {
  const compared: Compared[] = [];

  beforeAll(async () => {
    for (const seed of SEEDS) {
      const event = syntheticEvent(smallEventOptions(seed));
      const { placed } = generateSchedule(event);
      const generated = scoreSchedule(event.context, event.items, placed);
      const greedy = scoreSchedule(event.context, event.items, greedySchedule(event).placed);
      const exact = await exactSchedule(event, { slotMinutes: 30, timeLimitSeconds: 60 });
      compared.push({ seed, event, generated, placed, greedy, exact });
    }
  }, 240_000);

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

  it('should never find the generator better than the optimum, nor worse than the greedy alone', () => {
    for (const { generated, greedy, exact } of compared) {
      expect(exact.score.objective).toBeLessThanOrEqual(generated.objective);
      expect(generated.objective).toBeLessThanOrEqual(greedy.objective);
    }
  });

  it('should find generated schedules without any conflict', () => {
    for (const { event, placed } of compared) {
      expect(detectConflicts(placed, event.context)).toEqual([]);
    }
  });

  // The target: a gap of at most 5 % on every instance. Seed 10 reaches its optimum once a whole
  // morning of a room is reordered at once (the exact reordering of a room-day in
  // improve-schedule.ts); seed 5, the worst, is 3.3 % off.
  it('should stay within 5 % of the optimum when generating every small instance', () => {
    for (const compare of compared) expect(gap(compare)).toBeLessThanOrEqual(0.05);
    expect(compared.map((c) => c.seed)).toEqual(SEEDS);
  });

  // The measured figures, kept so that a change to the generator shows up here, for better or
  // worse: the greedy placement alone, the generator (greedy and improvement), the optimum.
  it('should keep the measured objectives when generating the small instances', () => {
    expect(
      compared.map(({ seed, event, generated, greedy, exact }) => ({
        seed,
        items: event.items.length,
        greedy: greedy.objective,
        generated: generated.objective,
        optimum: exact.score.objective,
      })),
    ).toEqual(MEASURED);
  });
});

const MEASURED: {
  seed: number;
  items: number;
  greedy: number;
  generated: number;
  optimum: number;
}[] = [
  { seed: 1, items: 19, greedy: 1170, generated: 1050, optimum: 1050 },
  { seed: 2, items: 26, greedy: 180, generated: 180, optimum: 180 },
  { seed: 3, items: 14, greedy: 1350, generated: 1290, optimum: 1290 },
  { seed: 4, items: 21, greedy: 360, generated: 300, optimum: 300 },
  { seed: 5, items: 28, greedy: 2310, generated: 1890, optimum: 1830 },
  { seed: 6, items: 16, greedy: 300, generated: 240, optimum: 240 },
  { seed: 7, items: 23, greedy: 1770, generated: 1770, optimum: 1770 },
  { seed: 8, items: 30, greedy: 300, generated: 240, optimum: 240 },
  { seed: 9, items: 18, greedy: 990, generated: 960, optimum: 960 },
  { seed: 10, items: 25, greedy: 1410, generated: 1020, optimum: 1020 },
];
