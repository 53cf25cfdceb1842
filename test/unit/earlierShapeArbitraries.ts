// Sessions and history events as the vendor's 2024 document describes them, for property tests:
// without the fields that document lacks (ticket number, assist mode, sentiment, AI closure),
// with its nullable timestamps and contact fields, every event type and sender of its union, and
// the ways each still drifts in practice (blank, of the wrong type, a value not in the document).
import fc from 'fast-check';
import type { Json } from '../server/data';

type JsonObject = { [key: string]: Json };

const EARLIER_CHANNELS = ['web', 'web_voice', 'phone_voice', 'email', 'sms', 'whatsapp', 'api'];

/** Text a person would not see, and values of a type the field never has. */
const blank = fc.constantFrom<Json>('', '   ', '\n\t', '\u200B', '\u202E');
const wrongType = fc.constantFrom<Json>(0, 12, true, [], {}, { text: 'x' });

const timestamp: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()), weight: 3 },
  { arbitrary: fc.constantFrom<Json>('not a date', '2024-13-45T99:99:99Z', 'yesterday'), weight: 1 },
  { arbitrary: blank, weight: 1 },
  { arbitrary: wrongType, weight: 1 },
);

const nullableText = (...values: string[]): fc.Arbitrary<Json> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom<Json>(...values), weight: 2 }, { arbitrary: blank, weight: 1 }, { arbitrary: wrongType, weight: 1 });

const ALL_NULL_CONTACT: JsonObject = { id: null, email: null, phone_number: null, name: null, custom_data: null };

/** Every field present and nullable, as the document has it; often all of them null. */
const contact: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constant<Json>(ALL_NULL_CONTACT), weight: 3 },
  {
    arbitrary: fc.record({
      id: fc.option(fc.uuid(), { nil: null }),
      email: nullableText('ada@example.com'),
      phone_number: nullableText('+15550001234'),
      name: nullableText('Ada Berg', 'null', 'undefined'),
      custom_data: fc.option(fc.constant<Json>({ crm_id: 'C-1' }), { nil: null }),
    }),
    weight: 3,
  },
  { arbitrary: fc.constant<Json>(null), weight: 1 },
);

export const earlierSession: fc.Arbitrary<JsonObject> = fc.record(
  {
    id: fc.uuid(),
    status: fc.constantFrom('open', 'closed_resolved', 'closed_unresolved'),
    channel: fc.record({ type: fc.constantFrom(...EARLIER_CHANNELS) }),
    created_at: timestamp,
    updated_at: timestamp,
    contact,
    language: nullableText('en', 'de'),
    assignee_id: nullableText('3c90c3cc-0d44-4b50-8888-8dd25736052a'),
    handoff: fc.option(fc.record({ summary: nullableText('Wants a refund.'), sentiment: nullableText('angry', 'neutral', 'happy') }), { nil: null }),
  },
  { requiredKeys: ['id', 'status', 'channel', 'created_at', 'updated_at'] },
) as fc.Arbitrary<JsonObject>;

const agentId: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.nat(10_000), weight: 4 },
  { arbitrary: fc.constantFrom<Json>('agent-7', null), weight: 2 },
  { arbitrary: blank, weight: 1 },
  { arbitrary: fc.constantFrom<Json>({ id: 12 }, [12], true), weight: 1 },
);

const content: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('text'), text: fc.oneof(fc.constantFrom<Json>('Hello', 'Refund approved', 'null'), blank, fc.constant(null)) }), weight: 4 },
  { arbitrary: fc.constant<Json>(null), weight: 1 },
  { arbitrary: wrongType, weight: 1 },
);

const sender: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.record({ type: fc.constantFrom<Json>('contact', 'ai', 'human_agent') }), weight: 6 },
  { arbitrary: fc.record({ type: fc.oneof(blank, wrongType, fc.constant(null)) }), weight: 1 },
  { arbitrary: fc.constant<Json>(null), weight: 1 },
);

/** One `event` of the document's union, or of a type it does not have. */
const event: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ type: fc.constant('message'), sender, content }, { requiredKeys: ['type'] }),
  fc.record(
    { type: fc.constant('handoff'), integration: fc.oneof(fc.record({ type: fc.oneof(fc.constantFrom<Json>('zendesk', 'freshdesk_v2'), blank, wrongType) }), fc.constant<Json>(null), fc.constant<Json>('zendesk')) },
    { requiredKeys: ['type'] },
  ),
  fc.record({ type: fc.constant('ai_resolved_issue') }),
  fc.record({ type: fc.constant('human_agent_comment'), human_agent_id: agentId, content }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('human_agent_joined', 'human_agent_takeover'), human_agent_id: agentId }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.oneof(fc.constantFrom<Json>('csat_survey_sent', 'note', '___'), blank, wrongType), sender, content }, { requiredKeys: ['type'] }),
) as fc.Arbitrary<Json>;

export const earlierHistoryItem: fc.Arbitrary<JsonObject> = fc.record(
  { id: fc.oneof(fc.uuid(), fc.nat()), created_at: timestamp, event },
  { requiredKeys: ['id', 'event'] },
) as fc.Arbitrary<JsonObject>;
