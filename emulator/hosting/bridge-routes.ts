/**
 * What the bridge stand-in in a frame (public/bridge-stand-in.js) calls:
 * getContext, theme changes, invoke, requestJira, and a macro config view's
 * submit and close. The frame sends only its token: the user and the module
 * context come from the grant, never from the page.
 */
import express, { type Express, type RequestHandler } from 'express';
import { ConfluenceError } from '../confluence/confluence-stand-in';
import { InvocationError, runInvocation } from '../runtime/invocation';
import type { SiteParts } from '../site/site-parts';
import { bodyField, grantOf } from './http-helpers';
import { bridgeContextOf } from './module-contexts';

type FetchRequestInit = { method?: string; headers?: Array<[string, string]>; body?: string | null };

export function mountBridge(app: Express, parts: SiteParts): void {
  const jsonBody = express.json({ limit: '6mb' });

  app.post('/__local/bridge/context', jsonBody, (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    const user = parts.store.getUser(grant.accountId);
    res.json({ ok: true, value: bridgeContextOf(grant, user?.timeZone ?? 'UTC') });
  });

  app.post('/__local/bridge/theme', jsonBody, (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    parts.frames.setColorMode(grant.token, bodyField(req, 'colorMode') === 'dark' ? 'dark' : 'light');
    res.json({ ok: true, value: null });
  });

  app.post('/__local/bridge/invoke', jsonBody, async (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    const { functionKey, payload, metadata } = (req.body ?? {}) as { functionKey?: unknown; payload?: unknown; metadata?: unknown };
    if (typeof functionKey !== 'string') {
      res.status(400).json({ ok: false, error: { message: 'functionKey must be a string.' } });
      return;
    }
    try {
      const call = { functionKey, payload, context: grant.context, accountId: grant.accountId, source: 'bridge' as const };
      const outcome = await runInvocation(parts.host, parts.appHandler(grant.context.moduleKey), call);
      // With metadata, Forge's bridge answers { body, metadata }.
      const value = metadata === undefined ? outcome.result : { body: outcome.result, metadata };
      res.json({ ok: true, value: value ?? null, invocation: { id: outcome.invocationId, calls: outcome.calls.length, ms: outcome.ms } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The error's name travels: NEEDS_AUTHENTICATION_ERR makes the host page ask for consent (host-dialogs.js).
      const name = error instanceof InvocationError ? error.errorName : undefined;
      const status = error instanceof InvocationError && error.status ? error.status : 500;
      res
        .status(status)
        .json({ ok: false, error: { ...(name ? { name } : {}), message: `There was an error invoking the function - ${message}` } });
    }
  });

  app.post('/__local/bridge/fetch-product', jsonBody, async (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    const {
      product,
      restPath,
      fetchRequestInit: init,
    } = (req.body ?? {}) as { product?: unknown; restPath?: unknown; fetchRequestInit?: FetchRequestInit };
    if (product !== 'jira') {
      res.status(400).json({ ok: false, error: { message: `The local site serves requestJira only, not ${String(product)}.` } });
      return;
    }
    if (typeof restPath !== 'string' || !restPath.startsWith('/')) {
      res.status(400).json({ ok: false, error: { message: 'restPath must be a path starting with "/".' } });
      return;
    }
    try {
      const actor = { kind: 'user' as const, accountId: grant.accountId };
      const response = await parts.callJira(actor, init?.method ?? 'GET', restPath, init?.body ?? null, init?.headers ?? [], 'bridge');
      res.json({
        ok: true,
        value: { status: response.status, statusText: response.statusText, headers: response.headers, body: response.body ?? '' },
      });
    } catch (error) {
      res.status(504).json({ ok: false, error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });

  mountConfigViewBridge(app, parts, jsonBody);
}

/** A macro config view's `view.submit({ config })` and `view.close()`, a sprint action's `view.close()`; elsewhere both answer false. */
function mountConfigViewBridge(app: Express, parts: SiteParts, jsonBody: RequestHandler): void {
  app.post('/__local/bridge/submit', jsonBody, (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    // Only a macro's config view is submittable; elsewhere Forge answers false and the bridge throws.
    if (grant.role?.kind !== 'macro-config') return void res.json({ ok: true, value: false });
    const payload = (bodyField(req, 'payload') ?? {}) as { config?: unknown; keepEditing?: unknown };
    try {
      const macro = parts.confluence.setMacroConfig(grant.role.pageId, grant.role.macroLocalId, payload.config);
      // The open config view now sees the stored config, as Forge's does.
      const extension = grant.context.extension as Record<string, unknown>;
      extension.config = macro.config;
      res.json({ ok: true, value: true, keepEditing: payload.keepEditing === true });
    } catch (error) {
      res
        .status(error instanceof ConfluenceError ? error.status : 400)
        .json({ ok: false, error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });

  app.post('/__local/bridge/close', jsonBody, (req, res) => {
    const grant = grantOf(parts, req, res);
    if (!grant) return;
    const closable = grant.role?.kind === 'macro-config' || grant.role?.kind === 'sprint-action';
    res.json({ ok: true, value: closable });
  });
}
