/** Messages of the map; composed into shell/i18n/zh-CN.ts. */
const mapZhCN = {
  map: { loading: '地图加载中…', clicked: '地图点选：北纬 {lat}，东经 {lon}' },
};

export default mapZhCN;
