import type { OperatorAnswer, OperatorOrder, OperatorOrderRequest, OperatorPort } from './operatorPort'

export interface HttpOperatorOptions {
  /** The API's base address, e.g. `https://provisioning.operator.example` (no trailing `/v1`). */
  baseUrl: string | (() => Promise<string>)
  apiKey?: string | null
  /** How long to wait for an answer before treating the call as "no answer" (and sending again). */
  timeoutMs?: number
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
])

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } })?.cause
  return cause?.code ?? cause?.errors?.[0]?.code
}

/** Sorts a failed fetch: no connection at all (offline) or a call whose fate is unknown. */
function failure(error: unknown, signal: AbortSignal | undefined): OperatorAnswer {
  if (signal?.aborted) return { kind: 'no_answer', error: 'aborted' }
  if ((error as Error)?.name === 'TimeoutError') return { kind: 'no_answer', error: 'timeout' }
  const code = errorCode(error)
  if (code && CONNECTION_ERRORS.has(code)) return { kind: 'unreachable', error: code }
  return { kind: 'no_answer', error: code ?? (error as Error)?.message ?? String(error) }
}

function isOrder(value: unknown): value is OperatorOrder {
  const o = value as OperatorOrder
  return !!o && typeof o.id === 'string' && typeof o.status === 'string'
}

/**
 * The operator's provisioning API over HTTP/JSON: `POST /v1/orders` with an `Idempotency-Key`
 * header, `GET /v1/orders/:id`. Never throws: every outcome is an `OperatorAnswer`.
 */
export function httpOperator(options: HttpOperatorOptions): OperatorPort {
  const timeoutMs = options.timeoutMs ?? 10_000
  const base = async () =>
    (typeof options.baseUrl === 'string' ? options.baseUrl : await options.baseUrl()).replace(/\/+$/, '')

  async function request(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<OperatorAnswer> {
    const timeout = AbortSignal.timeout(timeoutMs)
    let response: Response
    let text: string
    try {
      response = await fetch(`${await base()}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      })
      text = await response.text()
    } catch (error) {
      return failure(error, signal)
    }
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      return { kind: 'no_answer', error: `http_${response.status}_not_json` }
    }
    if (response.ok) {
      const order = (json as { order?: unknown })?.order
      if (!isOrder(order)) return { kind: 'no_answer', error: `http_${response.status}_no_order` }
      return { kind: 'order', order, replayed: response.headers.get('idempotent-replayed') === 'true' }
    }
    if (method === 'GET' && response.status === 404) return { kind: 'unknown_order' }
    // 408/429/5xx: the operator may have applied it or not; 401/403: our key, not the order, is wrong.
    if (
      response.status === 408 ||
      response.status === 429 ||
      response.status >= 500 ||
      response.status === 401 ||
      response.status === 403
    ) {
      return { kind: 'no_answer', error: `http_${response.status}` }
    }
    const error = (json as { error?: { code?: unknown; message?: unknown } })?.error
    return {
      kind: 'refused',
      code: typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    }
  }

  return {
    submit: (order: OperatorOrderRequest, signal) =>
      request(
        'POST',
        '/v1/orders',
        { 'idempotency-key': order.idempotencyKey },
        {
          action: order.action,
          lineRef: order.lineRef,
          effectiveDate: order.effectiveDate ?? null,
          params: order.params,
        },
        signal,
      ),
    status: (orderId, signal) =>
      request('GET', `/v1/orders/${encodeURIComponent(orderId)}`, {}, undefined, signal),
  }
}
