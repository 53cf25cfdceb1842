// How sessions, statuses and channels read to a person, in VS Code's display language. Plain
// TypeScript (translated through @vscode/l10n, which the extension hands its bundle at start),
// shared by the tree, the tooltips, the quick picks and the session panel.
import * as l10n from '@vscode/l10n';
import type { ChannelType, Session, SessionStatus } from '../api/schemas';
import type { GroupedBy } from './tree/treeNodes';

let translated: { status: Record<SessionStatus, string>; channel: Record<ChannelType, string> } | undefined;

/** Translated on first use, which comes after the extension configured @vscode/l10n. */
function names(): NonNullable<typeof translated> {
  return (translated ??= {
    status: {
      open: l10n.t('Open'),
      closed_resolved: l10n.t('Closed · resolved'),
      closed_unresolved: l10n.t('Closed · unresolved'),
    },
    channel: {
      web: l10n.t('Web'),
      email: l10n.t('Email'),
      phone_voice: l10n.t('Phone'),
      slack: l10n.t('Slack'),
      sms: l10n.t('SMS'),
      whatsapp: l10n.t('WhatsApp'),
      instagram: l10n.t('Instagram'),
      messenger: l10n.t('Messenger'),
      api: l10n.t('API'),
      web_voice: l10n.t('Web voice'),
    },
  });
}

export const statusLabels = (): Readonly<Record<SessionStatus, string>> => names().status;
export const channelLabels = (): Readonly<Record<ChannelType, string>> => names().channel;

/** Systems a session can be handed off to, by the names their makers use. */
export const INTEGRATION_LABELS: Record<string, string> = {
  zendesk: 'Zendesk',
};

/** Values the server sent that this version does not know are shown as sent. */
export function statusLabel(status: string): string {
  const labels = statusLabels();
  return Object.hasOwn(labels, status) ? labels[status as SessionStatus] : status;
}

export function channelLabel(channel: string): string {
  const labels = channelLabels();
  return Object.hasOwn(labels, channel) ? labels[channel as ChannelType] : channel;
}

/** "zendesk" → "Zendesk"; one this version does not know by its type, humanised; nothing for a blank one. */
export function integrationLabel(type: string | null | undefined): string | undefined {
  if (!visible(type)) return undefined;
  return Object.hasOwn(INTEGRATION_LABELS, type) ? INTEGRATION_LABELS[type] : humanize(type);
}

/** "csat_survey_sent" → "Csat survey sent": an API name a person can read, for values no table knows. */
export function humanize(name: string): string {
  const words = name.replace(/[\s_-]+/g, ' ').trim();
  const first = words.codePointAt(0);
  if (first === undefined) return '';
  const initial = String.fromCodePoint(first);
  return initial.toUpperCase() + words.slice(initial.length);
}

/**
 * Whether a person would see anything of `value`: a string of only white space, control or format
 * characters (a zero-width space, a direction mark) shows as nothing, and a label made of it is blank.
 */
export function visible(value: unknown): value is string {
  return typeof value === 'string' && /[^\s\p{Cc}\p{Cf}]/u.test(value);
}

/** "#4521"; nothing for a ticket number that is absent or not a number a person could look up. */
function ticketLabel(ticket: number | null | undefined): string | undefined {
  return typeof ticket === 'number' && Number.isFinite(ticket) ? `#${ticket}` : undefined;
}

/** The timestamp as sent, when it is one; a value no date can be read from is not shown at all. */
function timestamp(iso: string | null | undefined): string | undefined {
  return visible(iso) && !Number.isNaN(Date.parse(iso)) ? iso.trim() : undefined;
}

/** The first of `isos` that is a time, e.g. the last update, else the creation. */
export function firstTime(...isos: (string | null | undefined)[]): string | undefined {
  return isos.map(timestamp).find((iso) => iso !== undefined);
}

/**
 * What a person recognises a conversation by: who it is with, else its ticket number, else its id.
 * Sessions of the 2024 document have no ticket number, and their contact's fields may all be null.
 */
export function sessionLabel(session: Session): string {
  const contact = session.contact;
  const candidates = [contact?.name, contact?.non_verified_name, contact?.email, contact?.non_verified_email, contact?.phone_number];
  const found = candidates.find(visible);
  if (found) return found.trim();
  const ticket = ticketLabel(session.ticket_number);
  if (ticket) return ticket;
  // By code point: a cut through a surrogate pair would show as a broken character.
  const short = [...session.id.trim()].slice(0, 8).join('');
  return visible(short) ? l10n.t('Session {0}', short) : l10n.t('Session');
}

/**
 * "Open · Web · 3h ago": the status, the channel and how long ago the session started (lists are
 * newest first), less what the row's groups already say: under Open › Web only the age is left.
 */
export function sessionDescription(session: Session, groupedBy: GroupedBy = {}, now = Date.now()): string {
  const age = formatAge(session.created_at, now) || formatAge(session.updated_at, now);
  const status = groupedBy.status === undefined ? statusLabel(session.status) : undefined;
  const channel = groupedBy.channel === undefined ? channelLabel(session.channel.type) : undefined;
  return [status, channel, age].filter(visible).map((part) => part.trim()).join(' · ');
}

/**
 * What the tooltip lists about a session, as it reads: a field that is absent, blank or not a time
 * is left out rather than shown as "null" or "Invalid Date". Sessions of the 2024 document lack
 * the ticket, AI closure and sentiment, and may have neither timestamp.
 */
export interface SessionFacts {
  ticket?: string;
  status?: string;
  channel?: string;
  aiClosure?: string;
  sentiment?: string;
  assignee?: string;
  team?: string;
  /** The handoff's summary; a session handed off without one has only `handedOff`. */
  handoff?: string;
  handedOff?: true;
  created?: string;
  updated?: string;
}

export function sessionFacts(session: Session): SessionFacts {
  const facts: SessionFacts = {};
  const put = (key: Exclude<keyof SessionFacts, 'handedOff'>, value: string | null | undefined) => {
    if (visible(value)) facts[key] = value.trim();
  };
  put('ticket', ticketLabel(session.ticket_number));
  put('status', statusLabel(session.status));
  put('channel', channelLabel(session.channel.type));
  put('aiClosure', session.ai_closure_type);
  put('sentiment', session.sentiment);
  put('assignee', session.assignee_id);
  put('team', session.team?.name);
  put('handoff', session.handoff?.summary);
  if (session.handoff) facts.handedOff = true;
  put('created', timestamp(session.created_at));
  put('updated', timestamp(session.updated_at));
  return facts;
}

/** VS Code's display language, for ages and dates; the runtime's default until the extension sets it. */
let displayLocale: string | undefined;
const ageFormats = new Map<string, { ago: Intl.RelativeTimeFormat; now: string }>();

export function setDisplayLocale(locale: string | undefined): void {
  displayLocale = locale;
}

/**
 * Ages in the display language if Intl knows it (VS Code's may be a pseudo-locale), else the
 * runtime's default. Always as a number ("1d ago", not "yesterday"), so rows compare at a glance.
 */
function ageFormat(): { ago: Intl.RelativeTimeFormat; now: string } {
  const key = displayLocale ?? '';
  let format = ageFormats.get(key);
  if (!format) {
    const make = (locale: string | undefined) => ({
      ago: new Intl.RelativeTimeFormat(locale, { style: 'narrow', numeric: 'always' }),
      now: new Intl.RelativeTimeFormat(locale, { style: 'narrow', numeric: 'auto' }).format(0, 'second'),
    });
    try {
      format = make(displayLocale);
    } catch {
      format = make(undefined);
    }
    ageFormats.set(key, format);
  }
  return format;
}

/**
 * Builds the display language's age format ahead of the first row that needs it: the runtime's
 * first RelativeTimeFormat is slow to set up, and the first group expanded would otherwise wait
 * for it.
 */
export function prepareAgeFormat(): void {
  ageFormat();
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A formatter of `options` in `locale` if Intl knows it (VS Code's may be a pseudo-locale), else in the runtime's default. */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** A date and time in the display language ("Dec 1, 2026, 9:50 PM", "1. Dez. 2026, 21:50"); nothing for a value that is not a time. */
export function formatDate(iso: string | null | undefined, locale = displayLocale): string {
  const time = Date.parse(iso ?? '');
  return Number.isNaN(time) ? '' : dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** A time of day in the display language ("9:50:12 PM", "21:50:12"). */
export function formatTime(time: number, locale = displayLocale): string {
  return dateFormat(locale, { timeStyle: 'medium' }).format(time);
}

/** How long ago `iso` was, in the display language: "3h ago", "vor 3 Std.", "3時間前"; "now" for a time ahead. */
export function formatAge(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const { ago, now: justNow } = ageFormat();
  const seconds = Math.round((now - time) / 1000);
  if (seconds <= 0) return justNow;
  if (seconds < 60) return ago.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return ago.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return ago.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 60) return ago.format(-days, 'day');
  const months = Math.floor(days / 30);
  return months < 24 ? ago.format(-months, 'month') : ago.format(-Math.floor(days / 365), 'year');
}
