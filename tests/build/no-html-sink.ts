import type { Plugin } from 'vite';

/** React DOM's production client: the only file that sets `innerHTML` from a value. */
const REACT_DOM_CLIENT = /[/\\]react-dom[/\\]cjs[/\\]react-dom-client\.production\.js$/;

/** Where `dangerouslySetInnerHTML` writes its value, once for updates and once for first renders. */
const HTML_SINK = '(domElement.innerHTML = key)';
const SINKS_IN_REACT_DOM = 2;

const REFUSAL =
  "(() => { throw new Error('Crosswind renders no HTML: dangerouslySetInnerHTML is disabled.'); })()";

/**
 * Removes React's `dangerouslySetInnerHTML` from the build. Crosswind never renders page text as
 * HTML (see README: untrusted input), so the sink can go; without it, store reviewers' linters
 * (web-ext lint's UNSAFE_VAR_ASSIGNMENT) have nothing to flag and a future component cannot
 * reintroduce it by accident. The build fails if React's code no longer looks as expected, so a
 * React upgrade cannot silently bring the sink back.
 */
export function noHtmlSink(): Plugin {
  return {
    name: 'crosswind:no-html-sink',
    apply: 'build',
    transform(code, id) {
      if (!REACT_DOM_CLIENT.test(id)) return undefined;
      const found = code.split(HTML_SINK).length - 1;
      if (found !== SINKS_IN_REACT_DOM) {
        this.error(
          `expected ${SINKS_IN_REACT_DOM} dangerouslySetInnerHTML sinks in ${id}, found ${found}: check the new React version`,
        );
      }
      return { code: code.replaceAll(HTML_SINK, REFUSAL), map: null };
    },
  };
}
