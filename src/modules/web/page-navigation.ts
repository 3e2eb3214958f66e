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

  /**
   * The links this person may see, one marked: the current page, or else the deepest link the page is under
   * (on `/inbox/submissions/x`, the submissions link rather than the inbox's).
   */
  linksFor(principal: Principal, language: Language, currentPath: string): NavigationLink[] {
    const visible = this.entries.filter((entry) => !entry.roles?.length || entry.roles.some((role) => principal.roles.includes(role)));
    const exact = visible.find((entry) => entry.href === currentPath);
    const section = exact
      ? undefined
      : visible.filter((entry) => currentPath.startsWith(`${entry.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
    return visible.map((entry) => ({
      href: entry.href,
      label: entry.label[language],
      current: entry === exact ? 'page' : entry === section ? 'section' : undefined,
    }));
  }
}
