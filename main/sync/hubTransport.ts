import type {
  EnrolResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncStateResponse,
} from '../../hub/protocol'

/** The desk's view of the hub; the HTTP one is real, tests wrap it to drop, repeat or reorder. */
export interface HubTransport {
  push(request: PushRequest): Promise<PushResponse>
  pull(request: PullRequest): Promise<PullResponse>
  /** What the hub holds of this desk (to find out that it was restored from an older backup). */
  state(): Promise<SyncStateResponse>
}

export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function post<T>(
  url: string,
  body: unknown,
  credential: string | null,
  timeoutMs: number,
  method: 'POST' | 'GET' = 'POST',
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) {
    const detail = await response.text().catch(() => '')
    throw new HubHttpError(response.status, `hub answered ${response.status}: ${detail.slice(0, 200)}`)
  }
  return (await response.json()) as T
}

export function httpTransport(hubUrl: string, credential: string, timeoutMs = 30_000): HubTransport {
  const base = hubUrl.replace(/\/+$/, '')
  return {
    push: (request) => post(`${base}/v1/sync/push`, request, credential, timeoutMs),
    pull: (request) => post(`${base}/v1/sync/pull`, request, credential, timeoutMs),
    state: () => post(`${base}/v1/sync/state`, null, credential, timeoutMs, 'GET'),
  }
}

export function enrolWithHub(hubUrl: string, code: string, deskId: string): Promise<EnrolResponse> {
  return post(`${hubUrl.replace(/\/+$/, '')}/v1/enrol`, { code, deskId }, null, 15_000)
}
