// The chat's JS API (`window.conecta.webchat`) exists once the async loader has run: wait for its
// <script> to finish, the way any site would. Calls made before the widget itself has loaded are queued.
export function webchatApi(channel = 'demo') {
  const ready = () => window.conecta?.webchats?.[channel];
  if (ready()) return Promise.resolve(ready());
  const loader = document.querySelector(`script[data-channel="${channel}"]`);
  return new Promise((resolve, reject) => {
    loader.addEventListener('load', () => resolve(ready()), { once: true });
    loader.addEventListener('error', () => reject(new Error('the webchat loader did not load')), { once: true });
  });
}
