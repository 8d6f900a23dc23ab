/**
 * The definitions of ID card fields (src/components/IdCard.astro) show on hover and focus by the
 * stylesheet alone; this lets Escape hide the one showing without moving the pointer or the focus,
 * as a tooltip should. It shows again when the pointer or the focus comes back.
 */
const HIDDEN = 'definitionHidden';

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  for (const term of document.querySelectorAll<HTMLElement>('.id-card dt:has(.field-info:is(:hover, :focus))')) term.dataset[HIDDEN] = '';
});

for (const type of ['pointerleave', 'focusout'] as const) {
  document.addEventListener(
    type,
    (event) => {
      if (event.target instanceof HTMLElement && event.target.matches('.field-info')) delete event.target.closest('dt')?.dataset[HIDDEN];
    },
    true,
  );
}
