/** Messages of the SOS banner on the desk and the wall; merged into zh-CN.ts. */
const sosZhCN = {
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

export default sosZhCN;
