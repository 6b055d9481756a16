# Seed: 003_c54b0ec6a75473fa.txt, the "Async Socket" server snippet (start_server + serve_forever).
# The network is replaced by a fake server: one fake client connects after 0.5 s and
# its read() takes 0.1 s; serve_forever() waits forever as the real one does, so once
# the client is served the loop can never make progress again (a hang).
import asyncio

class FakeStream:
    def __init__(self, incoming):
        self.incoming = incoming
    def write(self, data):
        print("server sends", data)
    async def read(self, n):
        await asyncio.sleep(0.1)
        return self.incoming[:n]
    def close(self):
        print("server closes the connection")

class FakeServer:
    async def serve_forever(self):
        await asyncio.get_running_loop().create_future()

async def start_server(handler, host, port):
    async def one_client():
        await asyncio.sleep(0.5)
        stream = FakeStream(b'ping')
        await handler(stream, stream)
    asyncio.create_task(one_client())
    return FakeServer()

async def main():
    async def handler(reader, writer):
        writer.write(b'pong')
        print(await reader.read(4))
        writer.close()

    server = await start_server(handler, '127.0.0.1', 9487)
    await server.serve_forever()

asyncio.run(main())
