/** A claimed platform delivery (Slack event id, retried request), kept for a day. */
export interface IdempotencyItem {
  pk: string;
  sk: string;
  entity: 'Idempotency';
  claimedAt: string;
  /** Epoch seconds; DynamoDB may delete late, so readers compare it themselves. */
  expiresAt: number;
}

const DAY_SECONDS = 24 * 60 * 60;

export function toIdempotencyItem(scope: string, key: string, now: Date): IdempotencyItem {
  return {
    pk: `${scope}#IDEMPOTENCY`,
    sk: `KEY#${key}`,
    entity: 'Idempotency',
    claimedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DAY_SECONDS,
  };
}
