/**
 * A link out of the app's frame. Custom UI runs in a sandboxed iframe under Forge's CSP,
 * where a plain `<a target="_blank">` does nothing: a click goes through the host's
 * router (`router.open`, which asks the person before leaving for another site). The
 * href stays, so the link can be read, copied and announced as a link.
 */
import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { openInProduct } from './bridge-client';

export function OutboundLink({
  href,
  open,
  title,
  style,
  className,
  children,
}: {
  /** What the link shows and copies: an absolute http(s) URL or a path of the product. */
  href: string;
  /** What the router opens: a path of the product (`/browse/FLEX-112`) or an absolute URL; defaults to href. */
  open?: string;
  title?: string;
  style?: CSSProperties;
  className?: string;
  children: ReactNode;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void openInProduct(open ?? href);
  };
  return (
    <a href={href} rel="noopener noreferrer" onClick={onClick} title={title} style={style} className={className}>
      {children}
      <span className="ll-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
