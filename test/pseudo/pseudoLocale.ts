// The pseudo-locale: every translatable string of the extension wrapped in ［!! … !!］, so that on
// screen a word outside the marks is one that did not go through l10n. Full-width brackets, not
// ASCII ones, so that the marks never read as Markdown link syntax in the manifest's strings.

export const PSEUDO_LOCALE = 'qps-ploc';
const OPEN = '［!! ';
const CLOSE = ' !!］';

// What a translation must keep as it is: Markdown links (their text is wrapped, their target
// kept), codicons ($(key)), placeholders ({0}) and line breaks.
const KEPT = /(\[[^\]]*\]\([^)]*\)|\$\([\w~-]+\)|\{\d+\}|\n)/;

/** One string of the bundle, pseudo-translated. */
export function pseudoTranslate(text: string): string {
  return text
    .split(KEPT)
    .map((part, index) => {
      if (index % 2 === 1) {
        const link = /^\[([^\]]*)\]\(([^)]*)\)$/.exec(part);
        return link ? `[${wrap(link[1]!)}](${link[2]!})` : part;
      }
      return wrap(part);
    })
    .join('');
}

/** Wraps the words of `text`, keeping the white space and punctuation around them outside. */
function wrap(text: string): string {
  const match = /^([\s.,;:·…—–-]*)([\s\S]*?)([\s.,;:·…—–-]*)$/u.exec(text)!;
  return /\p{L}/u.test(match[2]!) ? `${match[1]}${OPEN}${match[2]}${CLOSE}${match[3]}` : text;
}

/** Every value of a bundle (`{ key: text }` or `{ key: { message } }`), pseudo-translated. */
export function pseudoBundle(bundle: Record<string, string | { message: string }>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(bundle).map(([key, value]) => [key, pseudoTranslate(typeof value === 'string' ? value : value.message)]),
  );
}

/**
 * What of `shown` did not go through l10n: the text with every wrapped part (innermost first, as
 * a translated argument sits inside a translated sentence) and every allowed text (the server's
 * data, numbers, what Intl formats) taken out; undefined when no word is left.
 */
export function untranslated(shown: string, allowed: readonly (string | RegExp)[] = []): string | undefined {
  let rest = shown;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/［!! (?:(?!［!!)[\s\S])*? !!］/g, ' ');
  }
  for (const item of allowed) rest = typeof item === 'string' ? rest.split(item).join(' ') : rest.replace(item, ' ');
  return /\p{L}{2,}/u.test(rest) ? rest.replace(/\s+/g, ' ').trim() : undefined;
}
