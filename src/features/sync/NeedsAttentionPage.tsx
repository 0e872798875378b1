/**
 * PLACEHOLDER by the UI engineer so the routes compile: the sync engineer owns this file and
 * replaces it with the "needs attention" page (changes the server refused).
 */
export function NeedsAttentionPage() {
  return null;
}
