import { Parser } from 'htmlparser2';

// The HTML spec's prescan looks at the first 1024 bytes for a <meta> that names the encoding.
const PRESCAN_BYTES = 1024;
// "Extracting a character encoding from a meta element": charset, spaces, =, then the value.
const CONTENT_CHARSET =
  /charset[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r ;"']+))/i;
const HEADER_CHARSET = /;\s*charset\s*=\s*["']?([\w.:-]+)/i;

/**
 * Decodes a fetched page as a browser would: a byte order mark first, then the Content-Type
 * header's charset, then a <meta> in the first 1024 bytes, and UTF-8 when nothing says.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const label =
    bomEncoding(bytes) ??
    usable(HEADER_CHARSET.exec(contentType ?? '')?.[1]) ??
    metaEncoding(bytes) ??
    'utf-8';
  return new TextDecoder(label).decode(bytes);
}

function bomEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The prescan: the first <meta> naming an encoding the browser knows, outside comments. */
// Only real attributes count: `data-charset=` or "charset=" in a description names nothing, and
// `content` counts only beside http-equiv="content-type", as in the spec.
function metaEncoding(bytes: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one character, so the ASCII markup reads the same in any encoding.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, PRESCAN_BYTES));
  let found: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (found || name !== 'meta') return;
        const pragma = attributes['http-equiv']?.toLowerCase() === 'content-type';
        const match = pragma ? CONTENT_CHARSET.exec(attributes.content ?? '') : null;
        const label = attributes.charset ?? match?.slice(1).find((value) => value !== undefined);
        // "Get an encoding" maps x-user-defined to windows-1252 for documents.
        found = label?.trim().toLowerCase() === 'x-user-defined' ? 'windows-1252' : usable(label);
        if (found) parser.pause();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(head);
  // The spec's rule: a page that could read its own <meta> is not UTF-16, whatever it says.
  return found?.startsWith('utf-16') ? 'utf-8' : found;
}

/** The label when TextDecoder knows it, normalised to its canonical name; unknown labels are ignored. */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
