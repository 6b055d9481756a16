# Seed: 003_c54b0ec6a75473fa.txt, the "Async Socket" client snippet.
# open_connection / read need the network: the connection is replaced by a fake
# reader/writer whose read() sleeps like a network round trip and echoes the data.
import asyncio

class FakeWriter:
    def __init__(self, buffer):
        self.buffer = buffer
    def write(self, data):
        self.buffer.append(data)
    def close(self):
        print("connection closed")

class FakeReader:
    def __init__(self, buffer):
        self.buffer = buffer
    async def read(self, n):
        await asyncio.sleep(0.1)
        return self.buffer.pop(0)[:n]

async def open_connection(host, port):
    await asyncio.sleep(0.05)
    buffer = []
    return FakeReader(buffer), FakeWriter(buffer)

async def main():
    reader, writer = await open_connection('127.0.0.1', 9487)
    writer.write(b'ping')
    print(await reader.read(4))
    writer.close()

asyncio.run(main())
