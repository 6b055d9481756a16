# Seed: 001_e97346f931ba2121.txt, snippet under "使用 asyncio.gather".
import asyncio

async def job(num):
  print(f"Job {num} started")
  await asyncio.sleep(num)
  print(f"Job {num} Ended")

async def main():
  print('Main Started')
  await asyncio.gather(*[job(i+1) for i in range(5)])
  print('Main Ended')

if __name__ == '__main__':

    asyncio.run(main())
