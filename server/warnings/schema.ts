/** Row types of the warnings domain (migration 0007): county warnings, received CAP alerts, contacts, recipients, deliveries. */
export interface WarningRow {
  id: string;
  identifier: string | null;
  msg_type: string;
  replaces_id: string | null;
  hazard: string;
  colour: string;
  /** JSON: township names. */
  townships: string;
  /** JSON: texts per language. */
  texts: string;
  effective: string;
  expires: string;
  status: string;
  exercise: number;
  drafted_by_id: string;
  drafted_by_name: string;
  drafted_at: string;
  approved_by_id: string | null;
  approved_by_name: string | null;
  issued_at: string | null;
  replaced_by_id: string | null;
  /** The CAP 1.2 XML as published, kept byte for byte so the feed always serves what was signed off. */
  cap_xml: string | null;
  updated_at: string;
  /** JSON: the contacts a drill warning drafted during a real response may reach (migration 0014); null: its townships' as usual. */
  drill_contact_ids?: string | null;
}

export interface CapAlertRow {
  id: string;
  cap_version: string;
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msg_type: string;
  scope: string;
  /** JSON: [{ sender, identifier }]. */
  refs: string;
  /** JSON: the info blocks. */
  infos: string;
  state: string;
  replaced_by_id: string | null;
  source: string;
  received_at: string;
  xml: string;
}

export interface ContactRow {
  id: string;
  name: string;
  duty: string;
  township: string;
  unit: string;
  phones: string;
  channels: string;
  backup_id: string | null;
  updated_at: string;
}

export interface RecipientRow {
  id: string;
  /** The subject's id: a warning's, or a plan task's when `subject_type` is 'task' (migration 0011). */
  warning_id: string;
  subject_type: string;
  contact_id: string;
  name: string;
  duty: string;
  township: string;
  phones: string;
  channels: string;
  role: string;
  /** For a backup (AB角): the primary recipient they stand in for. */
  backup_for: string | null;
  state: string;
  /** SHA-256 of the personal link's token; the token itself is never stored. */
  token_hash: string;
  expires_at: string;
  queued_at: string;
  sent_at: string | null;
  opened_at: string | null;
  received_at: string | null;
  done_at: string | null;
  done_note: string | null;
  photo_file: string | null;
  /** JSON { by, at, note } or null. */
  phone_answer: string | null;
  /** JSON [{ channel, error, at }]. */
  failures: string;
}

export interface DeliveryRow {
  id: string;
  warning_id: string;
  subject_type: string;
  recipient_id: string | null;
  channel: string;
  state: string;
  attempts: number;
  last_error: string | null;
  text: string;
  to_address: string;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WarningTables {
  warnings: WarningRow;
  cap_alerts: CapAlertRow;
  contacts: ContactRow;
  warning_recipients: RecipientRow;
  warning_deliveries: DeliveryRow;
}
