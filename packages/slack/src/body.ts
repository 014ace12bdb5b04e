/** A Slack request body as an object: slash commands and interactivity are form-encoded, events are JSON. */
export type SlackBody = Record<string, unknown>;

/**
 * Parses the raw body by its content type. Interactivity arrives as a form with one `payload`
 * field holding JSON. Returns undefined when the body cannot be read.
 */
export function parseSlackBody(contentType: string | null, rawBody: string): SlackBody | undefined {
  try {
    if ((contentType ?? '').includes('application/json')) {
      const parsed: unknown = JSON.parse(rawBody);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SlackBody) : undefined;
    }
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    if (typeof form.payload === 'string') {
      const payload: unknown = JSON.parse(form.payload);
      return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as SlackBody) : undefined;
    }
    return Object.keys(form).length > 0 ? form : undefined;
  } catch {
    return undefined;
  }
}
