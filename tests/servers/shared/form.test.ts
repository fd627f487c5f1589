import { describe, expect, it } from 'vitest';
import { FormParseError, readForm, type FormEntry } from './form';

/** A multipart body as a browser's FormData sends it, with its content type. */
async function encode(form: FormData): Promise<{ type: string; body: Buffer }> {
  const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
  return {
    type: request.headers.get('content-type') ?? '',
    body: Buffer.from(await request.arrayBuffer()),
  };
}

async function describeEntries(entries: FormEntry[]) {
  return Promise.all(
    entries.map(async ([name, value]) =>
      typeof value === 'string'
        ? [name, value]
        : [name, { name: value.name, type: value.type, text: await value.text() }],
    ),
  );
}

describe('readForm', () => {
  it('reads fields, repeated names and files in the order sent', async () => {
    const form = new FormData();
    form.append('status', 'Héllo ✓');
    form.append('media_ids[]', '1');
    form.append('media_ids[]', '2');
    form.append('file', new File(['png bytes'], 'čerešne.png', { type: 'image/png' }));
    form.append('media_ids[]', '3');
    const { type, body } = await encode(form);
    expect(await describeEntries(await readForm(type, body))).toEqual([
      ['status', 'Héllo ✓'],
      ['media_ids[]', '1'],
      ['media_ids[]', '2'],
      ['file', { name: 'čerešne.png', type: 'image/png', text: 'png bytes' }],
      ['media_ids[]', '3'],
    ]);
  });

  it('keeps an empty upload as an empty file', async () => {
    const form = new FormData();
    form.append('file', new File([], '', { type: 'application/octet-stream' }));
    const { type, body } = await encode(form);
    const [[name, value] = ['', '']] = await readForm(type, body);
    expect(name).toBe('file');
    expect(value).toBeInstanceOf(File);
    expect((value as File).size).toBe(0);
  });

  it('reads urlencoded bodies', async () => {
    const body = Buffer.from('a=1&b%5B%5D=x+y&b%5B%5D=%C3%A9');
    expect(await readForm('application/x-www-form-urlencoded', body)).toEqual([
      ['a', '1'],
      ['b[]', 'x y'],
      ['b[]', 'é'],
    ]);
  });

  it('refuses multipart without a boundary or cut short', async () => {
    await expect(readForm('multipart/form-data', Buffer.from('x'))).rejects.toBeInstanceOf(
      FormParseError,
    );
    const form = new FormData();
    form.append('file', new File(['0123456789'], 'a.bin'));
    const { type, body } = await encode(form);
    await expect(readForm(type, body.subarray(0, body.length - 20))).rejects.toBeInstanceOf(
      FormParseError,
    );
  });
});
