import type devicesZhCN from './zh-CN';

/** English messages of the tracker devices (kinds and the devices admin tab); same shape as ./zh-CN.ts. */
const devicesEn: typeof devicesZhCN = {
  deviceKind: { browser: 'Browser', osmand: 'OsmAnd / Traccar Client', owntracks: 'OwnTracks' },
  admin: {
    devices: {
      register: 'Register device',
      name: 'Device name',
      kind: 'Protocol',
      team: 'Team',
      lastSeen: 'Last seen',
      rejected: 'Rejected fixes',
      revoked: 'Revoked',
      revoke: 'Revoke',
      confirmRevoke: 'Revoke device “{name}”? Its reports will be refused.',
      credentialsTitle: 'Device credentials (shown once)',
      credentialsWarning: 'Write these down now; they cannot be shown again.',
      osmandSteps: 'In Traccar Client (or another OsmAnd-protocol client) set:',
      owntracksSteps: 'In OwnTracks choose HTTP mode and set:',
      serverUrl: 'Server URL',
      deviceId: 'Device identifier',
      url: 'URL',
      user: 'Username',
      password: 'Password',
      tlsNote: 'If the server uses a self-signed certificate, trust it on the phone first.',
      noAddress: 'No address a phone can reach was found: check this machine\'s network, or set PUBLIC_HOSTNAMES.',
      frequency: 'Frequency',
      frequencyValue: 'interval {interval} s, distance 0, angle 0; heartbeat {heartbeat} s when still',
      otherSettings: 'Other settings',
      otherSettingsValue: 'accuracy: high; offline buffering: on; service: on',
      qrAlt: 'Traccar Client configuration QR code',
      qrHint: 'Scan this code in Traccar Client\'s settings to fill in all of the above',
      mode: 'Mode',
      owntracksNote: 'Turn Authentication on with the user name and password above; Device ID and Tracking ID are labels only.',
      identifier: 'Existing device identifier (optional)',
      identifierPlaceholder: 'e.g. IMEI; leave empty for a safe key',
      identifierWarning: 'Warning: in the OsmAnd protocol the identifier is the only credential. Anyone who knows it (an IMEI is printed on the box, an app\'s default id is on its screen) can report positions as this team. Leave it empty to use the generated key unless the tracker cannot change its identifier.',
      battery: 'Battery',
      clockSkew: 'Clock skew',
      skewAhead: '{n} s ahead',
      skewBehind: '{n} s behind',
      thinned: 'Thinned fixes',
    },
  },
};

export default devicesEn;
