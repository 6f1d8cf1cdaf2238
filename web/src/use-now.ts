import { useEffect, useState } from 'react';

/** The time now in milliseconds, refreshed every `everyMs`, so countdowns tick without a refetch. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
