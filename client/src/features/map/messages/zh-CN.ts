/** Messages of the map's basemaps and pick mode; merged into zh-CN.ts. */
const basemapZhCN = {
  basemap: {
    label: '底图',
    outline: '离线轮廓图',
    gcj02: '{name}（GCJ-02 已纠偏）',
    failed: '底图“{name}”无法加载，已改用离线轮廓图（稍后自动重试）',
    pickMode: '选点',
    pickModeHint: '选点模式：点击地图取坐标，忽略图上标记',
  },
};
export default basemapZhCN;
