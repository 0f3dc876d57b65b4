/** Messages of the desk (tabs, links to missing items, the team hint); composed into shell/i18n/zh-CN.ts. */
const deskZhCN = {
  desk: {
    selectTeam: '在列表或地图上选择一支队伍查看详情',
    missing: {
      team: '未找到该队伍',
      dispatch: '未找到该调度',
      incident: '未找到该事件',
      shelter: '未找到该安置点',
      township: '未找到该乡镇',
      station: '未找到该测站',
      camera: '未找到该摄像头',
      depot: '未找到该物资仓库',
      warning: '未找到该预警',
      alert: '未找到该预警信息',
      hint: '链接中的“{id}”不存在或已被删除。',
    },
    tabs: {
      label: '指挥台功能',
      teams: '队伍',
      dispatches: '调度',
      incidents: '事件',
      shelters: '安置',
      supplies: '物资',
      duty: '值班',
      cameras: '视频',
      review: '复盘',
      typhoon: '台风',
      warnings: '预警',
      response: '响应',
      gauges: '监测',
      work: { dispatches: '{n} 个调度在办', incidents: '{n} 起事件未结' },
      alarms: '{n} 条报警',
      unacknowledged: '{n} 条未确认',
    },
  },
};

export default deskZhCN;
