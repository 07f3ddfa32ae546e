// The Nu Html Checker (the W3C's validator, npm `vnu-jar`) over many documents in one JVM
// run: starting Java costs seconds, checking a page milliseconds. Java 17 runs the jar
// directly (`java` on the PATH; .ci/run installs it when missing); the package's own
// launcher is not used, since it would download a JDK when it finds none.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

export interface HtmlDocument {
  /** What the problems are reported under: the page's path. */
  name: string;
  html: string;
}

export interface HtmlError {
  name: string;
  line: number | undefined;
  message: string;
  extract: string | undefined;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Every error the checker finds in the documents (warnings are not asked for). */
export async function htmlErrors(documents: readonly HtmlDocument[]): Promise<HtmlError[]> {
  const folder = mkdtempSync(join(tmpdir(), 'status-vnu-'));
  try {
    const files = documents.map((doc, i) => {
      const file = join(folder, `${i}.html`);
      writeFileSync(file, doc.html);
      return { file, name: doc.name };
    });
    const java = spawn('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files.map((f) => f.file)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let report = '';
    java.stdout.on('data', (d) => (report += d));
    java.stderr.on('data', (d) => (report += d));
    const [code] = (await once(java, 'close')) as [number | null];
    let messages: VnuMessage[];
    try {
      messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`the Nu Html Checker exited with ${code} and no report:\n${report.slice(0, 2000)}`);
    }
    // The checker names each document by a file: URL of its path.
    const nameOf = new Map(files.map((f) => [f.file, f.name]));
    const documentOf = (url: string | undefined) => (url?.startsWith('file:') ? nameOf.get(new URL(url).pathname) : undefined) ?? url ?? '?';
    return messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
      .map((m) => ({ name: documentOf(m.url), line: m.lastLine, message: m.message, extract: m.extract }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function describeHtmlErrors(errors: readonly HtmlError[]): string {
  return errors.map((e) => `${e.name}:${e.line ?? '?'}: ${e.message}${e.extract ? `\n    ${e.extract.replace(/\n/g, ' ')}` : ''}`).join('\n');
}
