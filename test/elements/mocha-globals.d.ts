// The browser tests run on mocha (through web-test-runner). Only the few globals they use are
// declared, rather than adding @types/mocha to every type-check (tsconfig's `types` is `node`).
type MochaDone = (error?: unknown) => void;
/** What a test's `this` offers: a longer timeout for one slow case. */
interface MochaContext {
  timeout(ms: number): void;
}
type MochaBody = (this: MochaContext, done: MochaDone) => void | Promise<unknown>;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body?: MochaBody | (() => void | Promise<unknown>)): void;
declare function before(body: MochaBody | (() => void | Promise<unknown>)): void;
declare function after(body: MochaBody | (() => void | Promise<unknown>)): void;
declare function beforeEach(body: MochaBody | (() => void | Promise<unknown>)): void;
declare function afterEach(body: MochaBody | (() => void | Promise<unknown>)): void;
/** A case shown as pending, with its reason in the title (the layout tests' known failures). */
declare namespace it {
  function skip(title: string, body?: MochaBody | (() => void | Promise<unknown>)): void;
}
