// Each widget has its own API under `window.conecta.webchats[channelKey]`.
import { webchatApi } from './webchat-ready.js';

document.getElementById('open-vendas').addEventListener('click', async () => (await webchatApi('demo-vendas')).open());
document.getElementById('open-suporte').addEventListener('click', async () => (await webchatApi('demo')).open());
