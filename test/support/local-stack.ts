import { startLocalStack, type LocalStack } from '../../cli/local/local-stack';

/**
 * The local mini-AWS for one test file: started before its tests, with the standard AWS variables
 * pointed at it (as the handler reads them on Lambda), stopped and the environment restored after.
 */
export function useLocalStack(): { readonly current: LocalStack } {
  let stack: LocalStack | undefined;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    stack = await startLocalStack();
    Object.assign(process.env, stack.environment);
  });
  afterAll(async () => {
    await stack?.stop();
    process.env = savedEnv;
  });
  return {
    get current(): LocalStack {
      if (!stack) throw new Error('the local stack is used before it started');
      return stack;
    },
  };
}
