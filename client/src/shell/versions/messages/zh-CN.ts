/** Messages of the update notice (a screen running an older build than the server's); merged into zh-CN.ts. */
const updateZhCN = {
  update: {
    offer: '有新版本可用，刷新即可更新。',
    wait: '有新版本：未发送的内容发出、表单关闭后，本屏将自动更新。',
    reloading: '正在更新到新版本…',
    updated: '已更新到新版本。',
    reload: '刷新',
  },
};

export default updateZhCN;
