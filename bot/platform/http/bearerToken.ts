/** The token in an `Authorization: Bearer …` header, if there is one (Direct Line tokens, dashboard sessions). */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
