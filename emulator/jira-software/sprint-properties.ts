/**
 * Sprint entity properties (`/rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}`), with
 * Jira's answers: a sprint of a project you cannot browse does not exist for you (404); storing or
 * removing needs "Manage sprints" on its project (403); a value must be non-empty JSON of at most
 * 32,768 bytes (the spec's setProperty body: "The maximum length of the property value is 32768 bytes").
 */
import type { ExtraRoute, RouteAnswer, RouteRequest, SearchActor } from '../jira/search/search-service';
import type { AccessLevel } from '../jira/search/search-http';
import type { LocalStore, SprintRow } from '../store/local-store';

export const SPRINT_PROPERTY_LIMITS = { valueBytes: 32_768, keyChars: 255 } as const;

const SPRINT_NOT_FOUND = 'Sprint does not exist or you do not have permission to view it.';
const answer = (status: number, body: unknown): RouteAnswer => ({ status, body });
const errors = (status: number, ...messages: string[]) => answer(status, { errorMessages: messages, errors: {} });
const RANK: Record<AccessLevel, number> = { none: 0, browse: 1, edit: 2, 'manage-sprints': 3, admin: 4 };

interface StoredRow {
  value_text: string;
}

export class SprintProperties {
  constructor(
    private readonly store: LocalStore,
    private readonly level: (actor: SearchActor, projectKey: string) => AccessLevel,
  ) {}

  routes(): ExtraRoute[] {
    const template = '/rest/agile/1.0/sprint/{sprintId}/properties/{propertyKey}';
    return [
      { method: 'GET', template, handle: (r, [s = '', k = '']) => this.get(r, s, decodeURIComponent(k)) },
      { method: 'PUT', template, handle: (r, [s = '', k = '']) => this.put(r, s, decodeURIComponent(k)) },
      { method: 'DELETE', template, handle: (r, [s = '', k = '']) => this.remove(r, s, decodeURIComponent(k)) },
    ];
  }

  /** The sprint when it exists and the actor may browse its project; else the answer to give. */
  private visible(actor: SearchActor, sprintId: string): SprintRow | RouteAnswer {
    if (!/^\d+$/.test(sprintId)) return errors(400, 'The sprint id must be a positive number.');
    const sprint = this.store.getSprint(Number(sprintId));
    if (!sprint || RANK[this.level(actor, sprint.projectKey)] < RANK.browse) return errors(404, SPRINT_NOT_FOUND);
    return sprint;
  }

  private modifiable(actor: SearchActor, sprintId: string): SprintRow | RouteAnswer {
    const sprint = this.visible(actor, sprintId);
    if (!('id' in sprint)) return sprint;
    if (RANK[this.level(actor, sprint.projectKey)] < RANK['manage-sprints']) {
      return errors(403, 'You do not have permission to edit this sprint.');
    }
    return sprint;
  }

  private row(sprintId: number, key: string): StoredRow | undefined {
    return this.store.database.prepare('SELECT value_text FROM sprint_properties WHERE sprint_id = ? AND key = ?').get(sprintId, key) as
      StoredRow | undefined;
  }

  private get(req: RouteRequest, sprintId: string, key: string): RouteAnswer {
    const sprint = this.visible(req.actor, sprintId);
    if (!('id' in sprint)) return sprint;
    const stored = this.row(sprint.id, key);
    if (!stored) return errors(404, `The property with key '${key}' does not exist.`);
    return answer(200, { key, value: JSON.parse(stored.value_text) as unknown });
  }

  private put(req: RouteRequest, sprintId: string, key: string): RouteAnswer {
    const sprint = this.modifiable(req.actor, sprintId);
    if (!('id' in sprint)) return sprint;
    if (key.length === 0 || key.length > SPRINT_PROPERTY_LIMITS.keyChars) {
      return errors(400, `The property key must be 1 to ${SPRINT_PROPERTY_LIMITS.keyChars} characters.`);
    }
    const text = req.bodyText ?? '';
    if (Buffer.byteLength(text, 'utf8') > SPRINT_PROPERTY_LIMITS.valueBytes) {
      return errors(400, `The property value is too long: at most ${SPRINT_PROPERTY_LIMITS.valueBytes} bytes.`);
    }
    try {
      if (text.trim() === '') throw new Error('empty');
      JSON.parse(text);
    } catch {
      return errors(400, 'The property value must be a valid, non-empty JSON value.');
    }
    const now = new Date().toISOString();
    const existed = this.row(sprint.id, key) !== undefined;
    this.store.database
      .prepare(
        `INSERT INTO sprint_properties (sprint_id, key, value_text, created, updated) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(sprint_id, key) DO UPDATE SET value_text = excluded.value_text, updated = excluded.updated`,
      )
      .run(sprint.id, key, text, now, now);
    return answer(existed ? 200 : 201, undefined);
  }

  private remove(req: RouteRequest, sprintId: string, key: string): RouteAnswer {
    const sprint = this.modifiable(req.actor, sprintId);
    if (!('id' in sprint)) return sprint;
    const removed = this.store.database.prepare('DELETE FROM sprint_properties WHERE sprint_id = ? AND key = ?').run(sprint.id, key);
    return removed.changes > 0 ? answer(204, undefined) : errors(404, `The property with key '${key}' does not exist.`);
  }
}
