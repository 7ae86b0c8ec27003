/**
 * Cancels clicks on links at the document (as a router would), so happy-dom neither
 * navigates nor fetches the target. Returns the removal.
 */
export function stayOnPage(): () => void {
  const cancel = (event: Event): void => {
    if ((event.target as Element).closest('a')) event.preventDefault();
  };
  document.addEventListener('click', cancel);
  return () => document.removeEventListener('click', cancel);
}
