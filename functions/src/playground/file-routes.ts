import type { Context } from 'hono';
import type { SandboxFiles } from './files.ts';

/** `GET /playground/files/:id`: a kept file's bytes, pictures as pictures, never sniffed into anything else. */
export function serveFile(c: Context, files: SandboxFiles): Response {
  const file = files.get(c.req.param('id') ?? '');
  if (!file?.bytes) return c.body(null, 404);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': files.servedAs(file),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
}

/**
 * The bytes POSTed to a Slack upload URL: kept under the file id the URL names. Slack answers such a
 * POST with `OK - <length>`; an unknown id or a file too large is refused as Slack refuses it.
 */
export async function slackUpload(c: Context, files: SandboxFiles) {
  const id = c.req.param('id') ?? '';
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const kept = files.fill(id, bytes, (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '');
  const body = { file: id, length: bytes.byteLength, type: files.get(id)?.type ?? '' };
  return { body, answer: kept ? c.text(`OK - ${bytes.byteLength}`) : c.text('invalid upload', 400) };
}

/**
 * A Discord create with attachments (multipart: `payload_json` naming them, `files[n]` parts): each file is
 * kept, and the message is answered as Discord answers it, each attachment with its `url`.
 */
export async function discordUpload(c: Context, files: SandboxFiles, fileUrl: (id: string) => string): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    return {};
  }
  let payload: Record<string, unknown> = {};
  try {
    const raw = form.get('payload_json');
    payload = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    // A payload that does not parse carries no message: only its files are shown.
  }
  const named = Array.isArray(payload.attachments) ? (payload.attachments as { id?: unknown; description?: unknown }[]) : [];
  const attachments = [];
  for (const [field, value] of form.entries()) {
    const n = /^files\[(\d+)\]$/.exec(field)?.[1];
    if (n === undefined || typeof value === 'string') continue;
    const described = named.find((a) => String(a.id) === n);
    const alt = typeof described?.description === 'string' ? described.description : '';
    const id = `A${Date.now().toString(36)}${n}${Math.random().toString(36).slice(2, 6)}`;
    const type = value.type || 'application/octet-stream';
    files.put(id, value.name, alt, new Uint8Array(await value.arrayBuffer()), type);
    attachments.push({ id, filename: value.name, description: alt, content_type: type, size: value.size, url: fileUrl(id) });
  }
  return { ...payload, attachments };
}
