/** Messages of the alarms and the SOS banner on the desk and the wall; composed into shell/i18n/zh-CN.ts. */
const alarmsZhCN = {
  alarm: {
    title: '报警',
    none: '当前无报警',
    acknowledge: '确认',
    acknowledgedBy: '{name} 已确认',
    raisedAt: '报警时间',
    kind: {
      unit_silent: '{teamName} 已 {minutes} 分钟未上报位置',
      dispatch_undelivered: '{priorityText}调度未送达：{teamName}（{destination}），已 {minutes} 分钟',
      dispatch_unaccepted: '{priorityText}调度未接受：{teamName}（{destination}），已 {minutes} 分钟',
      sos: 'SOS 求救：{teamName}（{reportedBy}）{note}',
      report_overdue: '{code} {title}：{reportKindText}超时未报',
      shelter_near_full: '{township}{shelterName}接近满员（{occupancy}/{capacity}）',
      shelter_full: '{township}{shelterName}已满员（{occupancy}/{capacity}）',
      stock_low: '{depotName}{itemName}低于下限：可用 {available}{unit}，下限 {minLevel}{unit}',
      warning_unanswered: '{township}未叫应（{headline}，{minutes} 分钟）：{silent}',
    },
    resolveSos: 'SOS 已处置',
    severity: { critical: '紧急', warning: '警告', info: '提示' },
    state: { raised: '未确认', acknowledged: '已确认', cleared: '已解除' },
    unacknowledged: '{n} 条未确认',
  },
  sos: {
    banner: 'SOS 求救',
    label: '未处置的 SOS 求救',
    team: '{teamName} 求救',
    raisedAt: '{time} 发出（{age}）',
    reportedBy: '发出人：{name}',
    where: '位置：{township} {lat}, {lon}',
    unknownPlace: '海上或县外',
    noPosition: '位置未知',
    unacknowledged: '未确认',
    escalated: '已超过 1 分钟无人确认',
    acknowledgedBy: '{name} 已于 {time} 确认，处置中',
    acknowledge: '确认 SOS',
    resolve: 'SOS 已处置',
    mapMarkers: '地图上闪烁的 SOS 队伍',
    mapMarker: '{teamName}：SOS {state}',
  },
};

export default alarmsZhCN;
