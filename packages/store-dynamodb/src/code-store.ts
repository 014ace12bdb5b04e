import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CodeStore, IssuedCode, Tenant } from '@organizer/core';

/** `CodeStore` on the one table (to be written: see the contract in core's coalitions/port.ts). */
export class DynamoCodeStore implements CodeStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}
  issue(_code: string, _issued: IssuedCode): Promise<'issued' | 'exists'> {
    throw new Error('not written yet');
  }
  redeem(
    _code: string,
    _place: { tenant: Tenant; channelId: string },
    _now: Date,
  ): Promise<{ kind: 'ok'; issued: IssuedCode } | { kind: 'unknown' | 'expired' | 'tooMany' }> {
    throw new Error('not written yet');
  }
}
