// Tooltips are Markdown: customer text must reach them as text, never as markup or links. These
// find what of a tooltip came from data and any Markdown or HTML that data still holds.

/** Raw HTML and autolinks as CommonMark reads them at an unescaped "<" (spec 6.5 autolinks, 6.6 raw HTML). */
const MARKDOWN_HTML = [
  /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y, // open tag
  /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y, // closing tag
  /<!--/y, // comment
  /<\?[\s\S]*?\?>/y, // processing instruction
  /<![A-Za-z]/y, // declaration
  /<!\[CDATA\[/y, // CDATA
  /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y, // URI autolink
  /<[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y, // email autolink
];
/** Characters that start Markdown inline syntax: code, emphasis, links, images, strikethrough, escapes. */
const MARKDOWN_ACTIVE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '!', '~']);
/** An entity or numeric character reference (CommonMark 2.5): data "&lt;b&gt;" must not turn into "<b>". */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

/**
 * What is left of a tooltip once the tooltip's own markup (the heading mark, the bold row names,
 * the line breaks) is taken out: only data, as it was escaped.
 */
export function dataPartOf(markdown: string): string {
  return markdown
    .replace(/^#### /, '')
    .replace(/(^|\n)\*\*[A-Za-z ]+:\*\* /g, '$1')
    .replace(/ {2}\n/g, '\n');
}

/** Markdown the data part still holds: raw HTML, autolinks, entity references, unescaped syntax characters. */
export function markdownIn(data: string): string[] {
  const found: string[] = [];
  const at = (pattern: RegExp, index: number) => ((pattern.lastIndex = index), pattern.exec(data)?.[0]);
  for (let index = 0; index < data.length; index++) {
    const char = data[index]!;
    if (char === '\\' && index + 1 < data.length && /[!-/:-@[-`{-~]/.test(data[index + 1]!)) {
      index++; // an escape: the next character is text
      continue;
    }
    if (data.startsWith('&nbsp;', index)) {
      index += 5; // how VS Code's appendText writes a space
      continue;
    }
    const html = char === '<' ? MARKDOWN_HTML.map((pattern) => at(pattern, index)).find((match) => match !== undefined) : undefined;
    const entity = char === '&' ? at(ENTITY, index) : undefined;
    const syntax = MARKDOWN_ACTIVE.has(char) ? char : undefined;
    for (const what of [html, entity, syntax]) if (what !== undefined) found.push(`${JSON.stringify(what)} at ${index}`);
  }
  return found;
}
