/** `/` (outside text fields) and Ctrl+K or Cmd+K focus the page's search input. */
export function focusOnShortcut(input: HTMLInputElement): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    const typing = target?.isContentEditable || target?.closest('input, textarea, select');
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (commandK || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
