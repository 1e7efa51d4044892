import { asList, type JsonObject, type Statement } from './cloudformation-template.js';

/**
 * Reads the inline policies of an IAM role whose intrinsics are already resolved (see template-evaluator.ts).
 * serverless.yml gives every role inline policies only, and a test checks that, so these see all a role may do.
 */

type InlinePolicy = { PolicyDocument: { Statement: Statement[] } };

/** Every statement of a role's inline policies, in template order. */
function statementsOf(role: JsonObject): Statement[] {
  return ((role.Policies as InlinePolicy[] | undefined) ?? []).flatMap((policy) => policy.PolicyDocument.Statement);
}

/** action → the sorted resources it is allowed on, for one role's inline policies. */
function permissionsOf(role: JsonObject): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const policy of role.Policies as InlinePolicy[]) {
    for (const statement of policy.PolicyDocument.Statement) {
      for (const action of asList(statement.Action)) {
        permissions[action] = [...(permissions[action] ?? []), ...asList(statement.Resource)].sort();
      }
    }
  }
  return permissions;
}

export { permissionsOf, statementsOf };
