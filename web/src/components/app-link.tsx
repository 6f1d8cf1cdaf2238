import type { ComponentPropsWithRef } from 'react';
import { followLink } from '../navigation.js';

/** A link inside the app: a real <a href> (open in a new tab works) that navigates without reloading. */
export function AppLink({ onClick, ...props }: ComponentPropsWithRef<'a'> & { href: string }) {
  return <a {...props} onClick={(event) => { onClick?.(event); if (!event.defaultPrevented) followLink(event); }} />;
}
