// The session page's script and stylesheet (media/session.js and media/session.css), read once and
// written into every page. Linked as files, they were fetched after the page through VS Code's
// resource loader, and VS Code shows a webview's page only once everything it loads is in: the
// panel stayed blank while they loaded, and a busy window waited on them before giving up.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface PageAssets {
  script: string;
  style: string;
}

const read = new Map<string, PageAssets>();

export function pageAssets(media: vscode.Uri): PageAssets {
  const key = media.toString();
  let assets = read.get(key);
  if (!assets) {
    assets = { script: readAsset(media, 'session.js', '</script'), style: readAsset(media, 'session.css', '</style') };
    read.set(key, assets);
  }
  return assets;
}

/** The file's text; it must not hold the tag that would end its element early. */
function readAsset(media: vscode.Uri, name: string, closingTag: string): string {
  const text = readFileSync(vscode.Uri.joinPath(media, name).fsPath, 'utf8');
  if (text.toLowerCase().includes(closingTag)) throw new Error(`media/${name} contains "${closingTag}", which would end it early in the page`);
  return text;
}
