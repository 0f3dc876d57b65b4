import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CapAlert } from '@shared/schemas/cap-alert';
import type { DomainEvent } from '@shared/schemas/event';
import type { Delivery, Recipient, Warning, WarningCoverage } from '@shared/schemas/warning';
import { syncedStore } from '../../shell/realtime/syncedStore';
import { capApi, warningsApi } from './api';
import { laterRecipient, newerWarning } from './recipientMerge';

/** What the desk holds of one warning's 叫应 (loaded when the board opens it, then kept live by events). */
export interface AnswerEntry {
  recipients: Record<string, Recipient>;
  deliveries: Record<string, Delivery>;
  loading: boolean;
  error: unknown;
}

/**
 * The county's warnings (drafts, in force, lately ended), the alerts received from others, the coverage of
 * each warning in force (every board screen), and, for the warnings the desk opens, their recipients and
 * deliveries (staff only: names, phones, personal links).
 */
export const useWarningsStore = defineStore('warnings', () => {
  const byId = ref<Record<string, Warning>>({});
  const capById = ref<Record<string, CapAlert>>({});
  const coverage = ref<Record<string, WarningCoverage>>({});
  const answers = ref<Record<string, AnswerEntry>>({});

  const list = computed(() => Object.values(byId.value));
  const capAlerts = computed(() => Object.values(capById.value));
  const get = (id: string): Warning | undefined => byId.value[id];

  function put(warning: Warning): void {
    byId.value[warning.id] = newerWarning(byId.value[warning.id], warning);
  }

  /** A warning older than the snapshot holds (a link to it), fetched by id. */
  async function fetchOne(id: string): Promise<void> {
    put(await warningsApi.get(id));
  }

  /** A received alert the snapshot no longer holds (ended or replaced days ago, a link to it), fetched by id. */
  async function fetchAlert(id: string): Promise<void> {
    const alert = await capApi.get(id);
    // An event may have brought a newer copy while the answer was on its way.
    capById.value[alert.id] ??= alert;
  }

  function putRecipient(recipient: Recipient): void {
    const entry = answers.value[recipient.warningId];
    if (entry) entry.recipients[recipient.id] = laterRecipient(entry.recipients[recipient.id], recipient);
  }

  /** Loads a warning's recipients and deliveries now; later events keep them live. */
  async function loadAnswers(warningId: string): Promise<void> {
    answers.value[warningId] ??= { recipients: {}, deliveries: {}, loading: false, error: null };
    const entry = answers.value[warningId];
    entry.loading = true;
    entry.error = null;
    try {
      const [recipients, deliveries] = await Promise.all([warningsApi.recipients(warningId), warningsApi.deliveries(warningId)]);
      const current = answers.value[warningId];
      if (!current) return;
      // Events that arrived while loading are newer than or as new as the answer: keep the later of each.
      for (const r of recipients) current.recipients[r.id] = laterRecipient(current.recipients[r.id], r);
      for (const d of deliveries) current.deliveries[d.id] = current.deliveries[d.id] && current.deliveries[d.id]!.updatedAt > d.updatedAt ? current.deliveries[d.id]! : d;
    } catch (e) {
      entry.error = e;
    } finally {
      entry.loading = false;
    }
  }

  /** Keeps a warning's answers live from now on, loading them unless held. */
  async function trackAnswers(warningId: string): Promise<void> {
    const held = answers.value[warningId];
    if (!held || held.error) await loadAnswers(warningId);
  }

  const answersOf = (warningId: string): AnswerEntry | undefined => answers.value[warningId];

  function reset(lists: { warnings: Warning[]; capAlerts: CapAlert[]; warningCoverage: WarningCoverage[] }): void {
    byId.value = Object.fromEntries(lists.warnings.map((w) => [w.id, w]));
    capById.value = Object.fromEntries(lists.capAlerts.map((a) => [a.id, a]));
    coverage.value = Object.fromEntries(lists.warningCoverage.map((c) => [c.warningId, c]));
    // Events were missed: what the desk holds is reloaded.
    for (const id of Object.keys(answers.value)) void loadAnswers(id);
  }

  function clear(): void {
    byId.value = {};
    capById.value = {};
    coverage.value = {};
    answers.value = {};
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'warning.drafted':
      case 'warning.draft_edited':
      case 'warning.issued':
        put(event.payload.warning);
        break;
      case 'warning.replaced':
        put(event.payload.warning);
        put(event.payload.replacedBy);
        break;
      case 'warning.coverage_changed':
        coverage.value[event.payload.warningId] = event.payload;
        break;
      case 'warning.recipients_queued':
        for (const r of event.payload.recipients) putRecipient(r);
        break;
      case 'warning.recipients_sent': {
        const entry = answers.value[event.payload.warningId];
        for (const id of event.payload.recipientIds) {
          const r = entry?.recipients[id];
          if (r) putRecipient({ ...r, state: r.state === 'queued' ? 'sent' : r.state, sentAt: r.sentAt ?? event.payload.at });
        }
        break;
      }
      case 'warning.recipient_changed':
        putRecipient(event.payload.recipient);
        break;
      case 'warning.delivery_failed': {
        const entry = answers.value[event.payload.delivery.warningId];
        if (entry) entry.deliveries[event.payload.delivery.id] = event.payload.delivery;
        break;
      }
      case 'cap.received':
        capById.value[event.payload.alert.id] = event.payload.alert;
        break;
      case 'cap.replaced':
        capById.value[event.payload.alert.id] = event.payload.alert;
        break;
      default:
        break;
    }
  }

  return { byId, capById, coverage, list, capAlerts, get, put, fetchOne, fetchAlert, answersOf, loadAnswers, trackAnswers, reset, clear, applyEvent };
});

/** The events the warnings store handles and its part of the synchronised state. */
export const warningsSync = syncedStore({
  name: 'warnings',
  events: [
    'warning.drafted',
    'warning.draft_edited',
    'warning.issued',
    'warning.replaced',
    'warning.coverage_changed',
    'warning.recipients_queued',
    'warning.recipients_sent',
    'warning.recipient_changed',
    'warning.delivery_failed',
    'cap.received',
    'cap.replaced',
  ],
  apply: (event) => useWarningsStore().applyEvent(event),
  fromSnapshot: (snapshot) => useWarningsStore().reset(snapshot),
  clear: () => useWarningsStore().clear(),
});
