import { route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { isHttpUrl } from '../../domain/record/learning-record';
import type { SiteFactsPort } from '../../ports/search/site-facts.port';
import { callJira, jiraAs, JSON_HEADERS } from '../platform/jira-client';
import { storageKeys } from '../platform/storage-keys';

/** The Sprint field's schema type (Jira Software): its id is `customfield_NNNNN`, different on every site. */
export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';
/** Facts are read again after a day: a site's URL or fields rarely change. */
const FACTS_VALID_MS = 24 * 60 * 60 * 1000;

interface SiteFacts {
  siteUrl: string | null;
  sprintFieldId: string | null;
  /** Epoch ms; compared here, never left to a KVS TTL (expiry is lazy). */
  validUntil: number;
}

interface FieldBean {
  id?: unknown;
  schema?: { custom?: unknown };
}

/**
 * The site URL from Jira's server info (documented, needs no scope) and the Sprint
 * field from the field list: the resolver's documented context has no `siteUrl`, and
 * the Sprint field's id is site-specific. Cached in KVS, so most invocations pay one
 * KVS read and no Jira call; read once per invocation at most.
 */
export class JiraSiteFacts implements SiteFactsPort {
  private facts: Promise<SiteFacts> | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  async siteUrl(): Promise<string | null> {
    return (await this.load()).siteUrl;
  }

  async sprintFieldId(): Promise<string | null> {
    return (await this.load()).sprintFieldId;
  }

  /**
   * The Sprint field id as last cached, however old (a site's field ids do not change), without
   * asking Jira; undefined when nothing was ever cached. For the save path, which must not add
   * Jira calls: the scheduled rebuild caches it.
   */
  async knownSprintFieldId(): Promise<string | null | undefined> {
    const cached = await kvs.get<Partial<Record<keyof SiteFacts, unknown>>>(storageKeys.siteFacts());
    const id = cached?.sprintFieldId;
    return typeof id === 'string' || id === null ? id : undefined;
  }

  private load(): Promise<SiteFacts> {
    this.facts ??= this.cachedOrFresh();
    return this.facts;
  }

  private async cachedOrFresh(): Promise<SiteFacts> {
    const cached = await kvs.get<SiteFacts>(storageKeys.siteFacts()).catch(() => undefined);
    if (cached && typeof cached.validUntil === 'number' && cached.validUntil > this.now()) return cached;
    const [siteUrl, sprintFieldId] = await Promise.all([this.readSiteUrl(), this.readSprintFieldId()]);
    const fresh: SiteFacts = { siteUrl, sprintFieldId, validUntil: this.now() + FACTS_VALID_MS };
    await kvs.set(storageKeys.siteFacts(), fresh).catch(() => undefined);
    return fresh;
  }

  private async readSiteUrl(): Promise<string | null> {
    const { body } = await callJira({ subject: "the site's address" }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/serverInfo`, { method: 'GET', headers: JSON_HEADERS }),
    );
    const baseUrl = (body as { baseUrl?: unknown } | undefined)?.baseUrl;
    return typeof baseUrl === 'string' && isHttpUrl(baseUrl) ? baseUrl.replace(/\/+$/, '') : null;
  }

  private async readSprintFieldId(): Promise<string | null> {
    const { body } = await callJira({ subject: "the site's fields" }, () =>
      jiraAs('app').requestJira(route`/rest/api/3/field`, { method: 'GET', headers: JSON_HEADERS }),
    );
    const fields = Array.isArray(body) ? (body as FieldBean[]) : [];
    const sprint = fields.find((field) => field.schema?.custom === SPRINT_FIELD_TYPE && typeof field.id === 'string');
    return sprint ? (sprint.id as string) : null;
  }
}
