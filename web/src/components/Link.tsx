import type { AnchorHTMLAttributes } from 'react';
import { followLink } from '../navigation.js';

/** An in-app link: a real <a href> (new tab, copy link work) that navigates with pushState on a plain click. */
export function Link({ onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return (
    <a
      {...props}
      onClick={(event) => {
        onClick?.(event);
        followLink(event);
      }}
    />
  );
}
