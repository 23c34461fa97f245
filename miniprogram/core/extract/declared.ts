// Enum and constant declarations in source code (CODE_60020(60020, …), 名称 = 86031,, INVALID_APP_SECRET =
// 40001;): whether a declared number is a WeChat code, judged by its name and by the block it sits in.
import { normalizeMessage } from './messages';
import { declarations, nameCarriesCode, type Declaration } from './shapes';
import type { LineIndex } from './text';

/** Lines between two declarations of one block (an enum or constants class with comments between). */
const DECLARATION_GAP = 4;

const ERROR_NAME =
  /[\u4e00-\u9fff]|err|code|invalid|fail|expire|limit|denied|unauthori|forbid|exceed|illegal|missing|busy|refuse|reject/i;

export interface DeclaredCode extends Declaration {
  line: number;
  /** Index of the block (declarations at most DECLARATION_GAP lines apart) it belongs to. */
  block: number;
}

/** Declarations of a text with their lines and blocks. */
export function declaredCodes(text: string, lines: LineIndex): DeclaredCode[] {
  const found: DeclaredCode[] = [];
  let block = -1;
  let lastLine = -Infinity;
  for (const d of declarations(text, lines)) {
    const line = lines.lineOf(d.offset);
    if (line - lastLine > DECLARATION_GAP) block++;
    lastLine = line;
    found.push({ ...d, line, block });
  }
  return found;
}

/**
 * What the name says of a known code: `sure` when it carries the number (CODE_60020, E40001), spells the
 * code's errmsg (ErrCodeInvalidCredential = 40001), or is an error name in WeChat/WeCom text (`marked`);
 * `doubtful` when only its block can vouch for it (a plain name, 5+ digits or -1); `no` otherwise.
 */
export function nameVerdict(
  d: Declaration,
  texts: readonly string[],
  marked: boolean,
): 'sure' | 'doubtful' | 'no' {
  const words = normalizeMessage(d.name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' '))
    .replace(/^(?:(?:err|error|code|sc|e|wx)\s)+/, '')
    .trim();
  const spells = words.includes(' ') && texts.some((t) => t.replace(/_/g, ' ').startsWith(words));
  const long = d.code.replace('-', '').length >= 5 || d.code === '-1';
  if (nameCarriesCode(d.name, d.code) || spells || (marked && long && ERROR_NAME.test(d.name))) return 'sure';
  return long ? 'doubtful' : 'no';
}

/**
 * A block whose known codes are mostly WeChat's by their own names (two at least) carries its plainly named
 * ones too: IP_NOT_IN_WHITELIST = 40164 beside INVALID_APP_SECRET = 40001.
 */
export function blockVouches(sure: number, known: number): boolean {
  return sure >= 2 && sure * 2 >= known;
}
