/** Messages of the map, its basemaps and pick mode; composed into shell/i18n/zh-CN.ts. */
const mapZhCN = {
  map: { loading: '地图加载中…', clicked: '地图点选：北纬 {lat}，东经 {lon}' },
  basemap: {
    label: '底图',
    outline: '离线轮廓图',
    gcj02: '{name}（GCJ-02 已纠偏）',
    failed: '底图“{name}”无法加载，已改用离线轮廓图（稍后自动重试）',
    pickMode: '选点',
    pickModeHint: '选点模式：点击地图取坐标，忽略图上标记',
  },
};

export default mapZhCN;
