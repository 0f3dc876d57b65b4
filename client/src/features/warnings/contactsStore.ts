import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Contact } from '@shared/schemas/contact';
import type { DomainEvent } from '@shared/schemas/event';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** The 叫应 contacts registry (staff screens only: the wall and tablets get it empty). */
export const useContactsStore = defineStore('contacts', () => {
  const byId = ref<Record<string, Contact>>({});
  const list = computed(() => Object.values(byId.value));
  const get = (id: string | null): Contact | undefined => (id ? byId.value[id] : undefined);

  function put(contact: Contact): void {
    const held = byId.value[contact.id];
    if (!held || held.updatedAt <= contact.updatedAt) byId.value[contact.id] = contact;
  }

  function applyEvent(event: DomainEvent): void {
    if (event.type === 'contact.saved') put(event.payload.contact);
    else if (event.type === 'contact.removed') delete byId.value[event.payload.contactId];
  }

  return {
    byId,
    list,
    get,
    put,
    applyEvent,
    reset: (contacts: Contact[]) => (byId.value = Object.fromEntries(contacts.map((c) => [c.id, c]))),
    clear: () => (byId.value = {}),
  };
});

export const contactsSync = syncedStore({
  name: 'contacts',
  events: ['contact.saved', 'contact.removed'],
  apply: (event) => useContactsStore().applyEvent(event),
  fromSnapshot: (snapshot) => useContactsStore().reset(snapshot.contacts),
  clear: () => useContactsStore().clear(),
});
