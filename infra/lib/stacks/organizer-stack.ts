import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HttpFunction } from '../constructs/http-function.ts';
import { OrganizerTable } from '../constructs/organizer-table.ts';

export interface OrganizerStackProps extends StackProps {
  /** SSM parameter prefix of the platform secrets (default `/organizer/`). */
  readonly secretsPrefix?: string;
}

/** Organizer on AWS: composes the table and the HTTP function. */
export class OrganizerStack extends Stack {
  public readonly table: OrganizerTable;
  public readonly http: HttpFunction;

  constructor(scope: Construct, id: string, props: OrganizerStackProps = {}) {
    super(scope, id, props);
    this.table = new OrganizerTable(this, 'Data');
    this.http = new HttpFunction(this, 'Http', { table: this.table.table, secretsPrefix: props.secretsPrefix ?? '/organizer/' });
  }
}
