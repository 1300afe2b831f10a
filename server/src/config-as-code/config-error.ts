/** A place in the company file: keys and list indexes from the top, e.g. `['teams', 1, 'waitingTimeout']`. */
export type ConfigPath = readonly (string | number)[];

/** One thing wrong with the company file, where it is. */
export interface ConfigError {
  /** 1-based; `null` when the place is not in the file (e.g. a reference checked against the database). */
  line: number | null;
  path: ConfigPath;
  message: string;
}

/** `teams[1].waitingTimeout` */
export function formatPath(path: ConfigPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** `company.yaml:14 teams[1].waitingTimeout: expected a duration like 30m` */
export function formatConfigError(fileName: string, error: ConfigError): string {
  const where = error.line === null ? fileName : `${fileName}:${error.line}`;
  const path = formatPath(error.path);
  return `${where} ${path ? `${path}: ` : ''}${error.message}`;
}

/** Thrown with every error found at once, so the file is fixed in one go. */
export class InvalidCompanyFile extends Error {
  constructor(
    readonly fileName: string,
    readonly errors: readonly ConfigError[],
  ) {
    super(errors.map((error) => formatConfigError(fileName, error)).join('\n'));
    this.name = 'InvalidCompanyFile';
  }
}
