/**
 * What a section's component draws, computed from the section's rows; SectionView.astro picks the
 * component. Everything here is plain data with rich text already rendered to safe HTML.
 */
import type { Link, ObjectRow, TableRow } from '../lib/pages/common.ts';

/** An "ID | Name | … | Description" table of related objects (TableSection.astro). */
export interface ObjectsView {
  view: 'objects';
  id: string;
  title: string;
  rows: ObjectRow[];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  nameHeader?: string;
  extraHeaders?: string[];
  descriptionHeader?: string | false;
  showDomains?: boolean;
  /** The table's caption for screen readers; the title by default. */
  caption?: string;
  /** How many the heading says; the number of rows by default. */
  count?: number;
  /** A line above the table. */
  note?: (string | Link)[];
}

/** A plain table of values under a heading (DataTable.astro). */
export interface TableView {
  view: 'table';
  id: string;
  title: string;
  count?: number;
  caption: string;
  headers: string[];
  rows: TableRow[];
  empty?: string;
  note?: (string | Link)[];
  /** Kept out of the page's search entry: the team's content, found on its own pages. */
  unindexed?: boolean;
}

/** A technique's detection strategies with their analytics (DetectionTable.astro). */
export interface DetectionsView {
  view: 'detections';
  id: string;
  title: string;
  groups: DetectionGroup[];
  legacyDetectionHtml: string;
  empty: string;
}

export interface DetectionGroup {
  strategy: Link & { attackId: string };
  analytics: { attackId: string; href: string; platforms: string[]; descriptionHtml: string }[];
}

/** A detection strategy's analytics, each linkable as `#AN0001` (AnalyticSection.astro). */
export interface AnalyticsView {
  view: 'analytics';
  id: string;
  title: string;
  analytics: AnalyticView[];
}

export interface AnalyticView {
  attackId: string;
  platforms: string[];
  descriptionHtml: string;
  /** Data Component | Name | Channel */
  logSources: TableRow[];
  /** Field | Description */
  mutableElements: TableRow[];
}

export type SectionView = ObjectsView | TableView | DetectionsView | AnalyticsView;
