/**
 * How fast this machine is at what the bench's figures are made of, measured at the start and at
 * the end of a run: the same code measured very differently on machines of the same size (the
 * runs D–I in bench/README.md), and without these a reader cannot tell a slower machine from slower code.
 *
 * - `jsLoopMs`: a fixed integer loop in this Node process (one core's speed for plain JS).
 * - `tcpRoundTripUs`: a 1-byte echo between two loopback sockets of this process, and the CPU it
 *   costs both ends (`tcpCpuUs`): the kernel's loopback and wake-up path every HTTP request and
 *   every database statement of scenario 8 goes through.
 * - `pgRoundTripUs`: a trivial parameterised PostgreSQL statement (extended protocol, as the
 *   server sends them), and the Node CPU each costs (`pgNodeCpuUs`); null without PostgreSQL.
 */
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import pg from 'pg';
import { maskDatabaseUrl } from '../../src/server/config';
import { median } from './stats';

export interface MachineSpeed {
  jsLoopMs: number;
  tcpRoundTripUs: number;
  tcpCpuUs: number;
  pgRoundTripUs: number | null;
  pgNodeCpuUs: number | null;
}

const LOOP_ITERATIONS = 20_000_000;
const ROUND_TRIPS = 2_000;
const BATCHES = 5;

function jsLoopMs(): number {
  const times: number[] = [];
  let x = 0;
  for (let r = 0; r < BATCHES; r++) {
    const t0 = performance.now();
    for (let i = 0; i < LOOP_ITERATIONS; i++) x = (x * 31 + i) | 0;
    times.push(performance.now() - t0);
  }
  // Keep the loop's result alive so it is not optimised away.
  if (x === 0.5) console.log(x);
  return median(times);
}

/** Median over batches of the wall time and the process's CPU per round trip, in µs. */
async function timeRoundTrips(
  roundTrip: () => Promise<unknown>,
): Promise<{ wallUs: number; cpuUs: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const perBatch = ROUND_TRIPS / BATCHES;
  for (let b = 0; b < BATCHES; b++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) await roundTrip();
    wall.push(((performance.now() - t0) * 1000) / perBatch);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / perBatch);
  }
  return { wallUs: median(wall), cpuUs: median(cpu) };
}

async function tcpEcho(): Promise<{ wallUs: number; cpuUs: number }> {
  const server = createServer((s) => s.on('data', (d) => s.write(d)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket: Socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  socket.setNoDelay(true);
  await once(socket, 'connect');
  try {
    return await timeRoundTrips(async () => {
      const answered = once(socket, 'data');
      socket.write('x');
      await answered;
    });
  } finally {
    socket.destroy();
    server.close();
  }
}

async function pgStatement(url: string): Promise<{ wallUs: number; cpuUs: number }> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${maskDatabaseUrl(url)} cannot be reached (BENCH_PG_URL; set it empty to leave PostgreSQL out): ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    let i = 0;
    await client.query('select $1::int as x', [0]);
    return await timeRoundTrips(() => client.query('select $1::int as x', [i++]));
  } finally {
    await client.end();
  }
}

export async function measureMachineSpeed(postgresUrl: string | null): Promise<MachineSpeed> {
  const loop = jsLoopMs();
  const tcp = await tcpEcho();
  const db = postgresUrl ? await pgStatement(postgresUrl) : null;
  return {
    jsLoopMs: loop,
    tcpRoundTripUs: tcp.wallUs,
    tcpCpuUs: tcp.cpuUs,
    pgRoundTripUs: db?.wallUs ?? null,
    pgNodeCpuUs: db?.cpuUs ?? null,
  };
}

const us = (n: number | null) => (n === null ? '–' : `${Math.round(n)} µs`);

/** "JS loop 346 ms · TCP echo 59 µs (CPU 78 µs) · PostgreSQL statement 170 µs (Node CPU 150 µs)". */
export function formatMachineSpeed(s: MachineSpeed): string {
  const pgPart =
    s.pgRoundTripUs === null
      ? 'PostgreSQL not measured'
      : `PostgreSQL statement ${us(s.pgRoundTripUs)} (Node CPU ${us(s.pgNodeCpuUs)})`;
  return `JS loop ${Math.round(s.jsLoopMs)} ms · TCP echo ${us(s.tcpRoundTripUs)} (CPU ${us(s.tcpCpuUs)}) · ${pgPart}`;
}
