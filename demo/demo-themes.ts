// The fragments the generator builds the demo's work from: themes shared across teams, and each team's plan.

import { COMMERCE_THEMES } from './demo-themes-commerce';
import { PRODUCT_THEMES } from './demo-themes-product';

export type Handle = 'alice' | 'bob' | 'carol' | 'dan';

export interface Theme {
  tag: string;
  /** What a team tries ("showing the refund amount next to the price"). */
  changes: string[];
  /** What it should do ("raise Flex uptake"). */
  effects: string[];
  metrics: string[];
  /** Story/task summaries; {market} and {audience} are filled in. */
  summaries: string[];
  bugs: string[];
  /** Things teams found out. */
  findings: string[];
  surprises: string[];
  related: string[];
}

export const MARKETS = ['Spain', 'Italy', 'France', 'Germany', 'the UK', 'Portugal', 'the Netherlands'];
export const AUDIENCES = [
  'first-time customers',
  'returning customers',
  'business travellers',
  'families',
  'students',
  'customers over 60',
  'app users',
  'guest customers',
];

export const THEMES: Record<string, Theme> = { ...COMMERCE_THEMES, ...PRODUCT_THEMES };

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
