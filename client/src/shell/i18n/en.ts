import adminEn from '../../features/admin/messages/en';
import alarmsEn from '../../features/alarms/messages/en';
import authEn from '../../features/auth/messages/en';
import deskEn from '../../features/desk/messages/en';
import devicesEn from '../../features/devices/messages/en';
import dispatchesEn from '../../features/dispatches/messages/en';
import dutyEn from '../../features/duty/messages/en';
import gaugesEn from '../../features/gauges/messages/en';
import fieldEn from '../../features/field/messages/en';
import incidentsEn from '../../features/incidents/messages/en';
import mapEn from '../../features/map/messages/en';
import sheltersEn from '../../features/shelters/messages/en';
import suppliesEn from '../../features/supplies/messages/en';
import teamsEn from '../../features/teams/messages/en';
import reviewEn from '../../features/review/messages/en';
import typhoonEn from '../../features/typhoon/messages/en';
import warningsEn from '../../features/warnings/messages/en';
import responseEn from '../../features/response/messages/en';
import videoEn from '../../features/video/messages/en';
import wallEn from '../../features/wall/messages/en';
import versionsEn from '../versions/messages/en';
import type { MessageSchema } from './zh-CN';

const en: MessageSchema = {
  app: { title: 'Xiangshan County Emergency Command · One Map', shortTitle: 'Xiangshan Emergency Command', name: 'Tidewatch', county: 'Xiangshan County' },
  nav: { desk: 'Desk', wall: 'Wall', admin: 'Administration', field: 'Field', logout: 'Sign out', signedInAs: '{name} ({role})' },
  lang: { label: 'Language', 'zh-CN': '中文', en: 'English', short: { 'zh-CN': '中文', en: 'EN' } },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    create: 'Create',
    close: 'Close',
    confirm: 'OK',
    actions: 'Actions',
    loading: 'Loading…',
    saved: 'Saved',
    none: 'None',
    all: 'All',
    yes: 'Yes',
    no: 'No',
    confirmDelete: 'Delete “{name}”?',
    labelled: '{label}: {value}',
    listJoin: ', ',
    clauseJoin: ', ',
    withUnit: '{name} ({unit})',
    inParens: ' ({text})',
  },
  connection: {
    connecting: 'Connecting',
    online: 'Online',
    offline: 'Offline',
    resyncing: 'Resyncing',
    attempt: 'reconnect attempt {n}',
    offlineFor: 'offline for {age}',
    offlineHint: 'data may be out of date',
  },
  age: { justNow: 'just now', seconds: '{n} s ago', minutes: '{n} min ago', hours: '{n} h ago', days: '{n} d ago', never: 'never reported' },
  duration: { seconds: '{n} s', minutes: '{n} min', hours: '{n} h', days: '{n} d' },
  errors: {
    VALIDATION_FAILED: 'The request is not valid.',
    UNAUTHENTICATED: 'Please sign in.',
    INVALID_CREDENTIALS: 'Wrong username or password.',
    FORBIDDEN: 'Your role may not do this.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'This conflicts with the current state.',
    INVALID_TRANSITION: 'Not possible in the current state.',
    INSUFFICIENT_STOCK: 'Not enough stock: stock never goes below zero',
    VIDEO_UNAVAILABLE: 'The video relay is not running.',
    DRILL_NEEDS_CONFIRMATION: 'A real response is running: type the confirmation and choose the teams and contacts the drill may reach.',
    STORE_UNAVAILABLE: 'The server cannot reach its database right now: nothing was saved. Try again shortly (tablets resend by themselves).',
    PDF_UNAVAILABLE: 'The server cannot make PDFs (Chromium is not installed): print the page from the browser instead.',
    CAMERA_OFFLINE: 'This camera has no live picture right now.',
    HTTPS_REQUIRED: 'Open this page over HTTPS (https://…): over plain HTTP the sign-in crosses the network in clear.',
    UNKNOWN_DEVICE: 'This device is not registered.',
    WEAK_PASSWORD: 'Password too easy to guess: choose one that is not a common password, not only blanks and not one character repeated.',
    LOGIN_THROTTLED: 'Too many failed sign-ins; try again later.',
    WRITE_THROTTLED: 'Too many reports at once; this device will send the rest shortly.',
    RATE_LIMITED: 'Too many requests at once; trying again shortly.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    CLIENT_OUTDATED: 'This screen runs an older version: reload it to continue.',
    INTERNAL: 'Something went wrong on the server.',
    NETWORK_ERROR: 'Network error: the server cannot be reached.',
    TIMEOUT: 'The request timed out.',
    OFFLINE: 'Offline; try again shortly.',
    BAD_ANSWER: 'The server answered in a form this screen does not understand; reload the page.',
  },
  notFound: { title: 'Page not found', back: 'Back to start' },
  ...adminEn,
  ...alarmsEn,
  ...authEn,
  ...deskEn,
  ...devicesEn,
  ...dispatchesEn,
  ...dutyEn,
  ...fieldEn,
  ...incidentsEn,
  ...mapEn,
  ...sheltersEn,
  ...suppliesEn,
  ...teamsEn,
  ...typhoonEn,
  ...warningsEn,
  ...responseEn,
  ...gaugesEn,
  ...reviewEn,
  ...videoEn,
  ...wallEn,
  ...versionsEn,
  // Namespaces that several features fill (keys predate the feature folders).
  admin: { ...adminEn.admin, ...authEn.admin, ...devicesEn.admin, ...teamsEn.admin },
  desk: { ...deskEn.desk, ...teamsEn.desk, ...wallEn.desk },
};

export default en;
