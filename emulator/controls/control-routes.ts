/**
 * The site's controls over HTTP: who is acting, the theme, reset, health,
 * the accounting and the search index delay. Faults and settings: fault-routes.ts.
 */
import express, { type Express } from 'express';
import type { ColorMode } from '../hosting/frames';
import { bodyField, bodyText, safeBack, THEME_COOKIE, USER_COOKIE } from '../hosting/http-helpers';
import type { SiteParts } from '../site/site-parts';

export function mountControls(app: Express, parts: SiteParts): void {
  const { store, accounting, jira } = parts;
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  const jsonBody = express.json({ limit: '6mb' });

  app.post('/__local/act-as', form, (req, res) => {
    const user = store.findUser(bodyText(req, 'user'));
    if (user) res.cookie(USER_COOKIE, user.handle, { path: '/', sameSite: 'lax' });
    res.redirect(303, safeBack(bodyField(req, 'back')));
  });

  app.post('/__local/theme', form, jsonBody, (req, res) => {
    const colorMode: ColorMode = bodyField(req, 'colorMode') === 'dark' ? 'dark' : 'light';
    res.cookie(THEME_COOKIE, colorMode, { path: '/', sameSite: 'lax' });
    if (req.is('json')) res.json({ colorMode });
    else res.redirect(303, safeBack(bodyField(req, 'back')));
  });

  app.post('/__local/reset', (_req, res) => {
    parts.reset();
    res.redirect(303, '/');
  });

  app.get('/__local/health', (_req, res) => res.json({ ok: true }));
  app.get('/__local/accounting', (_req, res) => res.set('cache-control', 'no-store').json(accounting.snapshot()));
  app.post('/__local/accounting/reset', (_req, res) => {
    accounting.reset();
    res.status(204).end();
  });

  // The search index delay (jira/search): GET reads it, POST { "delayMs": 2000 } sets it (0 turns it off).
  app.get('/__local/search-index', (_req, res) => res.json({ delayMs: jira.search.settings.indexDelayMs }));
  app.post('/__local/search-index', jsonBody, (req, res) => {
    const delayMs = Number((req.body as { delayMs?: unknown } | undefined)?.delayMs);
    if (!Number.isFinite(delayMs) || delayMs < 0) {
      res.status(400).json({ error: 'delayMs must be a number of milliseconds, 0 or more.' });
      return;
    }
    jira.search.setIndexDelay(delayMs);
    res.json({ delayMs });
  });
}
