// The session page's script and stylesheet, read once and written into every page: the script as
// built from src/views/page/pageScript.ts (dist/session.js, esbuild.js) and media/session.css. Linked as
// files, they were fetched after the page through VS Code's resource loader, and VS Code shows a
// webview's page only once everything it loads is in: the panel stayed blank while they loaded, and a
// busy window gave up waiting for them.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface PageAssets {
  script: string;
  style: string;
}

const read = new Map<string, PageAssets>();

export function pageAssets(extensionUri: vscode.Uri): PageAssets {
  const key = extensionUri.toString();
  let assets = read.get(key);
  if (!assets) {
    assets = { script: readAsset(extensionUri, 'dist/session.js', '</script'), style: readAsset(extensionUri, 'media/session.css', '</style') };
    read.set(key, assets);
  }
  return assets;
}

/** The file's text; it must not hold the tag that would end its element early. */
function readAsset(extensionUri: vscode.Uri, path: string, closingTag: string): string {
  const text = readFileSync(vscode.Uri.joinPath(extensionUri, path).fsPath, 'utf8');
  if (text.toLowerCase().includes(closingTag)) throw new Error(`${path} contains "${closingTag}", which would end it early in the page`);
  return text;
}
