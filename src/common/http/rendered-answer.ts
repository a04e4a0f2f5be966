import type { FastifyReply } from 'fastify';

/** A rendered answer: the body, its media type and, for a file, how to save or show it. */
export interface RenderedAnswer<Body> {
  body: Body;
  contentType: string;
  /** Content-Disposition: `inline; filename="…"` or `attachment; filename="…"`; null for none. */
  disposition: string | null;
}

/**
 * Sets a rendered answer's Content-Type and Content-Disposition and returns its body, for a
 * handler with `@Res({ passthrough: true })` to hand to Fastify, which sends (or streams) it.
 */
export function sendRendered<Body>(reply: FastifyReply, answer: RenderedAnswer<Body>): Body {
  void reply.header('content-type', answer.contentType);
  if (answer.disposition) void reply.header('content-disposition', answer.disposition);
  return answer.body;
}
