/** Messages of the wall (team and alarm panels, the situation summary, the layout set from the desk); composed into shell/i18n/zh-CN.ts. */
const wallZhCN = {
  wall: { teams: '队伍动态', alarms: '报警信息', total: '共 {n} 支', page: '第 {page}/{pages} 页' },
  board: {
    incidentsBySeverity: '未结事件 {n} 起',
    overdueReports: '{n} 项报告超时',
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
      trailMinutes: '轨迹时长（分钟）',
      apply: '应用到大屏',
      applied: '已应用到大屏',
    },
  },
};

export default wallZhCN;
