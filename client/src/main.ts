import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './shell/styles/base.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './shell/i18n';
import { router } from './shell/router';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.use(router);
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
