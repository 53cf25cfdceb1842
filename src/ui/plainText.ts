// Text from the server (or any text holding it) made safe for the places VS Code reads syntax in.
// No VS Code import: the rules are tested in Node.
//
// Notifications turn "[label](command:…)" and "[label](https://…)" into links, with a title of the
// sender's choosing; status-bar texts and quick-pick labels draw "$(name)" as an icon. Inserting a
// zero-width space keeps every character visible while no such syntax can form.

const ZERO_WIDTH_SPACE = '\u200b';

/** `text` for a notification, the status bar or a quick pick: no link or icon syntax can form. */
export function plainText(text: string): string {
  return text.replace(/\]\s*\(/g, (match) => `${match.slice(0, -1)}${ZERO_WIDTH_SPACE}(`).replace(/\$\(/g, `$${ZERO_WIDTH_SPACE}(`);
}

/**
 * `text` as Markdown that reads as exactly that text: every ASCII punctuation character is
 * escaped (a backslash before it is always read as the character itself), so no tag, entity,
 * emphasis, link or autolink can form; white space runs become one space.
 */
export function markdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&').replace(/\s+/g, ' ');
}
