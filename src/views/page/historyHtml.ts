// A session's history as the panel shows it: a transcript, newest first, with its loading, empty,
// error and "Load older" states. Customer text goes in as text, never as markup.
import type { HistoryEvent } from '../../api/schemas';
import { formatAge } from '../../model/labels';
import type { HistoryState } from '../../model/sessionHistory';
import { button, escapeHtml, renderError, type InlineError } from './html';
import type { PanelText } from './panelText';

/** The history's state with its error already put into words. */
export type HistoryView = Omit<HistoryState, 'error'> & { readonly error: InlineError | undefined };

export function renderHistory(history: HistoryView, text: PanelText, now: number, locale: string | undefined): string {
  const parts: string[] = [];
  if (history.error) parts.push(renderError(history.error, 'retryHistory', text));
  if (history.busy === 'newest') parts.push(`<p class="status" role="status">${escapeHtml(text.loadingHistory)}</p>`);
  if (history.events.length > 0) {
    const formatter = dateFormatter(locale);
    parts.push(`<ol class="transcript">\n${history.events.map((event) => renderEvent(event, text, now, formatter)).join('\n')}\n</ol>`);
  } else if (history.loaded && !history.busy && !history.error) {
    parts.push(`<p class="empty">${escapeHtml(text.noHistory)}</p>`);
  }
  if (history.unreadable > 0) parts.push(`<p class="warning">${escapeHtml(text.unreadableEvents(history.unreadable))}</p>`);
  // After a failure the error's Retry is the way on; a second button beside it would only confuse.
  if (history.hasOlder && !(history.error && !history.busy)) {
    const label = history.busy === 'older' ? text.loadingOlder : text.loadOlder;
    parts.push(`<div class="more">${button('loadOlder', label, { disabled: history.busy !== false })}</div>`);
  }
  const busy = history.busy ? ' aria-busy="true"' : '';
  return `<section class="history" aria-labelledby="history-heading"${busy}>
<div class="section-head">
<h2 id="history-heading" tabindex="-1">${escapeHtml(text.history)}</h2>
<span class="note">${escapeHtml(text.historyNote)}</span>
</div>
${parts.join('\n')}
</section>`;
}

function dateFormatter(locale: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    // VS Code's display language may be a tag Intl does not know (e.g. a pseudo-locale).
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

function renderEvent(event: HistoryEvent, text: PanelText, now: number, formatter: Intl.DateTimeFormat): string {
  const sender = event.event?.sender;
  const senderType = sender?.type?.trim();
  const senderName = sender?.name?.trim();
  const who: string[] = [];
  who.push(`<span class="sender-type">${escapeHtml(senderType ? text.senderType(senderType) : text.unknownSender)}</span>`);
  if (senderName) who.push(`<span class="sender-name">${escapeHtml(senderName)}</span>`);

  const time = Date.parse(event.created_at ?? '');
  const when = Number.isNaN(time)
    ? ''
    : ` <time datetime="${escapeHtml(event.created_at!)}" title="${escapeHtml(event.created_at!)}">${escapeHtml(formatter.format(time))}` +
      `<span class="age"> · ${escapeHtml(formatAge(event.created_at, now))}</span></time>`;

  const message = event.event?.content?.text;
  const body =
    message != null && message !== ''
      ? `<div class="text">${escapeHtml(message)}</div>`
      : `<div class="text no-text">${escapeHtml(text.noText(event.event?.type ?? null))}</div>`;

  const names = (event.event?.attachments ?? []).map((attachment) => attachment.name?.trim() || attachment.id || '?');
  const attachments =
    names.length > 0
      ? `<ul class="attachments" aria-label="${escapeHtml(text.attachments)}">${names.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`
      : '';

  // The sender type styles the entry; as an attribute value it is escaped like any other text.
  const kind = senderType ? ` data-sender="${escapeHtml(senderType)}"` : '';
  return `<li class="event"${kind}><div class="meta">${who.join(' ')}${when}</div>${body}${attachments}</li>`;
}
