import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

import { secretParameters } from './secret-names.ts';

/**
 * Reads the platform secrets from SSM Parameter Store once per cold start, so they are never
 * inlined in the function's environment. Missing parameters stay unset: that platform answers 401.
 */
export async function readSecrets(prefix: string, region: string): Promise<Record<string, string>> {
  const ssm = new SSMClient({ region });
  const names = Object.keys(secretParameters).map((name) => `${prefix}${name}`);
  const { Parameters = [] } = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  const values: Record<string, string> = {};
  for (const parameter of Parameters) {
    const short = parameter.Name?.slice(prefix.length) as keyof typeof secretParameters | undefined;
    if (short && short in secretParameters && parameter.Value) values[secretParameters[short]] = parameter.Value;
  }
  return values;
}
