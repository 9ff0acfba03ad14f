/**
 * The consent prompt's "Allow access" (public/host-dialogs.js): the frame's
 * token names the person (never the page), whose consent is recorded; the
 * host then reloads the frame. Revoking is a site control.
 */
import express, { type Express } from 'express';
import type { SiteParts } from '../site/site-parts';
import { bodyField, grantOf, safeBack } from './http-helpers';

export function mountConsent(app: Express, parts: SiteParts): void {
  const jsonBody = express.json({ limit: '4kb' });
  const form = express.urlencoded({ extended: false, limit: '4kb' });

  app.post('/__local/consent', jsonBody, (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    parts.consent.grant(grant.accountId);
    res.json({ ok: true, value: true });
  });

  app.get('/__local/consent', (_req, res) => res.set('cache-control', 'no-store').json({ granted: parts.consent.list() }));

  // The settings page: forget one person's consent (or everyone's), so the prompt shows again.
  app.post('/__local/consent/revoke', form, (req, res) => {
    const asked = bodyField(req, 'user');
    const user = typeof asked === 'string' ? parts.store.findUser(asked) : undefined;
    if (user) parts.consent.revoke(user.accountId);
    else parts.consent.clear();
    res.redirect(303, safeBack(bodyField(req, 'back') ?? '/__local/settings'));
  });
}
