import { createElement, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** The baseline popup: one controlled textarea and one button, nothing else. */
function EmptyPopup() {
  const [text, setText] = useState('');
  return createElement(
    'main',
    null,
    createElement('textarea', {
      'aria-label': 'Post text',
      value: text,
      onChange: (event: { target: { value: string } }) => setText(event.target.value),
    }),
    createElement('button', { type: 'button' }, 'Post'),
  );
}

createRoot(document.getElementById('root')!).render(
  createElement(StrictMode, null, createElement(EmptyPopup)),
);
