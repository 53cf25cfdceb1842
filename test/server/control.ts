// The stand-in's control endpoints under /__stand-in/, for tests and scripts in another process:
// the recorded requests, the fault switches, sessions that arrive, change and go, a revoked token,
// and a reset.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from './faults';
import { readBody, sendError, sendJson } from './http';
import { filterSessions } from './listQueries';
import type { SessionChanges } from './liveSessions';
import type { StandIn, StandInState } from './server';

export async function handleControl(
  state: StandInState,
  standIn: StandIn,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  url: URL,
): Promise<void> {
  const body = await readBody(request);
  if (path === '/__stand-in/requests') {
    if (request.method === 'DELETE') state.requests.length = 0;
    return sendJson(response, 200, state.requests);
  }
  if (path === '/__stand-in/faults') {
    state.faults = request.method === 'DELETE' ? {} : (JSON.parse(body || '{}') as Faults);
    return sendJson(response, 200, state.faults);
  }
  if (path === '/__stand-in/sessions' && request.method === 'POST') {
    return sendJson(response, 201, standIn.addSession(JSON.parse(body || '{}') as SessionChanges));
  }
  if (path === '/__stand-in/sessions') {
    return sendJson(response, 200, filterSessions(state.sessions, Object.fromEntries(url.searchParams)));
  }
  const one = /^\/__stand-in\/sessions\/([^/]+)$/.exec(path);
  if (one && (request.method === 'PATCH' || request.method === 'DELETE')) {
    const id = decodeURIComponent(one[1]!);
    const done = request.method === 'PATCH' ? standIn.changeSession(id, JSON.parse(body || '{}') as SessionChanges) : standIn.removeSession(id);
    return done ? sendJson(response, 200, done) : sendError(response, 404, `No session ${id}`);
  }
  if (path === '/__stand-in/revoke') {
    state.tokenRevoked = true;
    return sendJson(response, 200, {});
  }
  if (path === '/__stand-in/reset') {
    standIn.reset();
    return sendJson(response, 200, {});
  }
  sendError(response, 404, `No control endpoint ${path}`);
}
