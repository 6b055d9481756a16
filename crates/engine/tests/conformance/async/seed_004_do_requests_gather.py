# Seed: 004_ba5992cb7ab2e48a.txt, the aiohttp "Hello, asyncio" snippet (10 GET requests
# gathered). The HTTP request is replaced by an asyncio.sleep(0.6) returning a fake
# response with status 200.
import asyncio


class FakeResponse:
    status = 200


async def fake_get(url):
    await asyncio.sleep(0.6)
    return FakeResponse()


def do_requests():
    return fake_get('https://example.com')


async def main():
    tasks = []
    for _ in range(0, 10):
        tasks.append(do_requests())

    results = await asyncio.gather(*tasks)
    for r in results:
        print('example.com =>', r.status)


if __name__ == '__main__':
    asyncio.run(main())
