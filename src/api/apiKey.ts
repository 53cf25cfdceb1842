// Reads an API key as a person typed or pasted it. A key travels in the Authorization header,
// which carries visible ASCII only; what a paste from a web page or a chat adds (a zero-width
// space, a line break, typographic quotes) would otherwise surface as a failed connection.
// Keys are secrets: a problem is described by position and code point, never by quoting the key.

export type ApiKeyReading = { ok: true; key: string } | { ok: false; problem: string };

/** Characters a paste brings along, by the names a person can search for. */
const NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE',
  0x00ad: 'SOFT HYPHEN',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x2013: 'EN DASH',
  0x2014: 'EM DASH',
  0x2018: 'LEFT SINGLE QUOTATION MARK',
  0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x2026: 'HORIZONTAL ELLIPSIS',
};

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029]);

/** Whether a header value can carry the character and a key can contain it. */
const isKeyCharacter = (codePoint: number) => codePoint >= 0x21 && codePoint <= 0x7e;

function codePointLabel(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[codePoint];
  return name ? `${hex} ${name}` : hex;
}

/** What a person would call the character, with its code point when it cannot be seen or typed. */
function describe(character: string): string {
  const codePoint = character.codePointAt(0)!;
  if (LINE_BREAKS.has(codePoint)) return 'a line break';
  if (character === ' ') return 'a space';
  if (character === '\t') return 'a tab';
  const label = codePointLabel(codePoint);
  if (/\p{Cc}/u.test(character)) return `a control character (${label})`;
  if (/\p{Cs}/u.test(character)) return `a broken character (${label})`;
  if (/\p{Cf}/u.test(character)) return `an invisible character (${label})`;
  if (/\s/u.test(character)) return `a space character (${label})`;
  return `a character that is not plain ASCII (${label})`;
}

/**
 * The key in `typed` without the white space around it, or a problem to show the person: an
 * empty key, a pasted "Bearer " prefix, or a character no key can contain, with its position.
 */
export function readApiKey(typed: string): ApiKeyReading {
  const key = typed.trim();
  if (!key) return { ok: false, problem: 'The API key is empty. Paste the key from the open.cx dashboard (Settings → Access).' };
  if (/^bearer\s/i.test(key)) {
    return { ok: false, problem: 'The API key starts with "Bearer ": paste only the key that follows it.' };
  }
  // Positions count characters as a person sees them, so an emoji is one, not two UTF-16 units.
  const characters = [...key];
  const wrong = characters.flatMap((character, index) => (isKeyCharacter(character.codePointAt(0)!) ? [] : [index]));
  if (wrong.length === 0) return { ok: true, key };
  const [first, ...others] = wrong as [number, ...number[]];
  const more = others.length === 0 ? '' : ` (and ${others.length} more ${others.length === 1 ? 'character' : 'characters'} that cannot be part of a key)`;
  return {
    ok: false,
    problem: `The API key contains ${describe(characters[first]!)} at position ${first + 1}${more}. Paste the key again, without ${others.length === 0 ? 'it' : 'them'}.`,
  };
}
