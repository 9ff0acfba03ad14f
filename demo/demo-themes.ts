// The fragments the generator builds the demo's work from: themes shared across teams, and each team's plan.

import { COMMERCE_THEMES } from './demo-themes-commerce';
import { DISCOVERY_THEMES } from './demo-themes-discovery';
import { PRODUCT_THEMES } from './demo-themes-product';

export type Handle = 'alice' | 'bob' | 'carol' | 'dan';

/**
 * One thing a team tries: its ticket's title, the hypothesis's parts and what it taught, written together so a
 * ticket, its hypothesis and its learnings are about the same thing.
 */
export interface Idea {
  /** The ticket's title ("Price lock for 24 hours"); the generator adds a market, an audience or a step to keep titles unique. */
  summary: string;
  /** What the team tries, as the hypothesis says it ("a price-lock option for 24 hours"); shares a word with the summary. */
  change: string;
  /** What it should do ("make people book sooner"). */
  effect: string;
  metric: string;
  /** What teams found out trying it; {market} and {audience} are filled in. */
  findings: string[];
  surprises: string[];
}

export interface Theme {
  tag: string;
  ideas: Idea[];
  /** Bug titles (bugs carry no record). */
  bugs: string[];
  related: string[];
}

export const MARKETS = ['Spain', 'Italy', 'France', 'Germany', 'the UK', 'Portugal', 'the Netherlands'];
export const AUDIENCES = [
  'first-time customers',
  'returning customers',
  'business travellers',
  'families',
  'commuters',
  'older customers',
  'app users',
  'guest customers',
];

export const THEMES: Record<string, Theme> = { ...COMMERCE_THEMES, ...PRODUCT_THEMES, ...DISCOVERY_THEMES };

export interface TeamPlan {
  projectKey: string;
  themes: string[];
  epics: string[];
  people: Handle[];
}

export const TEAM_PLANS: TeamPlan[] = [
  {
    projectKey: 'FLEX',
    themes: ['refunds', 'pricing', 'labeling', 'mobile', 'email'],
    epics: ['Refund options customers understand', 'Flex in every market', 'Self-service cancellations'],
    people: ['alice', 'bob', 'carol', 'dan'],
  },
  {
    projectKey: 'CHK',
    themes: ['checkout', 'payments', 'pricing', 'mobile', 'refunds'],
    epics: ['Checkout in one page', 'Local payment methods', 'Fewer payment failures'],
    people: ['bob', 'alice', 'carol', 'dan'],
  },
  {
    projectKey: 'GROW',
    themes: ['onboarding', 'retention', 'email', 'pricing', 'mobile'],
    epics: ['First booking in a week', 'Customers who come back', 'Alerts people want'],
    people: ['alice', 'bob', 'dan'],
  },
  {
    projectKey: 'SRCH',
    themes: ['search', 'ranking', 'pricing', 'refunds', 'performance'],
    epics: ['Results that help people choose', 'Fast search everywhere', 'Search that understands typos'],
    people: ['carol', 'bob', 'alice', 'dan'],
  },
];
