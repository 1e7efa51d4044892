import type { Language, Said } from './language.js';
import { shownName } from './shown-name.js';
import { type NameReason, usageWords } from './usage-words.js';

/**
 * Why a `rename=pattern:replacement` is refused before approval: the pattern reads differently in the cluster's
 * Java than in the bot, the replacement breaks Java's replacement rules, or an index name cannot be renamed
 * exactly.
 */
type RenameRefusal =
  | { rule: 'not-regex' | 'outside-bmp' | 'backreference' | 'word-boundary' | 'lookbehind' | 'lone-brace' }
  | { rule: 'escape'; escape: string }
  | {
      rule: 'class-syntax' | 'group-syntax' | 'possessive' | 'counted-assertion' | 'empty-repeat' | 'repeated-capture';
      syntax: string;
    }
  | { rule: 'group-name'; name: string }
  | { rule: 'index-outside-bmp' }
  | { rule: 'trailing-backslash' | 'lone-dollar' }
  | { rule: 'group-name-shape'; written: string }
  | { rule: 'no-group'; group: number; groups: number }
  | { rule: 'no-named-group'; name: string; names: readonly string[] };

/** Why one renamed index is refused: the cluster's index name rules, or a protected or system name. */
type RenameTargetReason = { rule: 'name'; name: NameReason } | { rule: 'protected'; pattern: string };

type RenameWords = {
  /** `written` is the pattern, the replacement or the index name, as the refusal's rule says. */
  renameRefused: (written: string, refusal: RenameRefusal) => Said;
  renameTargetRefused: (index: string, target: string, reason: RenameTargetReason) => Said;
};

const EXAMPLE = 'rename=(.+):restored-$1';

function refusedEn(written: string, refusal: RenameRefusal): Said {
  const pattern = `rename pattern "${written}"`;
  const replacement = `rename replacement "${written}"`;
  switch (refusal.rule) {
    case 'not-regex':
      return {
        text: `${pattern} is not a valid regular expression`,
        hint: `Write it as pattern:replacement, e.g. ${EXAMPLE}`,
      };
    case 'outside-bmp':
      return {
        text: `${pattern} has characters outside the Basic Multilingual Plane (such as emoji), which the cluster's Java counts differently`,
        hint: 'Leave them out of the pattern.',
      };
    case 'backreference':
      return {
        text: `${pattern} has a back-reference or octal escape (\\1, \\k<name>, \\0…), which Java and the bot resolve differently`,
        hint: `Refer to groups in the replacement instead ($1, \${name}); write [0-9] for a digit.`,
      };
    case 'word-boundary':
      return {
        text: `${pattern} uses \\b or \\B: the cluster's Java counts letters such as é or ロ as word characters, the bot does not`,
        hint: 'Match the separator itself, e.g. (^|-)logs(-|$) or (?<=-)logs',
      };
    case 'escape':
      return {
        text: `${pattern} uses ${refusal.escape}, which the cluster's Java reads differently or refuses`,
        hint: 'Write the characters themselves, or use \\d, \\w, [a-z] or \\x41 (index names have no spaces, so \\s is never needed).',
      };
    case 'class-syntax':
      return {
        text: `in ${pattern}, "${refusal.syntax}" inside [...] means something else to the cluster's Java`,
        hint: 'Write \\[, \\] or \\& for the characters themselves, and put - first or last in the brackets.',
      };
    case 'group-syntax':
      return {
        text: `${pattern} opens a group with "${refusal.syntax}", which the bot does not read as the cluster does`,
        hint: 'Use (…), (?:…), (?<name>…), (?=…), (?!…), (?<=…) or (?<!…).',
      };
    case 'group-name':
      return {
        text: `group name "${refusal.name}" in ${pattern}: the cluster's Java takes ASCII letters, then letters or digits`,
        hint: `e.g. (?<date>[0-9.]+) in the pattern and \${date} in the replacement`,
      };
    case 'lookbehind':
      return {
        text: `${pattern} has a look-behind that holds a group or an open-ended count (*, +, {n,}), or is repeated: the cluster reads it differently or refuses it`,
        hint: 'Keep look-behinds to fixed text, e.g. (?<=logs-)',
      };
    case 'lone-brace':
      return {
        text: `${pattern} has a "{" that starts no count like {2} or {1,3}: the cluster's Java refuses it`,
        hint: 'Write \\{ for a brace.',
      };
    case 'possessive':
      return {
        text: `${pattern} uses the possessive count "${refusal.syntax}", which only Java has`,
        hint: 'Drop the last +.',
      };
    case 'counted-assertion':
      return {
        text: `${pattern} puts a count (${refusal.syntax}) on ^, $ or a look-around, which the two dialects repeat differently`,
        hint: 'Drop the count.',
      };
    case 'empty-repeat':
      return {
        text: `${pattern} repeats (${refusal.syntax}) a group that can match nothing, which Java and the bot repeat differently`,
        hint: 'Make the group take at least one character, e.g. (-[0-9]+)? rather than (-[0-9]*)?',
      };
    case 'repeated-capture':
      return {
        text: `${pattern} repeats (${refusal.syntax}) a group that holds another group, whose text Java and the bot keep differently`,
        hint: 'Capture the whole repeated part instead, e.g. ((?:-[0-9]+)+)',
      };
    case 'index-outside-bmp':
      return {
        text: `index "${written}" has characters outside the Basic Multilingual Plane (such as emoji): the bot cannot work out its new name exactly as the cluster does`,
        hint: 'Restore it without rename=, or leave it out of indices=.',
      };
    case 'trailing-backslash':
      return {
        text: `${replacement} ends with a lone \\`,
        hint: 'A \\ makes the next character plain (\\$ is a dollar sign); drop the last one.',
      };
    case 'lone-dollar':
      return {
        text: `in ${replacement}, a $ must be followed by a group: $0 (the whole match), $1… or \${name}`,
        hint: `Write \\$ for a dollar sign, e.g. ${EXAMPLE}`,
      };
    case 'group-name-shape':
      return {
        text: `in ${replacement}, "${refusal.written}" is not a group name: letters and digits in braces, starting with a letter`,
        hint: `e.g. \${date} for (?<date>…) in the pattern; write \\$ for a dollar sign.`,
      };
    case 'no-group':
      return {
        text: `${replacement} refers to group ${refusal.group}, but the pattern has ${refusal.groups === 0 ? 'no groups' : `only ${refusal.groups}`}`,
        hint: `Write $0 for the whole match${refusal.groups > 0 ? ` or $1…$${refusal.groups} for a group` : ''}, add a group to the pattern (e.g. ${EXAMPLE}), or \\$ for a dollar sign.`,
      };
    case 'no-named-group':
      return {
        text: `${replacement} refers to group "${refusal.name}", which the pattern does not name`,
        hint:
          refusal.names.length > 0
            ? `The pattern names ${refusal.names.join(', ')}.`
            : 'Name a group in the pattern, e.g. (?<date>[0-9.]+)',
      };
  }
}

function refusedJa(written: string, refusal: RenameRefusal): Said {
  const pattern = `rename のパターン "${written}"`;
  const replacement = `rename の置換 "${written}"`;
  switch (refusal.rule) {
    case 'not-regex':
      return {
        text: `${pattern} は正しい正規表現ではありません`,
        hint: `pattern:replacement の形で書いてください (例 ${EXAMPLE})`,
      };
    case 'outside-bmp':
      return {
        text: `${pattern} に基本多言語面の外の文字 (絵文字など) があります。クラスタの Java はこれを別の数え方をします`,
        hint: 'その文字をパターンから外してください。',
      };
    case 'backreference':
      return {
        text: `${pattern} に後方参照か8進エスケープ (\\1, \\k<name>, \\0…) があります。Java とボットで解釈が異なります`,
        hint: `グループは置換の側で参照してください ($1, \${name})。数字は [0-9] と書いてください。`,
      };
    case 'word-boundary':
      return {
        text: `${pattern} は \\b か \\B を使っています。クラスタの Java は é や ロ のような文字も単語の文字と数えますが、ボットは数えません`,
        hint: '区切りの文字そのものを書いてください (例 (^|-)logs(-|$) や (?<=-)logs)',
      };
    case 'escape':
      return {
        text: `${pattern} の ${refusal.escape} は、クラスタの Java では意味が異なるか使えません`,
        hint: '文字そのものを書くか、\\d, \\w, [a-z], \\x41 を使ってください (インデックス名に空白はないので \\s は不要です)。',
      };
    case 'class-syntax':
      return {
        text: `${pattern} の [...] の中の "${refusal.syntax}" は、クラスタの Java では別の意味になります`,
        hint: '文字そのものは \\[, \\], \\& と書き、- は括弧の中の最初か最後に置いてください。',
      };
    case 'group-syntax':
      return {
        text: `${pattern} のグループ "${refusal.syntax}" は、ボットがクラスタと同じには読めない書き方です`,
        hint: '(…), (?:…), (?<name>…), (?=…), (?!…), (?<=…), (?<!…) を使ってください。',
      };
    case 'group-name':
      return {
        text: `${pattern} のグループ名 "${refusal.name}": クラスタの Java では ASCII の英字で始まり、英字か数字が続く名前だけが使えます`,
        hint: `例: パターンに (?<date>[0-9.]+)、置換に \${date}`,
      };
    case 'lookbehind':
      return {
        text: `${pattern} の後読みにグループか上限のない繰り返し (*, +, {n,}) があるか、後読みが繰り返されています。クラスタでは解釈が異なるか使えません`,
        hint: '後読みは決まった文字列にしてください (例 (?<=logs-))',
      };
    case 'lone-brace':
      return {
        text: `${pattern} の "{" が {2} や {1,3} のような回数になっていません。クラスタの Java はこれを受け付けません`,
        hint: '波括弧そのものは \\{ と書いてください。',
      };
    case 'possessive':
      return {
        text: `${pattern} の "${refusal.syntax}" は Java だけにある強欲な繰り返しです`,
        hint: '最後の + を外してください。',
      };
    case 'counted-assertion':
      return {
        text: `${pattern} は ^, $ または先読み・後読みに回数 (${refusal.syntax}) を付けています。二つの方言で繰り返し方が異なります`,
        hint: '回数を外してください。',
      };
    case 'empty-repeat':
      return {
        text: `${pattern} は何にも一致しうるグループを繰り返しています (${refusal.syntax})。Java とボットで繰り返し方が異なります`,
        hint: 'グループが少なくとも1文字を取るようにしてください (例 (-[0-9]*)? ではなく (-[0-9]+)?)',
      };
    case 'repeated-capture':
      return {
        text: `${pattern} は別のグループを含むグループを繰り返しています (${refusal.syntax})。その中身の残し方が Java とボットで異なります`,
        hint: '繰り返す部分全体をひとつのグループにしてください (例 ((?:-[0-9]+)+))',
      };
    case 'index-outside-bmp':
      return {
        text: `インデックス "${written}" に基本多言語面の外の文字 (絵文字など) があり、ボットはクラスタと同じ新しい名前を正確に求められません`,
        hint: 'rename= なしで復元するか、indices= から外してください。',
      };
    case 'trailing-backslash':
      return {
        text: `${replacement} が単独の \\ で終わっています`,
        hint: '\\ は次の文字をそのままの文字にします (\\$ はドル記号)。最後の \\ を外してください。',
      };
    case 'lone-dollar':
      return {
        text: `${replacement} の $ の後にはグループが必要です: $0 (一致全体), $1… または \${name}`,
        hint: `ドル記号そのものは \\$ と書いてください (例 ${EXAMPLE})`,
      };
    case 'group-name-shape':
      return {
        text: `${replacement} の "${refusal.written}" はグループ名ではありません。英字で始まる英数字を波括弧で囲んでください`,
        hint: `例: パターンの (?<date>…) に対して \${date}。ドル記号そのものは \\$ と書いてください。`,
      };
    case 'no-group':
      return {
        text: `${replacement} はグループ ${refusal.group} を参照していますが、パターンのグループは${refusal.groups === 0 ? 'ありません' : ` ${refusal.groups} 個だけです`}`,
        hint: `一致全体は $0${refusal.groups > 0 ? `、グループは $1…$${refusal.groups}` : ''} と書くか、パターンにグループを加えるか (例 ${EXAMPLE})、ドル記号そのものは \\$ と書いてください。`,
      };
    case 'no-named-group':
      return {
        text: `${replacement} はグループ "${refusal.name}" を参照していますが、パターンにその名前のグループはありません`,
        hint:
          refusal.names.length > 0
            ? `パターンのグループ名: ${refusal.names.join(', ')}`
            : 'パターンでグループに名前を付けてください (例 (?<date>[0-9.]+))',
      };
  }
}

const en: RenameWords = {
  renameRefused: refusedEn,
  renameTargetRefused: (index, target, reason) =>
    reason.rule === 'name'
      ? {
          text: `the rename turns "${shownName(index)}" into "${shownName(target)}": ${usageWords.en.invalidResourceName('index', target, reason.name).text}`,
          hint: `Keep new names lowercase, without \\ / * ? " < > | , # : or spaces, e.g. ${EXAMPLE}`,
        }
      : {
          text: `the rename turns "${shownName(index)}" into "${shownName(target)}", a protected or system index name (${reason.pattern})`,
          hint: `Choose a replacement that makes plain names, e.g. ${EXAMPLE}`,
        },
};

const ja: RenameWords = {
  renameRefused: refusedJa,
  renameTargetRefused: (index, target, reason) =>
    reason.rule === 'name'
      ? {
          text: `この rename は "${shownName(index)}" を "${shownName(target)}" にします: ${usageWords.ja.invalidResourceName('index', target, reason.name).text}`,
          hint: `新しい名前は小文字にし、\\ / * ? " < > | , # : や空白を含めないでください (例 ${EXAMPLE})`,
        }
      : {
          text: `この rename は "${shownName(index)}" を保護されたインデックスかシステムインデックスの名前 "${shownName(target)}" (${reason.pattern}) にします`,
          hint: `普通の名前になる置換を選んでください (例 ${EXAMPLE})`,
        },
};

const renameWords: Record<Language, RenameWords> = { en, ja };

export type { RenameRefusal, RenameTargetReason, RenameWords };
export { renameWords };
