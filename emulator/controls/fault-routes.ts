/**
 * Faults and switches over HTTP and on the settings page: plant, list and
 * remove faults (`/__local/faults`), write a malformed property, and the
 * cross-product settings (`/__local/settings`).
 */
import express, { type Express, type Request, type Response } from 'express';
import { fail, pageFrameOf, sendHtml } from '../hosting/http-helpers';
import type { SiteParts } from '../site/site-parts';
import type { FaultSpec } from './fault-registry';
import { renderSettingsPage } from './settings-page';
import { applySettings } from './site-settings';

function backToSettings(req: Request, res: Response, value: unknown, status = 200): void {
  if (req.is('json') === 'json') res.status(status).json({ ok: true, value });
  else res.redirect(303, '/__local/settings');
}
const numberOrUndefined = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** A fault from JSON, or from the settings form (strings). */
function specOf(body: Record<string, unknown>): FaultSpec {
  if (body.kind === undefined) return body;
  const spec: FaultSpec = { target: (body.target as FaultSpec['target']) || 'jira' };
  if (typeof body.endpoint === 'string' && body.endpoint.trim()) spec.endpoint = body.endpoint.trim();
  if (typeof body.pathIncludes === 'string' && body.pathIncludes.trim()) spec.pathIncludes = body.pathIncludes.trim();
  const times = numberOrUndefined(body.times);
  spec.times = times === undefined ? null : times;
  const ms = numberOrUndefined(body.ms);
  switch (body.kind) {
    case 'latency':
      spec.latencyMs = ms ?? 1000;
      break;
    case 'rate-limit':
      spec.status = 429;
      spec.headers = { 'Retry-After': String(numberOrUndefined(body.retryAfter) ?? 1) };
      break;
    case 'timeout':
      spec.timeout = true;
      if (ms !== undefined) spec.timeoutMs = ms;
      break;
    default:
      spec.status = numberOrUndefined(body.status) ?? 500;
  }
  return spec;
}

export function mountFaultControls(app: Express, parts: SiteParts): void {
  const { faults, settings } = parts;
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const jsonBody = express.json({ limit: '1mb' });

  app.get('/__local/faults', (_req, res) => res.set('cache-control', 'no-store').json({ faults: faults.list(), settings }));

  app.post('/__local/faults', form, jsonBody, (req, res) => {
    try {
      backToSettings(req, res, faults.add(specOf((req.body ?? {}) as Record<string, unknown>)), 201);
    } catch (error) {
      fail(req, res, error, '/__local/settings');
    }
  });

  app.post('/__local/faults/property', form, jsonBody, (req, res) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const written = faults.malformedProperty(typeof body.issueKey === 'string' ? body.issueKey : '', {
        propertyKey: typeof body.propertyKey === 'string' && body.propertyKey ? body.propertyKey : undefined,
        mode: body.mode === 'foreign' ? 'foreign' : 'invalid',
        ...(typeof body.text === 'string' && body.text ? { text: body.text } : {}),
      });
      backToSettings(req, res, written, 201);
    } catch (error) {
      fail(req, res, error, '/__local/settings');
    }
  });

  app.post('/__local/faults/clear', form, jsonBody, (req, res) => {
    faults.clear();
    backToSettings(req, res, null);
  });

  app.delete('/__local/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  app.delete('/__local/faults/:id', (req, res) => {
    res.status(faults.remove(req.params.id) ? 204 : 404).end();
  });

  app.post('/__local/faults/:id/delete', form, (req, res) => {
    faults.remove(req.params.id);
    backToSettings(req, res, null);
  });

  app.get('/__local/settings', (req, res) => {
    const consented = parts.consent.list().flatMap((id) => parts.store.getUser(id) ?? []);
    sendHtml(res, 200, renderSettingsPage(pageFrameOf(parts, req), faults.list(), settings, faults.defaultPropertyKey() ?? '', consented));
  });

  app.post('/__local/settings', form, jsonBody, (req, res) => {
    const problem = applySettings(settings, (req.body ?? {}) as Record<string, unknown>);
    if (problem) {
      fail(req, res, new Error(problem), '/__local/settings');
      return;
    }
    backToSettings(req, res, settings);
  });
}
