import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Starts a test server's CLI (a file URL) with a piped stdin and waits for its JSON line. */
export async function startCli<Ready>(
  cli: URL,
  args: string[] = [],
): Promise<{ child: ChildProcess; ready: Ready; exited: Promise<number | null> }> {
  const child = spawn(TSX, [fileURLToPath(cli), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('error', reject);
    void exited.then((code) => reject(new Error(`the CLI exited with ${String(code)}`)));
  });
  return { child, ready: JSON.parse(line) as Ready, exited };
}

/** Runs a CLI that is expected to fail, and answers its exit code and what it wrote to stderr. */
export async function failingCli(
  cli: URL,
  args: string[],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(TSX, [fileURLToPath(cli), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}
