// What a history event is, as the transcript tells it. The current reference sends only messages;
// the vendor's 2024 document also has handoffs to an integration, agents' internal comments, an
// agent joining or taking over, and the AI resolving the issue, told apart by `type`. A type that
// neither document has is shown under its own name: nothing the server sent is left out unsaid.
import type { HistoryEvent } from '../../api/schemas';
import { humanize, integrationLabel, visible } from '../labels';

export type EventReading =
  /** Said by someone: a sender and a text. Also an event without a type, as messages are the norm. */
  | { kind: 'message' }
  /** An agent's note, seen by agents only. */
  | { kind: 'comment'; agent: string | undefined }
  | { kind: 'handoff'; integration: string | undefined }
  | { kind: 'aiResolved' }
  | { kind: 'agentJoined'; agent: string | undefined }
  | { kind: 'agentTookOver'; agent: string | undefined }
  /** A type this version does not know, by its humanised name. */
  | { kind: 'other'; name: string };

export function readEvent(event: HistoryEvent['event']): EventReading {
  const type = event?.type;
  switch (type) {
    case 'human_agent_comment':
      return { kind: 'comment', agent: agentId(event?.human_agent_id) };
    case 'human_agent_joined':
      return { kind: 'agentJoined', agent: agentId(event?.human_agent_id) };
    case 'human_agent_takeover':
      return { kind: 'agentTookOver', agent: agentId(event?.human_agent_id) };
    case 'handoff':
      return { kind: 'handoff', integration: integrationLabel(event?.integration?.type) };
    case 'ai_resolved_issue':
      return { kind: 'aiResolved' };
  }
  const name = type == null || type === 'message' ? '' : humanize(type);
  return visible(name) ? { kind: 'other', name } : { kind: 'message' };
}

/** "12" for agent 12 (the 2024 document sends a number); an id that is blank or of another type is no id. */
function agentId(id: string | number | null | undefined): string | undefined {
  if (typeof id === 'number') return Number.isFinite(id) ? String(id) : undefined;
  return visible(id) ? id.trim() : undefined;
}
