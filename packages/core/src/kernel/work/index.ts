/**
 * The scheduler's and worker's face of core (`@organizer/core/work`). Kept apart from the package's
 * index because it loads the timezone database, which no request path should pay for at cold start.
 */
export { minuteOf, minutesToRun } from '../schedule.ts';
export { runJob } from './run-job.ts';
