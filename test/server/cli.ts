// `npm run mock-api`: runs the local open.cx stand-in until Ctrl-C.
import { parseArgs } from 'node:util';
import { startStandIn } from './server';

const USAGE = `Usage: npm run mock-api -- [options]
  --port N          port to listen on (default 4010; 0 picks a free one)
  --host H          address to bind (default 127.0.0.1)
  --token T         the API key it accepts (default: a fixed local key)
  --sessions N      number of seeded sessions of the current shape (default 3000;
                    the 2024 document's shape adds one for every 16)
  --seed N          data seed (default 1)
  --page-size N     sessions per page (default 25)
  --rate-limit N    requests a minute per key, 0 for none (default 100)
  --latency MS      delay every answer (default 0)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      sessions: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      'page-size': { type: 'string', default: '25' },
      'rate-limit': { type: 'string', default: '100' },
      latency: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${values[name]}"\n\n${USAGE}`);
    return value;
  };
  const standIn = await startStandIn({
    port: number('port'),
    host: values.host,
    token: values.token,
    count: number('sessions'),
    seed: number('seed'),
    pageSize: number('page-size'),
    rateLimit: number('rate-limit'),
  });
  const latency = number('latency');
  if (latency > 0) standIn.setFaults({ latencyMs: latency });
  console.log(`open.cx stand-in listening on ${standIn.url} with ${standIn.sessions.length} sessions`);
  console.log(`API base URL: ${standIn.url}`);
  console.log(`API token:    ${standIn.token}`);
  console.log('Set "opencx.apiBaseUrl" to that URL and run "open.cx: Set API Token" with that token. Ctrl-C stops.');
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
