// A session's history as the panel shows it: a transcript, newest first, with its loading, empty,
// error and "Load older" states. Messages show who said what; an agent's internal comment is
// labelled as one; handoffs, agents joining and the like read as one line of what happened.
// Customer text goes in as text, never as markup.
import type { HistoryEvent } from '../../api/schemas';
import { readEvent, type EventReading } from '../../model/history/historyEvents';
import { formatAge, formatDate, visible } from '../../model/labels';
import type { SessionHighlight } from '../../model/history/openSession';
import type { HistoryState } from '../../model/history/sessionHistory';
import { button, escapeHtml, renderError, type InlineError } from './html';
import type { PanelText } from './panelText';

/** The history's state with its error already put into words. */
export type HistoryView = Omit<HistoryState, 'error'> & { readonly error: InlineError | undefined };

export function renderHistory(history: HistoryView, text: PanelText, now: number, locale: string | undefined, highlight?: SessionHighlight): string {
  const parts: string[] = [];
  if (history.error) parts.push(renderError(history.error, 'retryHistory', text));
  if (history.busy === 'newest') parts.push(`<p class="status" role="status">${escapeHtml(text.loadingHistory)}</p>`);
  if (history.events.length > 0) {
    parts.push(`<ol class="transcript">\n${history.events.map((event) => renderEvent(event, text, now, locale, highlight)).join('\n')}\n</ol>`);
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

/** An event's words: its head line (who, or what happened) and what was said, by kind. */
interface EventParts {
  /** `data-kind` styles comments and activity apart from messages; messages carry none. */
  kind?: 'comment' | 'activity' | 'other';
  head: string[];
  body: string;
  /** The sender type, when the entry shows a sender; it styles the entry. */
  sender?: string;
}

function renderEvent(event: HistoryEvent, text: PanelText, now: number, locale: string | undefined, highlight: SessionHighlight | undefined): string {
  const parts = eventParts(event, text);
  const time = Date.parse(event.created_at ?? '');
  const when = Number.isNaN(time)
    ? ''
    : ` <time datetime="${escapeHtml(event.created_at!)}" title="${escapeHtml(event.created_at!)}">${escapeHtml(formatDate(event.created_at, locale))}` +
      `<span class="age"> · ${escapeHtml(formatAge(event.created_at, now))}</span></time>`;

  const names = (event.event?.attachments ?? []).map(({ name, id }) => (visible(name) ? name.trim() : visible(id) ? id : '?'));
  const attachments =
    names.length > 0
      ? `<ul class="attachments" aria-label="${escapeHtml(text.attachments)}">${names.map((name) => `<li>${escapeHtml(name)}</li>`).join('')}</ul>`
      : '';

  // The kind and sender type style the entry; as attribute values they are escaped like any other text.
  const kind = parts.kind ? ` data-kind="${parts.kind}"` : '';
  const sender = parts.sender ? ` data-sender="${escapeHtml(parts.sender)}"` : '';
  const marked = highlight !== undefined && event.id != null && String(event.id) === highlight.eventId;
  const classes = marked ? `event highlighted" data-reveal="${escapeHtml(highlight.reveal)}` : 'event';
  return `<li class="${classes}"${kind}${sender}><div class="meta">${parts.head.join(' ')}${when}</div>${parts.body}${attachments}</li>`;
}

function eventParts(event: HistoryEvent, text: PanelText): EventParts {
  const reading = readEvent(event.event);
  // Text a person would not see (white space, a zero-width space) counts as absent: an entry of
  // only such text would look empty.
  const sender = event.event?.sender;
  const senderType = visible(sender?.type) ? sender.type.trim() : undefined;
  const senderName = visible(sender?.name) ? sender.name.trim() : undefined;
  const who = [`<span class="sender-type">${escapeHtml(senderType ? text.senderType(senderType) : text.unknownSender)}</span>`];
  if (senderName) who.push(`<span class="sender-name">${escapeHtml(senderName)}</span>`);

  const message = event.event?.content?.text;
  const said = visible(message) ? `<div class="text">${escapeHtml(message)}</div>` : '';
  const saidOr = (note: string) => said || `<div class="text no-text">${escapeHtml(note)}</div>`;
  const label = (words: string) => `<span class="event-label">${escapeHtml(words)}</span>`;

  switch (reading.kind) {
    case 'message':
      return { head: who, body: saidOr(text.noText(event.event?.type ?? null)), sender: senderType };
    case 'comment':
      return {
        kind: 'comment',
        head: [label(text.internalComment), `<span class="sender-name">${escapeHtml(text.agent(reading.agent))}</span>`],
        body: saidOr(text.commentWithoutText),
      };
    case 'other':
      // Its name says what it was; a sender, when it has one, who.
      return { kind: 'other', head: senderType ? [label(reading.name), ...who] : [label(reading.name)], body: said, sender: senderType };
    default:
      return { kind: 'activity', head: [`<span class="activity">${escapeHtml(activityLine(reading, text))}</span>`], body: said };
  }
}

type Activity = Extract<EventReading, { kind: 'handoff' | 'aiResolved' | 'agentJoined' | 'agentTookOver' }>;

/** "Handed off to Zendesk", "Agent 12 joined": what happened, as one line. */
function activityLine(activity: Activity, text: PanelText): string {
  switch (activity.kind) {
    case 'handoff':
      return text.handedOff(activity.integration);
    case 'aiResolved':
      return text.aiResolved;
    case 'agentJoined':
      return text.agentJoined(activity.agent);
    case 'agentTookOver':
      return text.agentTookOver(activity.agent);
  }
}
