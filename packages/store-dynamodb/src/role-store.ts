import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role, RoleStore, Tenant } from '@organizer/core';
import { communityKey } from './entities/community.ts';
import { toRoleItem } from './entities/role.ts';

/** `RoleStore`: each write touches one role of the community's roles map, under its own condition. */
export class DynamoRoleStore implements RoleStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Adds a role unless one with its id exists: two leaders adding "Outreach" at once make one role. */
  addRole(tenant: Tenant, communityId: string, role: Role): Promise<'saved' | 'exists' | 'missing'> {
    return this.write(
      tenant,
      communityId,
      'SET #roles.#id = :role',
      'attribute_exists(pk) AND attribute_not_exists(#roles.#id)',
      role.id,
      { ':role': toRoleItem(role) },
      'exists',
    );
  }

  /** Adds the roles that do not exist yet, in one write; existing ones stay as they are. */
  async adoptRoles(tenant: Tenant, communityId: string, roles: readonly Role[]): Promise<'saved' | 'missing'> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = roles.map((role, i) => {
      names[`#r${i}`] = role.id;
      values[`:r${i}`] = toRoleItem(role);
      return `#roles.#r${i} = if_not_exists(#roles.#r${i}, :r${i})`;
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#roles': 'roles', ...names },
          ExpressionAttributeValues: values,
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'missing';
      throw error;
    }
  }

  /** Renames a role and replaces its responsibilities; its lead and members stay. */
  updateRole(
    tenant: Tenant,
    communityId: string,
    role: Pick<Role, 'id' | 'name' | 'responsibilities'>,
  ): Promise<'saved' | 'exists' | 'missing'> {
    return this.write(
      tenant,
      communityId,
      'SET #roles.#id.#name = :name, #roles.#id.responsibilities = :responsibilities',
      'attribute_exists(#roles.#id)',
      role.id,
      { ':name': role.name, ':responsibilities': [...role.responsibilities] },
      'missing',
      { '#name': 'name' },
    );
  }

  removeRole(tenant: Tenant, communityId: string, id: string): Promise<'saved' | 'exists' | 'missing'> {
    return this.write(tenant, communityId, 'REMOVE #roles.#id', 'attribute_exists(#roles.#id)', id, undefined, 'missing');
  }

  unassign(tenant: Tenant, communityId: string, id: string, userId: string, asLead: boolean): Promise<'saved' | 'missing'> {
    const [update, condition] = asLead
      ? ['REMOVE #roles.#id.leadId', '#roles.#id.leadId = :user']
      : ['DELETE #roles.#id.memberIds :members', 'contains(#roles.#id.memberIds, :user)'];
    const values = asLead ? { ':user': userId } : { ':user': userId, ':members': new Set([userId]) };
    return this.write(tenant, communityId, update, condition, id, values, 'missing') as Promise<'saved' | 'missing'>;
  }

  private async write(
    tenant: Tenant,
    communityId: string,
    update: string,
    condition: string,
    id: string,
    values: Record<string, unknown> | undefined,
    onConditionFailed: 'exists' | 'missing',
    names: Record<string, string> = {},
  ): Promise<'saved' | 'exists' | 'missing'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: update,
          ConditionExpression: condition,
          // `roles` is one of DynamoDB's reserved words.
          ExpressionAttributeNames: { '#roles': 'roles', '#id': id, ...names },
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return 'saved';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Without the community item itself, whatever the role condition said, the community is gone.
      return error.Item ? onConditionFailed : 'missing';
    }
  }
}
