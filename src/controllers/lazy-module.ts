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

  /**
   * Starts loading (once) and settles with the module. After a failure it tries again only
   * with `again` (the visitor acted), so that a refused file is not requested on every render.
   */
  load({again = false} = {}): Promise<T> {
    if (again && this.error) this.#loading = null;
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
        this.onError(error);
        this.host.requestUpdate();
        throw error;
      }
    );
    return this.#loading;
  }
}
