import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

/*
 * The panels wrap rather than follow a container query: each has a basis and grows, so a wide desk
 * holds them in one row (the session taking the room left) and a narrow one (a CRM's side column, a
 * phone) puts each under the other at full width: no size container needed on the host.
 */
export const agentDeskStyles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  .desk {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  .panels {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: ${t.spaceM};
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  .queue {
    flex: 1 1 var(--conecta-agent-desk-queue-width, 20rem);
  }
  .session {
    flex: 999 1 28rem;
  }
  .contact,
  .colleagues {
    flex: 1 1 var(--conecta-agent-desk-side-width, 18rem);
  }
  .placeholder {
    margin: 0;
    padding: ${t.spaceL};
    border: 1px dashed ${t.border};
    border-radius: ${t.radiusM};
    color: ${t.muted};
  }
  .close {
    align-self: flex-end;
  }
`;
