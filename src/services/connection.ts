// Builds API clients for the configured server and stored token, sharing one request budget per
// key (open.cx counts requests per key): a new client of the same key neither resets the count
// nor escapes a pause after a 429, and another key keeps its own.
import * as vscode from 'vscode';
import { RequestBudget } from '../api/budget';
import { OpenCxClient, type RequestLogEntry } from '../api/client';
import type { Credentials } from './credentials';

export class Connection {
  private readonly budgets = new Map<string, RequestBudget>();
  /** The clients made, by base URL and key. */
  private readonly clients = new Map<string, OpenCxClient>();

  constructor(
    readonly credentials: Credentials,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** A client for the current base URL and token; undefined when no token is stored. */
  async client(): Promise<OpenCxClient | undefined> {
    const signIn = await this.credentials.signIn();
    return signIn && this.clientOf(signIn);
  }

  /** A client for the account of id `accountId`, active or not; undefined when it is signed out. */
  async accountClient(accountId: string): Promise<OpenCxClient | undefined> {
    const account = this.credentials.accounts.list().find((other) => other.id === accountId);
    const signIn = account && (await this.credentials.signInTo(account));
    return signIn && this.clientOf(signIn);
  }

  /**
   * Starts every server's request count afresh; for tests, whose stand-in forgets its own count
   * between tests and would otherwise be held to a minute of requests it no longer counts.
   */
  forgetRequestBudgets(): void {
    this.budgets.clear();
    this.clients.clear();
  }

  /** Throws ApiError('configuration') for a base URL that is invalid or would expose the token. */
  clientFor(baseUrl: string, token: string): OpenCxClient {
    const key = `${baseUrl}\n${token}`;
    let budget = this.budgets.get(key);
    if (!budget) this.budgets.set(key, (budget = new RequestBudget()));
    return new OpenCxClient({ baseUrl, token, budget, onRequest: (entry) => this.logRequest(entry) });
  }

  private clientOf({ baseUrl, token }: { baseUrl: string; token: string }): OpenCxClient {
    const key = `${baseUrl}\n${token}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = this.clientFor(baseUrl, token)));
    return client;
  }

  private logRequest({ method, path, status, error, ms }: RequestLogEntry): void {
    const line = `${method} ${path} ${status ?? error} ${Math.round(ms)} ms`;
    if (status !== undefined && status < 400) this.log.info(line);
    else this.log.warn(line);
  }
}
