// Lists every Content-Security-Policy violation on the page, so a person (or an end-to-end test,
// through `#csp-violations li`) sees at once whether the webchat needs anything the policy forbids.
// A classic script in <head>, before the loader, so it hears violations from the very start.
const violations = [];

document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile || 'page'}:${event.lineNumber})`);
  show();
});

function show() {
  const list = document.getElementById('csp-violations');
  const status = document.getElementById('csp-status');
  if (!list || !status) return; // before the body is parsed: shown once it is
  list.replaceChildren(...violations.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  status.textContent = violations.length ? `${violations.length} violação(ões) de CSP.` : 'Nenhuma violação até agora.';
}

document.addEventListener('DOMContentLoaded', show);
