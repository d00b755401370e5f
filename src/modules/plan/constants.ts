/**
 * Fixed vocabularies of the plan module. Codes are stored; the UI translates them.
 * CADCA lists follow the Strategic Prevention Framework, the Drug-Free Communities
 * "12 sectors" and CADCA's "7 strategies for community change".
 */

/** Computed execution status of an item, sub-item, section or plan. */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const PERIODICITIES = ['once', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const PLAN_KINDS = ['national', 'regional'] as const;

/** The five steps of the Strategic Prevention Framework, as phases of a regional plan. */
export const CADCA_STEPS = ['assessment', 'capacity', 'planning', 'implementation', 'evaluation'] as const;

/** The 12 community sectors a coalition should draw members from. */
export const CADCA_SECTORS = [
  'youth', 'parents', 'business', 'media', 'schools', 'youth_orgs', 'law_enforcement', 'religious',
  'civic_volunteer', 'healthcare', 'government', 'other',
] as const;

/** The 7 strategies for community change that tag activities. */
export const CADCA_STRATEGIES = [
  'provide_information', 'enhance_skills', 'provide_support', 'enhance_access', 'change_consequences',
  'physical_design', 'modify_policies',
] as const;

/** Days before a deadline on which executors are reminded, largest first. */
export const REMINDER_DAYS = [14, 7, 1] as const;

/** Notification kinds; due_N are reminders, the report_* ones follow a secretariat decision. */
export const NOTIFICATION_KINDS = ['due_14', 'due_7', 'due_1', 'overdue', 'report_accepted', 'report_returned'] as const;

/** Attachment limits: bytes live in the database, so they are kept modest. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_REPORT = 5;
/** Imported workbooks: larger files are almost certainly not a plan. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 3000;

/** Types served inline-safe as declared; anything else downloads as application/octet-stream. */
export const SAFE_MIME = new Set([
  'application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/msword', 'application/vnd.ms-excel',
]);

export const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
