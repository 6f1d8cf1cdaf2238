// Times of the desk itself (a token last used, a policy applied) belong to no marketplace: written in
// UTC, to the minute, the same for every reader.

/** An ISO instant as `2026-11-27 12:00 UTC`. */
export function utcTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
