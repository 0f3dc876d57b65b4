interface BatteryLike {
  level: number;
  addEventListener(type: 'levelchange', cb: () => void): void;
  removeEventListener(type: 'levelchange', cb: () => void): void;
}

/** Battery level in percent where the browser offers it (Chromium on Android); null elsewhere. */
export async function watchBattery(onLevel: (percent: number | null) => void): Promise<() => void> {
  const nav = navigator as Navigator & { getBattery?: () => Promise<BatteryLike> };
  if (!nav.getBattery) {
    onLevel(null);
    return () => {};
  }
  try {
    const battery = await nav.getBattery();
    const update = () => onLevel(Math.round(battery.level * 100));
    update();
    battery.addEventListener('levelchange', update);
    return () => battery.removeEventListener('levelchange', update);
  } catch {
    onLevel(null);
    return () => {};
  }
}
