/**
 * Block Kit limits as Slack enforces them on chat.postMessage / chat.update / response_url (FACTS.md section C).
 * The loopback Slack API refuses what Slack refuses, so a message builder that passes here will not be turned away in
 * production with `invalid_blocks` in front of an operator waiting for an approval button.
 */
const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  /** Top-level `text`: Slack documents truncation above this; the rig answers `msg_too_long` so nothing is lost silently. */
  messageText: 40_000,
  /**
   * Slack's cumulative limit is undocumented: bolt-js#2509 saw `msg_blocks_too_long` near 13,300 characters of text,
   * bolt-js#2867 saw 15,561 characters of blocks JSON accepted and 17,694 refused. Measuring the JSON against 13,000 is
   * stricter than both, which is the safe side for a rig.
   */
  blocksJson: 13_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  markdownText: 12_000,
  actionsElements: 25,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  imageAltText: 2000,
} as const;

type BlockKitProblem = {
  error: 'invalid_blocks' | 'invalid_blocks_format' | 'msg_too_long' | 'msg_blocks_too_long';
  /** Slack's wording: `must be less than 3001 characters [json-pointer:/blocks/0/text/text]`. */
  errors: string[];
};

type Problems = string[];
type Checker = (problems: Problems, pointer: string, block: Record<string, unknown>) => void;

const L = BLOCK_KIT_LIMITS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function maxLength(problems: Problems, pointer: string, value: unknown, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') problems.push(`must be a string [json-pointer:${pointer}]`);
  else if (value.length > max) problems.push(`must be less than ${max + 1} characters [json-pointer:${pointer}]`);
}

function checkText(problems: Problems, pointer: string, value: unknown, max: number, plainOnly = false): void {
  if (!isRecord(value)) {
    problems.push(`must be a text object [json-pointer:${pointer}]`);
    return;
  }
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn')) {
    problems.push(`must be a valid enum value [json-pointer:${pointer}/type]`);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    problems.push(`must be more than 0 characters [json-pointer:${pointer}/text]`);
  } else {
    maxLength(problems, `${pointer}/text`, value.text, max);
  }
}

function checkConfirm(problems: Problems, pointer: string, confirm: unknown): void {
  if (!isRecord(confirm)) {
    problems.push(`must be an object [json-pointer:${pointer}]`);
    return;
  }
  checkText(problems, `${pointer}/title`, confirm.title, L.confirmTitle, true);
  checkText(problems, `${pointer}/text`, confirm.text, L.confirmText);
  checkText(problems, `${pointer}/confirm`, confirm.confirm, L.confirmButton, true);
  checkText(problems, `${pointer}/deny`, confirm.deny, L.confirmButton, true);
}

function checkElement(problems: Problems, pointer: string, element: unknown, actionIds: Set<string>): void {
  if (!isRecord(element) || typeof element.type !== 'string') {
    problems.push(`must be an element object [json-pointer:${pointer}]`);
    return;
  }
  maxLength(problems, `${pointer}/action_id`, element.action_id, L.id);
  if (typeof element.action_id === 'string') {
    // Slack: an action_id "should be unique among all other action_ids in the containing block".
    if (actionIds.has(element.action_id)) problems.push(`action_id must be unique [json-pointer:${pointer}/action_id]`);
    actionIds.add(element.action_id);
  }
  if (element.type === 'button') {
    checkText(problems, `${pointer}/text`, element.text, L.buttonText, true);
    maxLength(problems, `${pointer}/value`, element.value, L.buttonValue);
    maxLength(problems, `${pointer}/url`, element.url, L.url);
    if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
      problems.push(`must be a valid enum value [json-pointer:${pointer}/style]`);
    }
  }
  if (element.confirm !== undefined) checkConfirm(problems, `${pointer}/confirm`, element.confirm);
}

function checkElementList(problems: Problems, pointer: string, elements: unknown, max: number): unknown[] {
  if (!Array.isArray(elements) || elements.length === 0) {
    problems.push(`must provide at least 1 item [json-pointer:${pointer}]`);
    return [];
  }
  if (elements.length > max) problems.push(`must provide no more than ${max} items [json-pointer:${pointer}]`);
  return elements;
}

const checkSection: Checker = (problems, pointer, block) => {
  if (block.text === undefined && block.fields === undefined) {
    problems.push(`must provide either text or fields [json-pointer:${pointer}]`);
  }
  if (block.text !== undefined) checkText(problems, `${pointer}/text`, block.text, L.sectionText);
  if (block.fields !== undefined) {
    const fields = checkElementList(problems, `${pointer}/fields`, block.fields, L.sectionFields);
    fields.forEach((field, i) => {
      checkText(problems, `${pointer}/fields/${i}`, field, L.sectionFieldText);
    });
  }
  if (block.accessory !== undefined) checkElement(problems, `${pointer}/accessory`, block.accessory, new Set());
};

const checkActions: Checker = (problems, pointer, block) => {
  const actionIds = new Set<string>();
  const elements = checkElementList(problems, `${pointer}/elements`, block.elements, L.actionsElements);
  elements.forEach((element, i) => {
    checkElement(problems, `${pointer}/elements/${i}`, element, actionIds);
  });
};

const checkContext: Checker = (problems, pointer, block) => {
  const elements = checkElementList(problems, `${pointer}/elements`, block.elements, L.contextElements);
  elements.forEach((element, i) => {
    const at = `${pointer}/elements/${i}`;
    if (isRecord(element) && element.type === 'image')
      maxLength(problems, `${at}/alt_text`, element.alt_text, L.imageAltText);
    else checkText(problems, at, element, L.sectionText);
  });
};

const CHECKERS: Record<string, Checker> = {
  section: checkSection,
  actions: checkActions,
  context: checkContext,
  header: (problems, pointer, block) => checkText(problems, `${pointer}/text`, block.text, L.headerText, true),
  markdown: (problems, pointer, block) => maxLength(problems, `${pointer}/text`, block.text, L.markdownText),
  image: (problems, pointer, block) => {
    maxLength(problems, `${pointer}/image_url`, block.image_url, L.url);
    maxLength(problems, `${pointer}/alt_text`, block.alt_text, L.imageAltText);
  },
  // Accepted as they are: the bot does not send them, and their own rules are not worth re-implementing here.
  divider: () => {},
  rich_text: () => {},
  input: () => {},
  file: () => {},
  video: () => {},
};

function checkBlock(problems: Problems, index: number, block: unknown, blockIds: Set<string>): void {
  const pointer = `/blocks/${index}`;
  if (!isRecord(block)) {
    problems.push(`must be a block object [json-pointer:${pointer}]`);
    return;
  }
  const checker = typeof block.type === 'string' ? CHECKERS[block.type] : undefined;
  if (checker === undefined) {
    problems.push(`must be a valid enum value [json-pointer:${pointer}/type]`);
    return;
  }
  maxLength(problems, `${pointer}/block_id`, block.block_id, L.id);
  if (typeof block.block_id === 'string') {
    if (blockIds.has(block.block_id)) problems.push(`block_id must be unique [json-pointer:${pointer}/block_id]`);
    blockIds.add(block.block_id);
  }
  checker(problems, pointer, block);
}

/**
 * Checks a message's `blocks` (already JSON-decoded, or the raw string a form post carries) and top-level `text`.
 * Returns what Slack would answer, or `undefined` when Slack would accept the message.
 *
 * @example
 * checkMessageLimits({ text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) });
 * // → { error: 'invalid_blocks', errors: ['must provide no more than 50 items [json-pointer:/blocks]'] }
 */
function checkMessageLimits(message: { text?: unknown; blocks?: unknown }): BlockKitProblem | undefined {
  if (typeof message.text === 'string' && message.text.length > L.messageText) {
    return {
      error: 'msg_too_long',
      errors: [`must be less than ${L.messageText + 1} characters [json-pointer:/text]`],
    };
  }
  if (message.blocks === undefined) return undefined;
  if (!Array.isArray(message.blocks)) {
    return { error: 'invalid_blocks_format', errors: ['must be an array [json-pointer:/blocks]'] };
  }
  const problems: Problems = [];
  if (message.blocks.length > L.blocksPerMessage) {
    problems.push(`must provide no more than ${L.blocksPerMessage} items [json-pointer:/blocks]`);
  }
  const blockIds = new Set<string>();
  message.blocks.forEach((block, index) => {
    checkBlock(problems, index, block, blockIds);
  });
  if (problems.length > 0) return { error: 'invalid_blocks', errors: problems };
  const size = JSON.stringify(message.blocks).length;
  if (size > L.blocksJson) {
    return { error: 'msg_blocks_too_long', errors: [`blocks JSON is ${size} characters, over ${L.blocksJson}`] };
  }
  return undefined;
}

export { BLOCK_KIT_LIMITS, type BlockKitProblem, checkMessageLimits };
