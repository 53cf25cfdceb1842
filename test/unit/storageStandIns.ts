// In-memory stand-ins for VS Code's Memento and SecretStorage, for stores tested in plain Node.
// Several windows share one global state and one secret storage: `window()` hands each its own
// workspace state over the shared ones. Writes settle on a later turn, as VS Code's do.
import type * as vscode from 'vscode';

const later = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

export class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T {
    return (this.values.has(key) ? structuredClone(this.values.get(key)) : defaultValue) as T;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    await later();
  }
}

type SecretListener = (event: vscode.SecretStorageChangeEvent) => void;

export class MemorySecrets implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  private readonly listeners = new Set<SecretListener>();

  onDidChange: vscode.Event<vscode.SecretStorageChangeEvent> = (listener: SecretListener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  async keys(): Promise<string[]> {
    await later();
    return [...this.values.keys()];
  }

  async get(key: string): Promise<string | undefined> {
    await later();
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    await later();
    this.changed(key);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    await later();
    this.changed(key);
  }

  private changed(key: string): void {
    for (const listener of this.listeners) listener({ key });
  }
}
