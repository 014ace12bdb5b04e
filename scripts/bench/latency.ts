import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { slackCommand } from './requests.ts';
import type { BenchServer } from './server.ts';
import { percentile } from './stats.ts';

export interface Latency {
  readonly name: string;
  readonly p50: number;
  readonly p99: number;
}

/**
 * Sequential requests over keep-alive, healthz and status alternating so both see the same machine.
 * A bare DynamoDB Query is timed alongside: status cannot be faster than its one read.
 */
export async function measureLatency(server: BenchServer, rounds: number, warmup: number): Promise<Latency[]> {
  const health: number[] = [];
  const status: number[] = [];
  const query: number[] = [];
  const { TABLE_NAME } = server.deps.config;
  for (let i = 0; i < warmup + rounds; i++) {
    const q = performance.now();
    await (await server.deps.database()).send(
      new QueryCommand({ TableName: TABLE_NAME, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'slack#T0001' } }),
    );
    if (i >= warmup) query.push(performance.now() - q);
    let started = performance.now();
    const h = await fetch(`${server.base}/healthz`);
    await h.text();
    if (i >= warmup) health.push(performance.now() - started);
    const request = slackCommand('status');
    started = performance.now();
    const s = await server.send(request);
    if (i >= warmup) status.push(performance.now() - started);
    if (s.status !== 200 || !s.text.includes('Bench Community')) throw new Error(`status answered ${s.status}: ${s.text.slice(0, 200)}`);
  }
  return [
    { name: 'GET /healthz', p50: percentile(health, 50), p99: percentile(health, 99) },
    { name: '/community status', p50: percentile(status, 50), p99: percentile(status, 99) },
    { name: 'DynamoDB Query alone', p50: percentile(query, 50), p99: percentile(query, 99) },
  ];
}
