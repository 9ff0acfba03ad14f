/**
 * The bench's sequential rounds and time inside calls (bench/lib/call-rounds.ts), on call spans
 * written by hand: what the chain is, and what a slow stand-in's stretched calls must not add.
 */
import { sequentialRounds, timeInCalls, underLatency } from '../../bench/lib/call-rounds';

const call = (startedAtMs: number, ms: number) => ({ startedAtMs, ms });

describe('sequential rounds from when calls started and ended', () => {
  it('counts nothing for no call, and one for calls made together however long each took', () => {
    expect(sequentialRounds([])).toBe(0);
    expect(sequentialRounds([call(1000, 300), call(1000, 900), call(1001, 450)])).toBe(1);
  });

  it('counts a call made after another answered as a round more, and takes the longest chain', () => {
    // boards, then sprints, then two searches together, then names after the first search: 4.
    const calls = [call(0, 300), call(301, 300), call(602, 300), call(602, 700), call(903, 300)];
    expect(sequentialRounds(calls)).toBe(4);
  });

  it('does not count a call stretched by the stand-in CPU as a round: a call made while another is under way shares its round', () => {
    // The first search's stand-in CPU stretches it to 1,200 ms; the KVS call made at 310 still ran beside it.
    expect(sequentialRounds([call(0, 1200), call(0, 300), call(310, 300)])).toBe(2);
  });

  it('finds the chain whatever order the calls are listed in (the accounting lists them as they answer)', () => {
    expect(sequentialRounds([call(900, 300), call(0, 300), call(600, 300), call(300, 300)])).toBe(4);
  });
});

describe('time inside calls and the estimate', () => {
  it('adds spans that do not touch and merges those that overlap', () => {
    expect(timeInCalls([])).toBe(0);
    expect(timeInCalls([call(0, 300), call(100, 300), call(500, 100)])).toBe(500);
    expect(timeInCalls([call(500, 100), call(0, 1000)])).toBe(1000);
  });

  it('estimates rounds × latency plus the invocation’s own time outside its calls', () => {
    // 1,500 ms in all: 1,300 inside calls (two rounds, the first stretched), 200 of the resolver's own work.
    expect(underLatency(1500, [call(0, 900), call(1000, 400)], 300)).toEqual({ rounds: 2, ownMs: 200, estimatedMs: 800 });
  });
});
