import { describe, expect, it } from 'vitest';
import { diagnose } from './dynamodb-local-process.ts';

const where = { port: 8000, dataDir: '/srv/data' };

describe('diagnose', () => {
  it('names a damaged database file from SQLite’s complaint', () => {
    const output =
      'WARNING: [sqlite] job exception\ncom.almworks.sqlite4java.SQLiteException: [26] DB[1] prepare() …; [file is encrypted or is not a database]';
    expect(diagnose(output, where)).toContain('the database file in DATA_DIR=/srv/data is damaged');
  });

  it('names a Java that is too old, and a taken port', () => {
    expect(diagnose('java.lang.UnsupportedClassVersionError: … compiled by a more recent version', where)).toContain('Java 17 or newer');
    expect(diagnose('java.net.BindException: Address already in use', where)).toBe(
      'DynamoDB Local could not listen on port 8000: it is taken',
    );
  });

  it('says nothing about ordinary output', () => {
    expect(diagnose('Initializing DynamoDB Local with the following configuration:\nPort:\t8000', where)).toBeUndefined();
  });
});
