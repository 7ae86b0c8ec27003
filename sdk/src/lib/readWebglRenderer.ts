/**
 * The WebGL renderer's name (the unmasked one where the browser gives it), or undefined
 * without WebGL. Creating a context costs milliseconds and a GPU process round trip: call
 * it once, at idle; the context is released at once (`WEBGL_lose_context`), since browsers
 * cap live contexts per page and drop the oldest (the page's own).
 */
export function readWebglRenderer(): string | undefined {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const gl = canvas.getContext('webgl') as WebGLRenderingContext | null;
    if (!gl) return;
    // https://registry.khronos.org/webgl/extensions/WEBGL_debug_renderer_info/ (Firefox unmasks RENDERER itself).
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : undefined;
  } catch {
    return undefined;
  }
}
