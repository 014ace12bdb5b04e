// zod/mini with named imports: tree-shaken to ~20 KB, where `import { z } from 'zod'` bundles all of
// zod (~450 KB, ~25 ms of every cold start). Features build their command schemas from these fields.
import { maxLength, string } from 'zod/mini';

/** Anything a person typed: lengths are checked by the use case, to answer kindly. */
export const text = string().check(maxLength(10_000));
/** A platform id (channel, message, user): letters, digits and dots (Slack timestamps). */
export const id = string().check(maxLength(40));
/** A person named by what was typed (`@ben`) where no mention came: core looks them up among the members. */
export const personName = string().check(maxLength(80));
/** A story reference, `kind:owner`. */
export const ref = string().check(maxLength(60));
/** A short typed value (a name, a date in words) of at most `max` characters. */
export const short = (max: number) => string().check(maxLength(max));
