/** A file Organizer uploaded to a sandboxed platform, kept so the page can show it (a chart's PNG). */
export interface SandboxFile {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly alt: string;
  bytes: Uint8Array | undefined;
}

/** Files kept at most (the oldest go first) and the largest one kept: a month's charts are far smaller. */
const KEPT = 60;
const MAX_BYTES = 5 * 1024 * 1024;

/** Only pictures are served back as what they are; anything else is a download, never a page of this origin. */
const SHOWN = /^image\/(png|jpeg|gif|webp)$/;

/**
 * The sandbox's file store: Slack's upload URL and Discord's attachments put bytes here by id, and
 * `GET /playground/files/:id` serves them to the page.
 */
export function sandboxFiles() {
  const files = new Map<string, SandboxFile>();
  const keep = (file: SandboxFile) => {
    files.set(file.id, file);
    while (files.size > KEPT) files.delete(files.keys().next().value as string);
    return file;
  };
  return {
    /** A file announced before its bytes arrive (Slack's `files.getUploadURLExternal`). */
    announce: (id: string, name: string, alt: string) => keep({ id, name, alt, type: 'application/octet-stream', bytes: undefined }),
    /** The bytes of a file, with the type they were sent as; false when the file is unknown or too large. */
    fill: (id: string, bytes: Uint8Array, type: string): boolean => {
      const file = files.get(id);
      if (!file || bytes.byteLength > MAX_BYTES) return false;
      files.set(id, { ...file, bytes, type: type || file.type });
      return true;
    },
    /** A whole file at once (a Discord attachment). */
    put: (id: string, name: string, alt: string, bytes: Uint8Array, type: string): boolean => {
      if (bytes.byteLength > MAX_BYTES) return false;
      keep({ id, name, alt, type, bytes });
      return true;
    },
    get: (id: string) => files.get(id),
    /** The content type a file is served with. */
    servedAs: (file: SandboxFile) => (SHOWN.test(file.type) ? file.type : 'application/octet-stream'),
  };
}

export type SandboxFiles = ReturnType<typeof sandboxFiles>;
