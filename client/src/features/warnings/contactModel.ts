import type { Contact } from '@shared/schemas/contact';

export interface ContactGroup {
  township: string;
  contacts: Array<{ contact: Contact; backup: Contact | null; backupOf: Contact[] }>;
}

/**
 * The registry by township (the county's order, then any other), each person with their backup (B角) and
 * the people they stand in for; primaries before backups, then by name.
 */
export function contactsByTownship(contacts: readonly Contact[], order: readonly string[]): ContactGroup[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const isBackup = (c: Contact) => contacts.some((o) => o.backupId === c.id);
  const townships = [...order.filter((t) => contacts.some((c) => c.township === t)), ...new Set(contacts.map((c) => c.township).filter((t) => !order.includes(t)))];
  return townships.map((township) => ({
    township,
    contacts: contacts
      .filter((c) => c.township === township)
      .sort((a, b) => Number(isBackup(a)) - Number(isBackup(b)) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((contact) => ({ contact, backup: contact.backupId ? (byId.get(contact.backupId) ?? null) : null, backupOf: contacts.filter((o) => o.backupId === contact.id) })),
  }));
}

/** Phone numbers as typed: separated by spaces, commas, semicolons or slashes (either width). */
export const splitPhones = (text: string): string[] =>
  text
    .split(/[\s,;/\uFF0C\uFF1B\u3001]+/)
    .map((p) => p.trim())
    .filter(Boolean);
