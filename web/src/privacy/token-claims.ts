/** The customer id claim of our own access token (read, not trusted: the gateway verifies it). */
export function customerIdOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { customer_id?: string };
    return payload.customer_id;
  } catch {
    return undefined;
  }
}
