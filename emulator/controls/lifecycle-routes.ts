/**
 * Controls over HTTP for the app's lifecycle work: close an Atlassian account (the Personal data
 * reporting API answers `closed` for it from then on), list what the API received, run a
 * scheduled trigger now, and the product events delivered to the app's triggers.
 */
import express, { type Express } from 'express';
import type { SiteParts } from '../site/site-parts';
import { bodyText } from '../hosting/http-helpers';

export function mountLifecycleControls(app: Express, parts: SiteParts): void {
  const jsonBody = express.json({ limit: '16kb' });

  // POST { "user": "bob" } (a handle or an account id).
  app.post('/__local/accounts/close', jsonBody, (req, res) => {
    const user = parts.store.findUser(bodyText(req, 'user'));
    if (!user) {
      res.status(404).json({ error: 'No such user.' });
      return;
    }
    parts.privacy.closeAccount(user.accountId);
    res.json({ accountId: user.accountId, status: 'closed' });
  });

  app.get('/__local/personal-data-reports', (_req, res) => res.set('cache-control', 'no-store').json(parts.privacy.reports));

  app.post('/__local/scheduled-triggers/:key/run', (req, res) => {
    parts.triggers.runScheduled(req.params.key).then(
      (outcome) => res.json({ result: outcome.result ?? null, calls: outcome.calls.length, ms: outcome.ms }),
      (error: unknown) => res.status(500).json({ error: error instanceof Error ? error.message : String(error) }),
    );
  });

  app.get('/__local/product-events', (_req, res) => res.set('cache-control', 'no-store').json(parts.triggers.delivered));
}
