// Layout measures for the layout tests: what overflows, which controls are too small or out of reach.
// They read boxes (getBoundingClientRect, scrollWidth), never pixels.

/** The element and everything under it: its light children and, through shadow roots, its parts. */
export function composedElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (element: Element) => {
    found.push(element);
    if (element.shadowRoot) for (const child of element.shadowRoot.children) visit(child);
    for (const child of element.children) visit(child);
  };
  visit(root);
  return found;
}

const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });

/** Hidden for the eyes on purpose (a label for assistive technology only): a 1 px clipped box. */
function visuallyHidden(element: Element, style: CSSStyleDeclaration): boolean {
  return style.clipPath !== 'none' || style.clip !== 'auto' || element.getBoundingClientRect().width <= 1;
}

/** How an element is named in a failure: its tag, part and a bit of its text. */
export function describe(element: Element): string {
  const part = element.getAttribute('part');
  const id = element.id ? `#${element.id}` : '';
  const cls = typeof element.className === 'string' && element.className ? `.${element.className.split(' ')[0]}` : '';
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  return `${element.localName}${id}${part ? `[part=${part}]` : cls}${text ? ` “${text}”` : ''}`;
}

/**
 * Boxes wider than their content room: `scrollWidth > clientWidth` (their content overflows, whether
 * shown, clipped or scrolled), and the root itself outside `frame`. Text cut on purpose with an
 * ellipsis and visually hidden labels are not overflow.
 */
export function horizontalOverflows(root: Element, frame: DOMRect): string[] {
  const problems: string[] = [];
  const rootRect = root.getBoundingClientRect();
  if (rootRect.left < frame.left - 1 || rootRect.right > frame.right + 1)
    problems.push(`${describe(root)} is ${Math.round(rootRect.width)} px wide in a ${Math.round(frame.width)} px frame`);
  for (const element of composedElements(root)) {
    if (!(element instanceof HTMLElement) || !visible(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (element.scrollWidth <= element.clientWidth + 1) continue;
    const clipped = style.overflowX === 'hidden' || style.overflowX === 'clip';
    if (clipped && (style.textOverflow === 'ellipsis' || visuallyHidden(element, style))) continue;
    problems.push(`${describe(element)}: content ${element.scrollWidth} px wide in ${element.clientWidth} px`);
  }
  return problems;
}

const CONTROLS =
  'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role="tab"], [role="menuitem"]';

/** The visible, enabled controls under the root (through shadow roots). */
export function controls(root: Element): HTMLElement[] {
  return composedElements(root).filter(
    (element): element is HTMLElement =>
      element instanceof HTMLElement && element.matches(CONTROLS) && !element.matches(':disabled') && visible(element),
  );
}

/** What the pointer aims at for a control: a checkbox's or file input's label when it has one. */
function target(control: HTMLElement): HTMLElement {
  if (control instanceof HTMLInputElement && ['checkbox', 'radio', 'file'].includes(control.type)) {
    return control.closest('label') ?? (control.labels?.[0] as HTMLElement | undefined) ?? control;
  }
  return control;
}

/**
 * Controls smaller than 24×24 px (WCAG 2.2 target size, minimum), or not within the frame's width (off
 * screen). Links inside a sentence are exempt (WCAG's inline exception); so are visually hidden inputs
 * whose label is the target.
 */
export function unreachableOrSmall(root: Element, frame: DOMRect): string[] {
  const problems: string[] = [];
  for (const control of controls(root)) {
    const style = getComputedStyle(control);
    if (control.localName === 'a' && style.display === 'inline') continue;
    const aim = target(control);
    if (aim === control && visuallyHidden(control, style)) continue;
    const rect = aim.getBoundingClientRect();
    if (rect.width < 23.5 || rect.height < 23.5)
      problems.push(`${describe(control)} is ${rect.width.toFixed(1)}×${rect.height.toFixed(1)} px`);
    if (rect.left < frame.left - 1 || rect.right > frame.right + 1) problems.push(`${describe(control)} is outside the frame's width`);
  }
  return problems;
}
