/** What the site's routes share: who is looking (cookies), HTML answers, safe redirects, frame grants. */
import type { Request, Response } from 'express';
import { escapeHtml } from '../shared/escape-html';
import type { SiteParts } from '../site/site-parts';
import type { FrameGrant } from './frames';
import type { PageFrame } from './pages/html';

export const USER_COOKIE = 'll_user';
export const THEME_COOKIE = 'll_theme';

export const FRAME_UNKNOWN = 'This frame is not known to the local site (it may predate a restart): reload the page.';

function cookiesOf(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) {
      try {
        out[name] = decodeURIComponent(rest.join('='));
      } catch {
        // A malformed cookie is ignored, as browsers' own parsers do.
      }
    }
  }
  return out;
}

/** The acting user (cookie, else the first user by handle), the theme and the site's presentation. */
export function pageFrameOf(parts: SiteParts, req: Request): PageFrame {
  const { store, presentation } = parts;
  const cookies = cookiesOf(req);
  const chosen = cookies[USER_COOKIE];
  const user = (chosen === undefined ? undefined : store.findUser(chosen)) ?? store.listUsers()[0];
  if (!user) throw new Error('The store has no users: reset the demo data.');
  return {
    user,
    users: store.listUsers(),
    colorMode: cookies[THEME_COOKIE] === 'dark' ? 'dark' : 'light',
    here: req.originalUrl,
    note: presentation.userNote(user),
    siteName: presentation.name,
    appName: presentation.appName,
  };
}

export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('html').set('cache-control', 'no-store').send(html);
}

/** Only a path of this site: never another origin. */
export const safeBack = (value: unknown): string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';

/** A field of a request's body (JSON or form): the client's, so unknown until checked. */
export function bodyField(req: Request, name: string): unknown {
  const body: unknown = req.body;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

/** A body field that is text, else the fallback. */
export function bodyText(req: Request, name: string, fallback = ''): string {
  const value = bodyField(req, name);
  return typeof value === 'string' ? value : fallback;
}

/** A query parameter given once as text, else the fallback. */
export function queryText(req: Request, name: string, fallback = ''): string {
  const value = req.query[name];
  return typeof value === 'string' ? value : fallback;
}

export const wantsJson = (req: Request): boolean => req.is('json') === 'json' || (req.get('accept') ?? '').includes('application/json');

/** The grant of the frame token in the body, or a 403 answered. */
export function grantOf(parts: SiteParts, req: Request, res: Response): FrameGrant | undefined {
  const grant = parts.frames.get(bodyField(req, 'token'));
  if (!grant) res.status(403).json({ ok: false, error: { message: FRAME_UNKNOWN } });
  return grant;
}

/** An error as JSON (for scripts) or as a small page with a way back. */
export function fail(req: Request, res: Response, error: unknown, back?: string): void {
  const status = (error as { status?: unknown } | null)?.status;
  const code = typeof status === 'number' ? status : 400;
  const message = error instanceof Error ? error.message : String(error);
  if (wantsJson(req)) res.status(code).json({ ok: false, error: { message } });
  else
    sendHtml(
      res,
      code,
      `<!doctype html><meta charset="utf-8"><title>Error</title><p>${escapeHtml(message)}</p>${back ? `<p><a href="${escapeHtml(back)}">Back</a></p>` : ''}`,
    );
}
