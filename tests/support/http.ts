/** Sends a request to the in-process app (looked up at call time) and reads its JSON answer, if any. */
export function sender(app: () => { request(request: Request): Response | Promise<Response> }) {
  return async (request: Request): Promise<{ status: number; body: any }> => {
    const response = await app().request(request);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Everything a Slack user reads in a message answer: its text and its section texts. */
export const slackText = (body: any): string => [body?.text ?? '', ...(body?.blocks ?? []).map((b: any) => b.text?.text ?? '')].join('\n');
