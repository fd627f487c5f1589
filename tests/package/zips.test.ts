import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const OUTPUT = path.resolve('.output');
const { name, version } = JSON.parse(await readFile('package.json', 'utf8')) as {
  name: string;
  version: string;
};

async function openZip(file: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(path.join(OUTPUT, file)));
}

/** Each file of a zip (folders left out) with the SHA-256 of its bytes. */
async function fileHashes(zip: JSZip): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const bytes = await entry.async('nodebuffer');
    hashes.set(entry.name, createHash('sha256').update(bytes).digest('hex'));
  }
  return hashes;
}

/** The same for a folder on disk, paths relative to it with forward slashes. */
async function folderHashes(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(full);
    hashes.set(
      path.relative(dir, full).split(path.sep).join('/'),
      createHash('sha256').update(bytes).digest('hex'),
    );
  }
  return hashes;
}

/** Those of `files` that git ignores (`git check-ignore` exits with 1 when there are none). */
async function ignoredByGit(files: string[]): Promise<string[]> {
  const child = execFile('git', ['check-ignore', '--no-index', '--stdin']);
  child.stdin?.end(files.join('\n'));
  let stdout = '';
  child.stdout?.on('data', (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0 && code !== 1) throw new Error(`git check-ignore failed (${code})`);
  return stdout.split('\n').filter(Boolean);
}

/** This shell's environment without what Vitest sets (NODE_ENV=test would change the build). */
function buildEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
  );
}

const sorted = (map: Map<string, string>) =>
  [...map.entries()].sort(([a], [b]) => a.localeCompare(b));

/** What never belongs in a store package: source maps, tests, dependencies, local settings. */
const NOT_SHIPPED = [
  /\.map$/,
  /(^|\/)tests?\//,
  /\.(test|spec)\.[jt]sx?$/,
  /node_modules\//,
  /(^|\/)\./,
];

describe('npm run zip', () => {
  it('the Chrome zip is exactly the Chrome build, without source maps or tests', async () => {
    const zip = await fileHashes(await openZip(`${name}-${version}-chrome.zip`));
    for (const file of zip.keys()) {
      for (const pattern of NOT_SHIPPED) expect(file).not.toMatch(pattern);
    }
    expect(sorted(zip)).toEqual(sorted(await folderHashes(path.join(OUTPUT, 'chrome-mv3'))));
    const manifest = JSON.parse(
      await readFile(path.join(OUTPUT, 'chrome-mv3/manifest.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({ manifest_version: 3, version });
    // Firefox's keys stay out of the Chrome manifest (the Web Store warns about unknown keys).
    expect(manifest.browser_specific_settings).toBeUndefined();
    expect(manifest.host_permissions).toBeUndefined();
  });

  it('the Firefox zip is the Firefox build, for AMO', async () => {
    const zip = await fileHashes(await openZip(`${name}-${version}-firefox.zip`));
    for (const file of zip.keys()) {
      for (const pattern of NOT_SHIPPED) expect(file).not.toMatch(pattern);
    }
    expect(sorted(zip)).toEqual(sorted(await folderHashes(path.join(OUTPUT, 'firefox-mv3'))));
    const manifest = JSON.parse(
      await readFile(path.join(OUTPUT, 'firefox-mv3/manifest.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({
      manifest_version: 3,
      version,
      browser_specific_settings: {
        gecko: {
          id: 'crosswind@crosswind.invalid',
          data_collection_permissions: { required: ['none'] },
        },
      },
    });
    expect(manifest.host_permissions).toBeUndefined();
  });

  describe('the Firefox sources zip', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('holds the sources the build reads and no tests', async () => {
      const files = [...(await fileHashes(await openZip(`${name}-${version}-sources.zip`))).keys()];
      expect(files).toEqual(
        expect.arrayContaining(['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']),
      );
      // Nothing git ignores (reports and results a local run left behind, local settings).
      expect(await ignoredByGit(files)).toEqual([]);
      for (const file of files) {
        expect(file).not.toMatch(/^(node_modules|\.output|\.wxt|\.git)\//);
        // The build's own Vite plugins are the only thing from tests/ the build needs.
        if (file.startsWith('tests/')) expect(file).toMatch(/^tests\/build\/[\w-]+\.ts$/);
      }
    });

    it('builds to the same files as the Firefox zip', async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'crosswind-sources-'));
      const sources = await openZip(`${name}-${version}-sources.zip`);
      for (const entry of Object.values(sources.files)) {
        if (entry.dir) continue;
        const target = path.join(dir, entry.name);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, await entry.async('nodebuffer'));
      }
      // The reviewer's `npm ci` installs what package-lock.json pins: the same tree as here.
      await symlink(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
      await run(
        process.execPath,
        [path.resolve('node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'],
        { cwd: dir, env: buildEnvironment() },
      );
      const rebuilt = await folderHashes(path.join(dir, '.output/firefox-mv3'));
      const shipped = await fileHashes(await openZip(`${name}-${version}-firefox.zip`));
      expect(sorted(rebuilt)).toEqual(sorted(shipped));
    });
  });
});
