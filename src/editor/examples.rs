//! The playground's ready examples: small programs to start from.

/// A ready example: (id, title, code).
pub type Example = (&'static str, &'static str, &'static str);

/// The blank template the playground starts from.
pub const TEMPLATE: &str = "import asyncio


async def main():
    print(\"hello\")
    await asyncio.sleep(1)
    print(\"world\")


asyncio.run(main())
";

/// Examples taken from lesson snippets (example id, menu title, lesson id,
/// snippet name): the code is the lesson's own, so it is checked against
/// CPython with the lesson and never copied here.
pub const FROM_LESSONS: &[(&str, &str, &str, &str)] = &[
    (
        "taskgroup",
        "TaskGroup: one task fails",
        "taskgroup",
        "main",
    ),
    (
        "task-errors",
        "A task's lost exception",
        "task-errors",
        "main",
    ),
    ("racing", "First answer wins", "racing", "main"),
    (
        "semaphore",
        "Semaphore: three at a time",
        "sync",
        "semaphore",
    ),
    ("backpressure", "Queue with maxsize", "queues", "main"),
    ("crawler", "A small crawler", "patterns", "main"),
    (
        "thread-pool",
        "Threads: a pool and as_completed",
        "threads",
        "pool",
    ),
    (
        "loop-thread",
        "A loop in another thread",
        "loop-in-thread",
        "main",
    ),
];

/// The examples menu, in order.
pub const EXAMPLES: &[Example] = &[
    ("template", "Blank template", TEMPLATE),
    (
        "two-tasks",
        "Two tasks taking turns",
        "import asyncio


async def worker(name, delay):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(delay)


async def main():
    a = asyncio.create_task(worker(\"A\", 1))
    b = asyncio.create_task(worker(\"B\", 1.5))
    await a
    await b


asyncio.run(main())
",
    ),
    (
        "gather",
        "gather: wait for all",
        "import asyncio


async def fetch(n):
    await asyncio.sleep(n / 10)
    return n * n


async def main():
    results = await asyncio.gather(*(fetch(n) for n in range(5)))
    print(results)


asyncio.run(main())
",
    ),
    (
        "timeout",
        "wait_for: a timeout",
        "import asyncio


async def slow():
    await asyncio.sleep(5)
    return \"done\"


async def main():
    try:
        print(await asyncio.wait_for(slow(), timeout=1))
    except asyncio.TimeoutError:
        print(\"gave up after 1 s\")


asyncio.run(main())
",
    ),
    (
        "queue",
        "Producer and consumer",
        "import asyncio


async def producer(q):
    for i in range(3):
        await q.put(i)
        print(\"put\", i)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        print(\"got\", item)
        await asyncio.sleep(0.5)


async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
",
    ),
    (
        "blocking",
        "A loop that never awaits",
        "import asyncio


async def spin():
    while True:
        pass


async def main():
    await spin()


asyncio.run(main())
",
    ),
];
