import { learningsPageCss } from '../../shared/learnings/page-styles';
import { mountApp } from '../../shared/mount-app';
import { App } from './app';

export function mount(): void {
  mountApp(<App />, learningsPageCss);
}
