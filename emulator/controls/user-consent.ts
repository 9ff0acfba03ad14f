/**
 * Per-user consent. `settings.confluenceAsUserJira = 'needs-auth'` says the
 * site's people have not yet allowed the app to act as them across products;
 * a person who then presses "Allow access" on the consent prompt (Forge's
 * answer to a NeedsAuthenticationError the resolver did not catch) is recorded
 * here, and their own invocations are no longer refused. In memory: a reset
 * or a restart forgets every consent, as a fresh install would.
 */
import type { SiteSettings } from './site-settings';

export class UserConsent {
  private readonly granted = new Set<string>();

  grant(accountId: string): void {
    this.granted.add(accountId);
  }

  revoke(accountId: string): void {
    this.granted.delete(accountId);
  }

  has(accountId: string | null | undefined): boolean {
    return typeof accountId === 'string' && this.granted.has(accountId);
  }

  list(): string[] {
    return [...this.granted];
  }

  clear(): void {
    this.granted.clear();
  }
}

/**
 * The settings the runtime reads (`host.settings`), where
 * `confluenceAsUserJira` answers for whoever is invoking: 'needs-auth' turns
 * into 'granted' inside an invocation of a user who allowed access. Outside
 * one it is the site's mode as set.
 */
export function consentAwareSettings(base: SiteSettings, consent: UserConsent, invokingAccountId: () => string | null): SiteSettings {
  let mode = base.confluenceAsUserJira;
  const settings = { ...base };
  Object.defineProperty(settings, 'confluenceAsUserJira', {
    enumerable: true,
    get: () => (mode === 'needs-auth' && consent.has(invokingAccountId()) ? 'granted' : mode),
    set: (value: SiteSettings['confluenceAsUserJira']) => {
      mode = value;
    },
  });
  return settings;
}
