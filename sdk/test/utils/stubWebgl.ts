import { vi } from 'vitest';

/**
 * Makes `canvas.getContext('webgl')` return a minimal context whose unmasked renderer is
 * `renderer` (null: no WebGL; an Error: getContext throws). Returns the spies, so a test
 * can check the context was made once and released. Undo with `vi.restoreAllMocks()`.
 */
export function stubWebgl(renderer: string | null | Error) {
  const loseContext = vi.fn();
  const gl = {
    RENDERER: 0x1f01,
    getExtension: (name: string) =>
      name === 'WEBGL_debug_renderer_info'
        ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
        : name === 'WEBGL_lose_context'
          ? { loseContext }
          : null,
    getParameter: (key: number) => (key === 0x9246 ? renderer : 'WebKit WebGL'),
  };
  const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((
    type: string,
  ) => {
    if (renderer instanceof Error) throw renderer;
    return type === 'webgl' && renderer !== null ? gl : null;
  }) as never);
  return { getContext, loseContext };
}
