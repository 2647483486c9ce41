// One module of the widget that loads on first need (a chunk of its own in the script-tag
// build): loaded once, kept, and its host re-rendered when it arrives or fails.
import type {ReactiveControllerHost} from 'lit';

export class LazyModule<T> {
  /** The module, once it has arrived. */
  module: T | undefined;
  /** Why the last attempt failed (its file was refused or could not be fetched); cleared by a retry. */
  error: Error | null = null;
  #loading: Promise<T> | null = null;

  /** The load in flight, or null (none started, arrived or failed). */
  get pending(): Promise<T> | null {
    return this.module || this.error ? null : this.#loading;
  }

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importModule: () => Promise<T>,
    /** Told of each failure, for the page's `akece-error`. */
    private readonly onError: (error: Error) => void
  ) {}

  /** When the last attempt failed (Date.now()). */
  #failedAt = 0;

  /**
   * Starts loading (once) and settles with the module. After a failure it tries again only
   * with `again` (the visitor acted), or with `againAfter` once that many ms have passed since
   * the failure: a refused file is not requested on every render (each failure re-renders).
   */
  load({again = false, againAfter = Infinity} = {}): Promise<T> {
    if (this.error && (again || Date.now() - this.#failedAt >= againAfter)) this.#loading = null;
    this.#loading ??= this.importModule().then(
      (module) => {
        this.module = module;
        this.error = null;
        this.host.requestUpdate();
        return module;
      },
      (cause: unknown) => {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        this.error = error;
        this.#failedAt = Date.now();
        this.onError(error);
        this.host.requestUpdate();
        throw error;
      }
    );
    return this.#loading;
  }
}
