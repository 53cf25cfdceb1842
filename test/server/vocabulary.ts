// The names, teams and texts generated sessions and histories pick from.

export const FIRST_NAMES = ['Ada', 'Björn', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Grace', 'Hiro', 'Inés', 'Jonas', 'Kavya', 'Liam', 'Mei', 'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoë'];
export const LAST_NAMES = ['Abara', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kim', 'Lopez', 'Müller', 'Nakamura', "O'Brien", 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'];
export const TEAMS = [
  { name: 'Billing', description: 'Invoices, refunds and plans' },
  { name: 'Technical Support', description: 'Integrations and bugs' },
  { name: 'Onboarding', description: null },
  { name: 'VIP', description: 'Enterprise accounts' },
];
export const SUMMARIES = [
  'Customer asks for a refund of a duplicate charge.',
  'Widget does not load on Safari; customer shared a console error.',
  'Wants to upgrade to the annual plan and needs a quote.',
  'Password reset email never arrives.',
  'Asked to speak with a human about a cancelled order.',
];
export const MESSAGES = [
  'Hi, I need help with my order.',
  'Can you check the status of my refund?',
  'The app crashes when I open settings.',
  'Thanks, that fixed it!',
  'I would like to talk to a person, please.',
  'Let me look into that for you.',
  'Could you share your order number?',
  'I have escalated this to our billing team.',
];
/** Channels on which a contact always has a phone number. */
export const PHONE_CHANNELS = ['phone_voice', 'sms', 'whatsapp'];
/** Internal comments of human agents, in 2024 histories. */
export const NOTES = [
  'Customer is on the annual plan; the refund needs approval.',
  'Checked the payment logs: the card was charged twice.',
  'Escalating to billing. Do not promise a date.',
  'Known issue, linked to the Safari widget bug.',
];

