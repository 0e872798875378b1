/** What the server's callback put in the address: `?sso=done` or `?sso-error=<reason>`. */
export function ssoReturn(search: string): 'done' | 'failed' | 'unknown-user' | 'groups' | null {
  const params = new URLSearchParams(search);
  if (params.get('sso') === 'done') return 'done';
  const error = params.get('sso-error');
  if (error === 'unknown-user' || error === 'groups') return error;
  return error === null ? null : 'failed';
}
