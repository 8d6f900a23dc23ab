/** Adds a "Copy" button to every code block in note content and to permalinks; without JavaScript the code is still selectable. */
const FEEDBACK_MS = 1500;

function addCopyButton(pre: HTMLPreElement): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = 'Copy';
  button.addEventListener('click', async () => {
    const text = pre.querySelector('code')?.textContent ?? pre.textContent ?? '';
    // A site address is copied whole, with the origin the reader sees.
    const code = pre.dataset.copyAddress === undefined ? text : new URL(text, location.href).href;
    try {
      await navigator.clipboard.writeText(code);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select and copy';
    }
    setTimeout(() => (button.textContent = 'Copy'), FEEDBACK_MS);
  });
  pre.classList.add('has-copy');
  pre.prepend(button);
}

for (const pre of document.querySelectorAll<HTMLPreElement>('.note-content pre, .code-block pre')) addCopyButton(pre);
