import { Readable } from 'node:stream';
import busboy from 'busboy';

/** One field of a submitted form, in the order sent: text, or an uploaded file. */
export type FormEntry = [name: string, value: string | File];

/** Thrown when a form body cannot be read at all. */
export class FormParseError extends Error {}

/** The content type's essence (`multipart/form-data`), lowercase, without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Whether a request body is a form (urlencoded or multipart), which readForm reads. */
export function isForm(contentType: string | null | undefined): boolean {
  const type = mediaType(contentType);
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/**
 * The fields of a urlencoded or multipart body, names untouched (`media_ids[]` stays so: how
 * brackets nest is the server framework's business, Rack's or another's). Multipart is read by
 * busboy, file names and values as UTF-8 like browsers send them.
 */
export function readForm(contentType: string, body: Buffer): Promise<FormEntry[]> {
  if (mediaType(contentType) === 'application/x-www-form-urlencoded') {
    return Promise.resolve([...new URLSearchParams(body.toString('utf8'))]);
  }
  return new Promise((resolve, reject) => {
    const entries: FormEntry[] = [];
    const pending: Promise<void>[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        limits: { fieldSize: body.length + 1 },
      });
    } catch (error) {
      reject(new FormParseError('Not a multipart body', { cause: error }));
      return;
    }
    parser.on('field', (name, value) => entries.push([name, value]));
    parser.on('file', (name, stream, info) => {
      const index = entries.push([name, '']) - 1;
      const chunks: Buffer[] = [];
      pending.push(
        new Promise<void>((done, fail) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', fail);
          stream.on('end', () => {
            // busboy's pieces are views of the body, so the File is the only copy made: a 50 MB
            // clip used to be copied three times here, which slowed every upload the bench timed.
            // (The pieces never sit on a SharedArrayBuffer, which is all the cast rules out.)
            entries[index] = [
              name,
              new File(chunks as Uint8Array<ArrayBuffer>[], info.filename ?? '', {
                type: info.mimeType,
              }),
            ];
            done();
          });
        }),
      );
    });
    parser.on('error', (error) =>
      reject(new FormParseError('Malformed multipart body', { cause: error })),
    );
    parser.on('close', () => {
      Promise.all(pending).then(
        () => resolve(entries),
        (error: unknown) =>
          reject(new FormParseError('Malformed multipart body', { cause: error })),
      );
    });
    Readable.from([body]).pipe(parser);
  });
}
