// Programs shared by the end-to-end tests and tools/longtasks.mjs.

/** `nProcs` processes, each running `nThreads` threads that each add up
 *  `n` numbers (issue #15's CPU model; 8 × 4 is the page-stays-answering
 *  case). */
export const PROCESSES_CODE = (nProcs, nThreads, n) => [
  'import multiprocessing, threading',
  '',
  'def spin(n):',
  '    t = 0',
  '    for i in range(n):',
  '        t += i',
  '    return t',
  '',
  'def proc(k):',
  `    ts = [threading.Thread(target=spin, args=(${n},)) for _ in range(${nThreads})]`,
  '    for t in ts:',
  '        t.start()',
  '    for t in ts:',
  '        t.join()',
  "    print('process', k, 'done')",
  '',
  "if __name__ == '__main__':",
  `    ps = [multiprocessing.Process(target=proc, args=(k,)) for k in range(${nProcs})]`,
  '    for p in ps:',
  '        p.start()',
  '    for p in ps:',
  '        p.join()',
  "    print('all done')",
  '',
].join('\n');
