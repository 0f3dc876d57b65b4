/** Messages of the admin screen; composed into shell/i18n/zh-CN.ts. */
const adminZhCN = {
  admin: {
    tabs: { users: '用户', devices: '设备', teams: '队伍', supplies: '物资', cameras: '摄像头', shelters: '安置场所', stations: '监测站点' },
  },
};

export default adminZhCN;
