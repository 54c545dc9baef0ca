/**
 * Faults injected into real AWS SDK v3 clients through their middleware stack, as DynamoDB and S3
 * produce them: a call fails before it reaches the service, or after the service applied it (the
 * response was lost). Added at the initialize step, above the SDK's own retries, so a fault reaches
 * the handler the way a throttle that outlasted the retries does.
 */
export interface FaultInjection {
  /** What was injected, e.g. "after PutItemCommand"; for a failing test's message. */
  readonly injected: string[];
}

type Handler = (args: unknown) => Promise<unknown>;

/** Any SDK v3 client (their stacks differ only in the command types, which this ignores). */
interface MiddlewareClient {
  middlewareStack: { add(middleware: any, options: { step: 'initialize'; name: string }): void }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class InjectedFault extends Error {
  constructor(
    readonly when: 'before' | 'after',
    readonly command: string,
  ) {
    super(`injected fault ${when} ${command}`);
    // What a throttle looks like to the caller, so code that branches on error names sees one.
    this.name = when === 'before' ? 'ThrottlingException' : 'TimeoutError';
  }
}

export { seededRandom } from '../../cli/eval/shuffle';

export function injectFaults(clients: readonly MiddlewareClient[], chance: () => number, rate: number): FaultInjection {
  const injected: string[] = [];
  for (const client of clients) {
    client.middlewareStack.add(
      (next: Handler, context: { commandName?: string }) => async (args: unknown) => {
        const command = context.commandName ?? 'command';
        if (chance() < rate) {
          injected.push(`before ${command}`);
          throw new InjectedFault('before', command);
        }
        const result = await next(args);
        if (chance() < rate) {
          injected.push(`after ${command}`);
          throw new InjectedFault('after', command);
        }
        return result;
      },
      { step: 'initialize', name: 'corroborateFaultInjection' },
    );
  }
  return { injected };
}

/**
 * Invokes until an invocation gets through without an injected fault, as the platform retries a
 * failed invocation; any other error, or more than `maxRetries` faults in a row, is thrown.
 * Returns how many attempts failed.
 */
export async function retryInjectedFaults(invoke: () => Promise<unknown>, maxRetries: number): Promise<number> {
  for (let failed = 0; ; failed += 1) {
    try {
      await invoke();
      return failed;
    } catch (error) {
      if (!(error instanceof InjectedFault) || failed >= maxRetries) throw error;
    }
  }
}
