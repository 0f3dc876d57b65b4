import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Device, DeviceCreate, DeviceCredentials } from '@shared/schemas/device';
import type { DomainEvent } from '@shared/schemas/event';
import { devicesApi } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** Admin only: tracking devices, kept live by device.* events. */
export const useDevicesStore = defineStore('devices', () => {
  const byId = ref<Record<string, Device>>({});
  const list = computed(() => Object.values(byId.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  const forTeam = (teamId: string) => list.value.filter((d) => d.teamId === teamId);

  const put = (device: Device) => {
    byId.value[device.id] = device;
  };

  function reset(devices: Device[]): void {
    byId.value = Object.fromEntries(devices.map((d) => [d.id, d]));
  }

  function applyEvent(event: DomainEvent): void {
    if (event.type === 'device.registered' || event.type === 'device.revoked') put(event.payload.device);
  }

  async function load(): Promise<void> {
    reset(await devicesApi.list());
  }

  /** The credentials come back once; the caller shows them and must not store them. */
  async function register(input: DeviceCreate): Promise<DeviceCredentials> {
    const credentials = await devicesApi.register(input);
    put(credentials.device);
    return credentials;
  }

  async function revoke(id: string): Promise<Device> {
    const device = await devicesApi.revoke(id);
    put(device);
    return device;
  }

  return { byId, list, forTeam, reset, applyEvent, load, register, revoke };
});

/** The events the devices store handles and its part of the synchronised state. */
export const devicesSync = syncedStore({
  name: 'devices',
  events: ['device.registered', 'device.revoked'],
  apply: (event) => useDevicesStore().applyEvent(event),
  fromSnapshot: (snapshot) => useDevicesStore().reset(snapshot.devices),
  clear: () => useDevicesStore().reset([]),
});
