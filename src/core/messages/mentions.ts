/** Slack user ids (`U…`, `W…` in Enterprise Grid): only these may be written as `<@…>`, which Slack renders as a name. */
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Whether `by` names a person Slack can mention. A history written before workers were left out of it names a
 * worker (`worker-k27biyrhkaiy`), which `<@…>` would render as a broken mention.
 */
function isSlackUser(by: string | undefined): by is string {
  return by !== undefined && SLACK_USER_ID.test(by);
}

export { isSlackUser };
