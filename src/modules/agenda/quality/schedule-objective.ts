/**
 * The objective schedules are scored by. It lives with the generator, in
 * `domain/schedule-objective.ts`, since the generator's improvement phase minimizes it; the
 * quality tools (the exact model, the gap spec, the bench) import it from here, the same code.
 */
export * from '../domain/schedule-objective';
