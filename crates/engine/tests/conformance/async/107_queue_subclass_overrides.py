# Queue subclasses overriding the storage and size methods: put() and get()
# must call the overrides (a plain Queue may take a shortcut, a subclass not),
# and a plain Queue keeps its order through many items, waits and cancels.
import asyncio
import collections


class LoggingQueue(asyncio.Queue):
    def _init(self, maxsize):
        print("  _init", maxsize)
        self._queue = collections.deque()

    def _put(self, item):
        print("  _put", item)
        self._queue.append(item)

    def _get(self):
        item = self._queue.popleft()
        print("  _get", item)
        return item

    def qsize(self):
        n = len(self._queue)
        print("  qsize", n)
        return n

    def full(self):
        f = super().full()
        print("  full", f)
        return f


class TinyQueue(asyncio.Queue):
    # Claims to be full at two items whatever maxsize says.
    def full(self):
        return self.qsize() >= 2


class OddQueue(asyncio.Queue):
    # Only ever admits odd items: even ones go nowhere.
    def _put(self, item):
        if item % 2:
            super()._put(item)


class SneakyQueue(asyncio.Queue):
    pass


async def consumer(name, q, n, out):
    for _ in range(n):
        item = await q.get()
        out.append((name, item))
        q.task_done()


async def main():
    print("logging queue")
    q = LoggingQueue(maxsize=2)
    await q.put("a")
    await q.put("b")
    print("get", await q.get())
    await q.put("c")
    print("get", await q.get(), await q.get())
    print("empty", q.empty())

    print("tiny queue")
    t = TinyQueue(maxsize=100)
    await t.put(1)
    await t.put(2)
    waiter = asyncio.create_task(t.put(3))
    await asyncio.sleep(0)
    print("put 3 waiting:", not waiter.done(), t.qsize())
    print("get", await t.get())
    await waiter
    print("after:", t.qsize(), len(t._putters))

    print("odd queue")
    o = OddQueue()
    for i in range(5):
        await o.put(i)
    print("qsize", o.qsize(), "unfinished", o._unfinished_tasks)
    print("got", [await o.get() for _ in range(o.qsize())])

    print("rebinding asyncio.Queue")
    original = asyncio.Queue
    asyncio.Queue = SneakyQueue
    try:
        s = asyncio.Queue(maxsize=1)
        await s.put("x")
        print(type(s).__name__, await s.get())
    finally:
        asyncio.Queue = original

    print("plain queue: 200 items, 3 consumers, maxsize 5")
    q = asyncio.Queue(maxsize=5)
    out = []
    consumers = [asyncio.create_task(consumer(i, q, n, out)) for i, n in enumerate((70, 70, 60))]
    for i in range(200):
        await q.put(i)
        if i % 37 == 0:
            await asyncio.sleep(0)
    await q.join()
    await asyncio.gather(*consumers)
    print(len(out), [item for _, item in out] == list(range(200)))
    print(collections.Counter(name for name, _ in out))
    print(q, q._finished.is_set())

    print("cancelled getter and putter")
    q = asyncio.Queue(maxsize=1)
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g1.cancel()
    await asyncio.sleep(0)
    await q.put("y")
    print("g2 got", await g2, "g1 cancelled", g1.cancelled())
    await q.put("z")
    p1 = asyncio.create_task(q.put("w1"))
    p2 = asyncio.create_task(q.put("w2"))
    await asyncio.sleep(0)
    p1.cancel()
    print("get", await q.get())
    await asyncio.sleep(0)
    print("p1 cancelled", p1.cancelled(), "p2 done", p2.done(), "qsize", q.qsize())
    print("get", await q.get())

    print("bad maxsize")
    bad = asyncio.Queue(maxsize=None)
    try:
        await bad.put(1)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
