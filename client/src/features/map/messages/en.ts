import type mapZhCN from './zh-CN';

/** English messages of the map; same shape as ./zh-CN.ts. */
const mapEn: typeof mapZhCN = {
  map: { loading: 'Loading map…', clicked: 'Map point: {lat} N, {lon} E' },
};

export default mapEn;
