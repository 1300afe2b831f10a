import { getCustomElements } from '@storybook/web-components-vite';
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/agent-bar.js';
import '../src/contact-form.js';
import '../src/login.js';
import '../src/queue.js';
import type { LoginService } from '../src/elements/conecta-login/conecta-login.js';
import { agentBarFixture, createMockClient, queueFixture } from '../test/fixtures/index.js';
import { designTokens, type DesignToken, type DesignTokenGroup } from './design-tokens.js';

/**
 * The theming page's live preview: every global `--conecta-*` token (from src/styles/tokens.ts) as
 * a field, set on the preview's wrapper as a host page would, and every element's own custom
 * properties and parts (from custom-elements.json). It draws in its light DOM, so the toolbar's
 * switches reach the elements of the preview as they reach every story's.
 */

interface ManifestEntry {
  tagName?: string;
  cssProperties?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
}

const groups: DesignTokenGroup[] = ['colours', 'type', 'spacing', 'shape', 'elevation', 'focus'];
const isHexColour = (value: string) => /^#[0-9a-f]{6}$/i.test(value);

/** The login of the preview never signs in: it only shows its form. */
const idleLogin: LoginService = {
  login: () => new Promise(() => {}),
  requestPasswordReset: () => new Promise(() => {}),
};

function manifestElements(): ManifestEntry[] {
  const modules: { declarations?: ManifestEntry[] }[] = getCustomElements()?.modules ?? [];
  return modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);
}

export class StoryThemingPlayground extends LitElement {
  /** The tokens changed here, by name. */
  @state() private values: Record<string, string> = {};

  // The clients of the preview, made once: a re-render on every keystroke must not start them over.
  readonly #queueClient = createMockClient(queueFixture());
  readonly #barClient = createMockClient(agentBarFixture({}));
  readonly #formClient = createMockClient(queueFixture());

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #set(token: DesignToken, value: string): void {
    this.values = { ...this.values, [token.name]: value };
  }

  #field(token: DesignToken) {
    const value = this.values[token.name] ?? token.fallback;
    const id = `token${token.name}`;
    return html`<tr>
      <th scope="row"><label for=${id}><code>${token.name}</code></label></th>
      <td>
        <input
          id=${id}
          type=${isHexColour(token.fallback) ? 'color' : 'text'}
          .value=${value}
          @input=${(event: InputEvent) => this.#set(token, (event.target as HTMLInputElement).value)}
        />
      </td>
      <td><code>${token.fallback}</code></td>
    </tr>`;
  }

  #tokens() {
    return groups.map(
      (group) =>
        html`<table class="tokens">
          <caption>
            ${group}
          </caption>
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">value</th>
              <th scope="col">default</th>
            </tr>
          </thead>
          <tbody>
            ${designTokens.filter((token) => token.group === group).map((token) => this.#field(token))}
          </tbody>
        </table>`,
    );
  }

  #reference() {
    const elements = manifestElements();
    if (elements.length === 0)
      return html`<p>The elements' own properties and parts come from custom-elements.json (<code>npm run manifest</code>).</p>`;
    return elements.map(
      (element) =>
        html`<section>
          <h3><code>&lt;${element.tagName}&gt;</code></h3>
          ${
            element.cssProperties?.length
              ? html`<h4>Its own custom properties</h4>
                <ul>
                  ${element.cssProperties.map((property) => html`<li><code>${property.name}</code> — ${property.description}</li>`)}
                </ul>`
              : nothing
          }
          ${
            element.cssParts?.length
              ? html`<h4>Parts (<code>${element.tagName}::part(name)</code>)</h4>
                <ul>
                  ${element.cssParts.map((part) => html`<li><code>${part.name}</code> — ${part.description}</li>`)}
                </ul>`
              : nothing
          }
        </section>`,
    );
  }

  override render() {
    const changed = Object.entries(this.values);
    return html`<style>
        story-theming-playground {
          display: block;
          font-family: system-ui, sans-serif;
          /* The system's text colour for the page's color-scheme: readable under the toolbar's dark theme. */
          color: CanvasText;
        }
        story-theming-playground .layout {
          display: grid;
          gap: 1.5rem;
          grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
          align-items: start;
        }
        story-theming-playground .tokens {
          border-collapse: collapse;
          margin-block-end: 1rem;
          inline-size: 100%;
        }
        story-theming-playground caption {
          text-align: start;
          font-weight: 600;
          padding-block: 0.5rem;
        }
        story-theming-playground th,
        story-theming-playground td {
          text-align: start;
          padding: 0.25rem 0.5rem 0.25rem 0;
          vertical-align: middle;
          overflow-wrap: anywhere;
        }
        story-theming-playground input[type='text'] {
          inline-size: 100%;
          min-inline-size: 8rem;
          box-sizing: border-box;
        }
        story-theming-playground .preview {
          display: grid;
          gap: 1rem;
          position: sticky;
          inset-block-start: 0;
        }
      </style>
      <div class="layout">
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">Tokens</h2>
          <p>Set on any ancestor of the elements (here, the preview's wrapper). Change one and watch the preview.</p>
          <button type="button" ?disabled=${changed.length === 0} @click=${() => (this.values = {})}>Reset every token</button>
          ${this.#tokens()}
        </section>
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <pre aria-label="The CSS of the tokens changed"><code>${
            changed.length
              ? `.your-page {\n${changed.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`
              : '/* Change a token: its CSS shows here. */'
          }</code></pre>
          <div class="preview" style=${styleMap(Object.fromEntries(changed))}>
            <conecta-agent-bar .client=${this.#barClient}></conecta-agent-bar>
            <conecta-queue .client=${this.#queueClient}></conecta-queue>
            <conecta-contact-form .client=${this.#formClient} contact-id="contact-carla"></conecta-contact-form>
            <conecta-login .service=${idleLogin} email="ana@demo.conecta.dev"></conecta-login>
          </div>
        </section>
      </div>
      <h2>Each element's own custom properties and parts</h2>
      ${this.#reference()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'story-theming-playground': StoryThemingPlayground;
  }
}
