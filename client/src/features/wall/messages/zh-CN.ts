/** Messages of the wall (team and alarm panels, the situation summary and its charts, the layout set from the desk); composed into shell/i18n/zh-CN.ts. */
const wallZhCN = {
  wall: { teams: '队伍动态', alarms: '报警信息', total: '共 {n} 支', page: '第 {page}/{pages} 页' },
  board: {
    incidentsBySeverity: '未结事件 {n} 起',
    overdueReports: '{n} 项报告超时',
  },
  evacuation: {
    title: '人员转移安置',
    sheltered: '集中安置',
    withRelatives: '投亲靠友',
    evacuated: '转移合计',
    perTownship: '各乡镇转移人数',
  },
  stock: {
    title: '重点物资库存',
    scale: '竖线为下限，满格为下限的两倍',
    available: '可用',
    minLevel: '下限',
    low: '{n} 个仓库低于下限',
    unit: '（{unit}）',
  },
  desk: {
    layout: {
      title: '大屏图层',
      teams: '队伍',
      trails: '轨迹',
      labels: '标注',
      townships: '乡镇边界',
      incidents: '事件',
      shelters: '安置场所',
      depots: '物资仓库',
      typhoon: '台风',
      warnings: '预警范围',
      stations: '监测站点',
      trailMinutes: '轨迹时长（分钟）',
      apply: '应用到大屏',
      applied: '已应用到大屏',
    },
  },
};

export default wallZhCN;
