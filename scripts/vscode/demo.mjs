// Starts the local open.cx API stand-in (with its seeded data) and a real VS Code with the
// extension loaded from this repo, signed in to the stand-in, and prints the URL to open in a
// browser. Ctrl-C stops everything.
//
//   npm run compile && npm run compile-tests && node scripts/vscode/demo.mjs [--host H] [--port P]
//
// --host defaults to 127.0.0.1 (this machine only); --port defaults to a free port.
// --live adds a session to the stand-in every few seconds (a handed-off one now and then), so
// that watching (the eye in the view's title) has sessions to find.

import { parseArgs } from 'node:util';
import {
  ensureInstalled,
  handleSignals,
  isStopping,
  requireBuilt,
  startServer,
  startStandIn,
  stopAll,
  workbenchUrl,
} from './vscode-server.mjs';

const { values: options } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    verbose: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
  },
});

handleSignals();

const LIVE_EVERY_MS = 8_000;
const LIVE_CHANNELS = ['web', 'email', 'whatsapp', 'web', 'sms'];
const LIVE_NAMES = ['Ada Lovelace', 'Björn Berg', 'Chloé Costa', 'Dmitri Dubois', 'Emeka Eriksen', 'Fatima Fischer'];

/**
 * A new open session every LIVE_EVERY_MS, every third one handed off to a human.
 * @param {import('./vscode-server.mjs').StandIn} standIn
 */
function startArrivals(standIn) {
  let count = 0;
  const timer = setInterval(() => {
    count++;
    const handedOff = count % 3 === 0;
    const session = standIn.addSession({
      channel: { type: LIVE_CHANNELS[count % LIVE_CHANNELS.length] },
      contact: { name: `${LIVE_NAMES[count % LIVE_NAMES.length]} (live ${count})` },
      ...(handedOff ? { ai_closure_type: 'handed_off', handoff: { summary: 'Asked for a person.', sentiment: 'neutral' } } : {}),
    });
    console.log(`[demo] a new ${session.channel.type} session arrived${handedOff ? ', handed off' : ''}`);
  }, LIVE_EVERY_MS);
  timer.unref();
  console.log(`Live: a new session every ${LIVE_EVERY_MS / 1000} s. Click the eye in the Sessions view's title to watch for them.`);
}

try {
  requireBuilt(['dist/extension.js', 'out/test/server/server.js']);
  await ensureInstalled();
  const standIn = await startStandIn();
  const server = await startServer({
    host: options.host,
    port: Number(options.port),
    settings: { 'opencx.apiBaseUrl': standIn.url },
    // Outside production mode the extension stores this token in SecretStorage at activation,
    // so the demo starts signed in to the stand-in.
    env: { OPENCX_DEV_TOKEN: standIn.token },
    echo: options.verbose,
  });
  console.log(`\nopen.cx Sessions demo is running. Open this URL in a browser:\n\n  ${workbenchUrl(server)}\n`);
  if (server.authority.startsWith('127.0.0.1') && options.host !== '127.0.0.1') {
    console.log(`(from another machine, replace 127.0.0.1 with this machine's address)\n`);
  }
  if (options.live) startArrivals(standIn);
  console.log('Press Ctrl-C to stop.');
  const code = await server.exited;
  if (!isStopping()) {
    console.error(`[vscode] the VS Code server stopped unexpectedly (exit ${code})`);
    await stopAll();
    process.exit(1);
  }
} catch (error) {
  console.error(`[vscode] ${/** @type {import('./lifecycle.mjs').Thrown} */ (error)?.stack ?? error}`);
  await stopAll();
  process.exit(1);
}
