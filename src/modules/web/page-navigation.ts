import { Injectable } from '@nestjs/common';
import { Principal } from '../../common/auth/principal';
import { Language, Text } from '../../common/i18n/language';
import type { NavigationLink } from './views/layout.view';

/** A page a feature adds to the header of signed-in pages. */
export interface NavigationEntry {
  href: string;
  label: Text;
  /** Shown only to holders of one of these granted roles; to everyone signed in when absent. */
  roles?: string[];
}

/**
 * The header navigation of signed-in pages. Features register their pages at start-up: modules
 * never import workflows, so the shell cannot list the workflow pages itself.
 */
@Injectable()
export class PageNavigation {
  private readonly entries: NavigationEntry[] = [];

  /** Adds entries in order; an href already present is kept as it was. */
  add(...entries: NavigationEntry[]): void {
    for (const entry of entries) {
      if (!this.entries.some((existing) => existing.href === entry.href)) this.entries.push(entry);
    }
  }

  /** The links this person may see, the one for the current page (or a page under it) marked. */
  linksFor(principal: Principal, language: Language, currentPath: string): NavigationLink[] {
    return this.entries
      .filter((entry) => !entry.roles?.length || entry.roles.some((role) => principal.roles.includes(role)))
      .map((entry) => ({
        href: entry.href,
        label: entry.label[language],
        current: currentPath === entry.href ? 'page' : currentPath.startsWith(`${entry.href}/`) ? 'section' : undefined,
      }));
  }
}
