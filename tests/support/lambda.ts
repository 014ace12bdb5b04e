import eventFixture from '../fixtures/lambda/function-url-event.json' with { type: 'json' };

/** A Lambda Function URL event (payload format 2.0) carrying the given request, as AWS delivers it. */
export async function functionUrlEvent(request: Request, base64 = false) {
  const event = structuredClone(eventFixture) as typeof eventFixture & { headers: Record<string, string> };
  const url = new URL(request.url);
  const body = await request.text();
  event.rawPath = url.pathname;
  event.requestContext.http.path = url.pathname;
  event.requestContext.http.method = request.method;
  for (const [name, value] of request.headers) event.headers[name] = value;
  event.body = base64 ? Buffer.from(body).toString('base64') : body;
  event.isBase64Encoded = base64;
  return event;
}

/** The parts of a Lambda HTTP result the tests read. */
export interface LambdaResult {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
}
