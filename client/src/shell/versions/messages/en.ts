import type updateZhCN from './zh-CN';

const updateEn: typeof updateZhCN = {
  update: {
    offer: 'A new version is available: reload to update.',
    wait: 'A new version is available: this screen updates itself once everything is sent and no form is open.',
    reloading: 'Updating to the new version…',
    updated: 'Updated to the new version.',
    reload: 'Reload',
  },
};

export default updateEn;
