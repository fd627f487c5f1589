// Tags after which text visibly starts a new line; stripping them bare would glue words together.
const BLOCK_TAGS = new Set(
  (
    'address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
);

// Their content is code, never text a reader saw.
const DROPPED_CONTENT = new Set(['script', 'style']);

const TAG_START = /[a-zA-Z/!?]/;
// A tag runs to the first `>`, unless another `<` comes first; bounded by that `<`, every scan
// stays linear even on a page made of a million unclosed `<a`.
const TAG_REST = /[^<>]*>/y;
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const STRAY_OPENERS = /<+(?=[a-zA-Z/!?])/g;

/** Removes tags, comments and script/style content, leaving no tag-shaped `<` in the result. */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  let out = '';
  let i = 0;
  let commentsClosed = true;
  const unclosed = new Set<string>();
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    out += text.slice(i, lt);
    i = lt + 1;
    if (text.startsWith('<!--', lt) && commentsClosed) {
      const end = text.indexOf('-->', lt + 4);
      // Not found now means not found from any later `<!--` either: remember, stay linear.
      if (end < 0) commentsClosed = false;
      else i = end + 3;
      continue;
    }
    if (!TAG_START.test(text.charAt(lt + 1))) {
      out += '<';
      continue;
    }
    TAG_REST.lastIndex = lt + 1;
    if (!TAG_REST.test(text)) {
      out += '<';
      continue;
    }
    const end = TAG_REST.lastIndex;
    const closing = text.charAt(lt + 1) === '/';
    TAG_NAME.lastIndex = closing ? lt + 2 : lt + 1;
    const name = TAG_NAME.exec(text)?.[0].toLowerCase() ?? '';
    i = end;
    if (BLOCK_TAGS.has(name)) out += '\n';
    if (!closing && DROPPED_CONTENT.has(name) && !unclosed.has(name)) {
      const closer = new RegExp(`</${name}(?=[\\s/>])[^<>]*>`, 'gi');
      closer.lastIndex = end;
      const found = closer.exec(text);
      if (found) i = found.index + found[0].length;
      else unclosed.add(name);
    }
  }
  out += text.slice(i);
  // Dropping a tag can join `<` and `script>` into a new tag; a `<` that could open one goes too.
  return out.replace(STRAY_OPENERS, '');
}
