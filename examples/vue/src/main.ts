import { createApp } from 'vue';
import App from './app.vue';

const statusServer = document.querySelector<HTMLMetaElement>('meta[name="status-server"]')!.content;
createApp(App, { statusServer }).mount('#app');
